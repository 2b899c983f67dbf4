/** 报名 / 取消报名 / 候补 and promotion, through the real router on both storage adapters. */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { beijingTime, businessDay } from '../../types/time'
import { counterId } from '../../server/domain/activities/activity-pool'

const VOLUNTEER_1 = 'wx:seed-volunteer-1' // p-001, signed up for the full phone class
const VOLUNTEER_2 = 'wx:seed-volunteer-2' // p-002, signed up too

describe.each(ADAPTERS)('sign-up ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  const counter = async (activityId: string) => (await h.store.get('counters', counterId(activityId)))!

  it('signs up, takes a place, and shows it on the activity', async () => {
    const before = await h.as(ACCOUNTS.retireeDunhuang).ok('activity.get', { id: 'a-health-2' })
    expect(before.mySignup).toBeNull()
    const r = await h.as(ACCOUNTS.retireeDunhuang).ok('signup.create', { activityId: 'a-health-2' })
    expect(r).toEqual({ activityId: 'a-health-2', status: 'signed', already: false, waitlistPosition: null })
    const after = await h.as(ACCOUNTS.retireeDunhuang).ok('activity.get', { id: 'a-health-2' })
    expect(after.mySignup).toBe('signed')
    expect(after.placesLeft).toBe(before.placesLeft! - 1)
    expect(await h.store.get('signups', 'a-health-2:p-lideming')).toMatchObject({
      status: 'signed',
      actorAccountId: ACCOUNTS.retireeDunhuang
    })
  })

  it('treats repeated taps as one sign-up', async () => {
    const me = h.as(ACCOUNTS.retireeDunhuang)
    const results = await Promise.all([1, 2, 3].map(() => me.ok('signup.create', { activityId: 'a-health-2' })))
    expect(results.filter((r) => !r.already)).toHaveLength(1)
    expect((await counter('a-health-2')).taken).toBe(2) // 张桂兰 (seed) + 李德明
    expect(await h.store.count('signups', { activityId: 'a-health-2', personId: 'p-lideming' })).toBe(1)
  })

  it('answers a replayed mutation with the first result', async () => {
    const me = h.as(ACCOUNTS.retireeDunhuang)
    const first = await me.call('signup.create', { activityId: 'a-health-2' }, { mutationId: 'signup-0000001' })
    const again = await me.call('signup.create', { activityId: 'a-health-2' }, { mutationId: 'signup-0000001' })
    expect(again).toEqual(first)
  })

  it('puts her on the waitlist when full, and promotes the waitlist in order when places free up', async () => {
    // The phone class has 3 places, all taken, and p-004 waiting first.
    const zhang = await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    expect(zhang).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect(await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-phone-1' })).toMatchObject({
      mySignup: 'waitlisted',
      myWaitlistPosition: 2,
      placesLeft: 0
    })

    await h.as(VOLUNTEER_1).ok('signup.cancel', { activityId: 'a-phone-1' })
    expect(await h.store.get('signups', 'a-phone-1:p-004')).toMatchObject({ status: 'signed' })
    expect((await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-phone-1' })).myWaitlistPosition).toBe(1)
    expect(await h.store.count('messages', { toPersonId: 'p-004' })).toBe(1)
    expect(await h.store.count('messages', { toPersonId: 'p-zhangguilan' })).toBe(0)

    await h.as(VOLUNTEER_2).ok('signup.cancel', { activityId: 'a-phone-1' })
    const mine = await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-phone-1' })
    expect(mine).toMatchObject({ mySignup: 'signed', myWaitlistPosition: null, placesLeft: 0, waitlistCount: 0 })
    const inbox = await h.as(ACCOUNTS.retiree).ok('message.list', {})
    expect(inbox.unread).toBe(1)
    expect(inbox.items[0]).toMatchObject({
      title: '候补成功：「智能手机使用培训」',
      read: false,
      link: '/packages/activity/detail/index?id=a-phone-1'
    })
    expect(await counter('a-phone-1')).toMatchObject({ capacity: 3, taken: 3, waitlisted: 0 })
  })

  it('skips people who left the waitlist', async () => {
    await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' }) // second in line
    await h.as(ACCOUNTS.retireeDunhuang).ok('signup.create', { activityId: 'a-phone-1' }) // third
    await h.as(ACCOUNTS.retiree).ok('signup.cancel', { activityId: 'a-phone-1' }) // leaves the waitlist
    await h.as(VOLUNTEER_1).ok('signup.cancel', { activityId: 'a-phone-1' }) // frees a place: p-004
    await h.as(VOLUNTEER_2).ok('signup.cancel', { activityId: 'a-phone-1' }) // frees another: 李德明, not 张桂兰
    expect(await h.store.get('signups', 'a-phone-1:p-lideming')).toMatchObject({ status: 'signed' })
    expect(await h.store.get('signups', 'a-phone-1:p-zhangguilan')).toMatchObject({ status: 'cancelled' })
    expect(await counter('a-phone-1')).toMatchObject({ taken: 3, waitlisted: 0 })
  })

  it('puts someone who cancels and signs up again at the back of the line', async () => {
    await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    await h.as(ACCOUNTS.retireeDunhuang).ok('signup.create', { activityId: 'a-phone-1' })
    await h.as(ACCOUNTS.retiree).ok('signup.cancel', { activityId: 'a-phone-1' })
    const again = await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    expect(again).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 })
  })

  it('cancels a sign-up without deleting it, and a second cancel changes nothing', async () => {
    const first = await h.as(ACCOUNTS.retiree).ok('signup.cancel', { activityId: 'a-health-2' })
    expect(first).toMatchObject({ status: 'cancelled', already: false })
    expect(await h.store.get('signups', 'a-health-2:p-zhangguilan')).toMatchObject({ status: 'cancelled' })
    expect((await counter('a-health-2')).taken).toBe(0)
    expect(await h.as(ACCOUNTS.retiree).ok('signup.cancel', { activityId: 'a-health-2' })).toMatchObject({
      already: true
    })
    expect((await counter('a-health-2')).taken).toBe(0)
  })

  it('closes sign-up at the deadline and says when it closed', async () => {
    // 太极拳晨练 starts 07:30; sign-up closed at 06:30; the clock is 07:00.
    const env = await h.as(ACCOUNTS.retiree).call('signup.create', { activityId: 'a-taiji-0' })
    expect(env).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
    expect(env.ok === false && env.message).toContain('06:30')
  })

  it('refuses cancelling once the activity has started', async () => {
    h.clock.set(beijingTime(businessDay(h.clock.now()), '09:31'))
    expect(await h.as(ACCOUNTS.retiree).call('signup.cancel', { activityId: 'a-xuanjiang-0' })).toMatchObject({
      ok: false,
      code: 'CANCEL_CLOSED'
    })
  })

  it('keeps people outside the audience out', async () => {
    expect(await h.as(ACCOUNTS.retireeDunhuang).call('signup.create', { activityId: 'a-taiji-0' })).toMatchObject({
      ok: false,
      code: 'NOT_IN_AUDIENCE'
    })
    expect(await h.as(ACCOUNTS.retireeDunhuang).call('signup.create', { activityId: 'a-dangri-1' })).toMatchObject({
      ok: false,
      code: 'NOT_IN_AUDIENCE'
    })
    expect(await h.as(ACCOUNTS.retiree).call('signup.create', { activityId: 'a-draft-9' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    expect(await h.as(ACCOUNTS.retireeDunhuang).call('signup.create', { activityId: 'a-cancel-6' })).toMatchObject({
      ok: false,
      code: 'NOT_IN_AUDIENCE'
    })
    expect(await h.store.count('signups', { personId: 'p-lideming' })).toBe(2) // the seeded ones only
  })

  it('lets a bound family member sign up for the elder (代办), recording who pressed the button', async () => {
    expect(await h.as(ACCOUNTS.family).call('signup.create', { activityId: 'a-dangri-1' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    const r = await h
      .as(ACCOUNTS.family)
      .ok('signup.create', { activityId: 'a-dangri-1' }, { actingFor: 'p-zhangguilan' })
    expect(r.status).toBe('signed')
    expect(await h.store.get('signups', 'a-dangri-1:p-zhangguilan')).toMatchObject({
      personId: 'p-zhangguilan',
      actorAccountId: ACCOUNTS.family
    })
  })

  it('lists 我的活动: upcoming, waitlisted, cancelled and attended', async () => {
    await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    await h.as(ACCOUNTS.retiree).ok('signup.cancel', { activityId: 'a-health-2' })
    const { items } = await h.as(ACCOUNTS.retiree).ok('signup.mine', {})
    const byId = Object.fromEntries(items.map((i) => [i.activity.id, i]))
    expect(byId['a-xuanjiang-0']).toMatchObject({ status: 'signed', checkin: null })
    expect(byId['a-phone-1']).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect(byId['a-health-2']).toMatchObject({ status: 'cancelled' })
    expect(byId['a-past-chongyang']).toMatchObject({ status: 'signed', checkin: { method: 'scan' } })
    // Newest activity first.
    expect(items.map((i) => i.activity.startAt)).toEqual(
      [...items.map((i) => i.activity.startAt)].sort((a, b) => b - a)
    )
  })

  it('refuses bad input with a known code and writes nothing', async () => {
    for (const payload of [
      {},
      { activityId: '' },
      { activityId: 'x'.repeat(65) },
      { activityId: 'a b' },
      { activityId: 42 }
    ]) {
      const env = await h.router.call(ACCOUNTS.retiree, {
        action: 'signup.create',
        payload,
        mutationId: `bad-input-${Math.random().toString(36).slice(2, 10)}`
      })
      expect(env).toMatchObject({ ok: false, code: 'VALIDATION' })
    }
    expect(await h.as(ACCOUNTS.retiree).call('signup.create', { activityId: 'no-such-activity' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    expect(await h.store.count('signups', { personId: 'p-zhangguilan' })).toBe(3)
  })
})
