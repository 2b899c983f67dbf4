import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, DEFAULT_NOW, makeHarness, type Harness } from '../support/harness'
import { businessDay, dayBucket } from '../../types/time'

describe.each(ADAPTERS)('reading activities ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  it('lists a 07:30 Beijing-time activity under today while the server clock is still on the previous UTC day', async () => {
    expect(new Date(DEFAULT_NOW).getUTCDate()).toBe(30)
    const today = businessDay(DEFAULT_NOW)
    const { items } = await h.as(ACCOUNTS.retiree).ok('activity.list', { from: today, to: today })
    const taiji = items.find((a) => a.id === 'a-taiji-0')
    expect(taiji).toBeDefined()
    expect(dayBucket(taiji!.startAt, DEFAULT_NOW)).toBe('today')
    expect(items.every((a) => businessDay(a.startAt) === today)).toBe(true)
  })

  it('shows each person only the activities meant for them', async () => {
    const zhang = (await h.as(ACCOUNTS.retiree).ok('activity.list', { limit: 50 })).items.map((a) => a.id)
    const li = (await h.as(ACCOUNTS.retireeDunhuang).ok('activity.list', { limit: 50 })).items.map((a) => a.id)
    expect(zhang).toContain('a-taiji-0') // 肃州区 only
    expect(li).not.toContain('a-taiji-0')
    expect(li).toContain('a-dh-4') // 敦煌市 only
    expect(zhang).not.toContain('a-dh-4')
    expect(zhang).toContain('a-dangri-1') // party members only: 张桂兰 is one, 李德明 is not
    expect(li).not.toContain('a-dangri-1')
    expect(zhang).toContain('a-branch-3') // her branch
    for (const ids of [zhang, li]) expect(ids).not.toContain('a-draft-9')
  })

  it('lets staff see drafts in their own scope only', async () => {
    const city = (await h.as(ACCOUNTS.staffCity).ok('activity.list', { limit: 50 })).items.map((a) => a.id)
    const suzhou = (await h.as(ACCOUNTS.staffSuzhou).ok('activity.list', { limit: 50 })).items.map((a) => a.id)
    expect(city).toContain('a-draft-9')
    expect(suzhou).not.toContain('a-draft-9')
    expect(city).toContain('a-dh-4')
  })

  it('hides an activity the reader may not see, as if it did not exist', async () => {
    const env = await h.as(ACCOUNTS.retireeDunhuang).call('activity.get', { id: 'a-taiji-0' })
    expect(env).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('shows places left from the counter and the reader’s own sign-up', async () => {
    const phone = await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-phone-1' })
    expect(phone).toMatchObject({ capacity: 3, placesLeft: 0, waitlistCount: 1, mySignup: null })
    const talk = await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-xuanjiang-0' })
    expect(talk.mySignup).toBe('signed')
    expect(talk.checkinOpensAt).toBe(talk.startAt - 30 * 60_000)
  })

  it('reads with the elder’s eyes while a family member acts for her', async () => {
    const own = (await h.as(ACCOUNTS.family).ok('activity.list', { limit: 50 })).items.map((a) => a.id)
    const forMum = (await h.as(ACCOUNTS.family).ok('activity.list', { limit: 50 }, { actingFor: 'p-zhangguilan' }))
      .items
    expect(own).not.toContain('a-taiji-0')
    expect(forMum.map((a) => a.id)).toContain('a-taiji-0')
    expect(forMum.find((a) => a.id === 'a-xuanjiang-0')?.mySignup).toBe('signed')
  })

  it('pages through a long list with a cursor', async () => {
    const first = await h.as(ACCOUNTS.staffCity).ok('activity.list', { limit: 5 })
    expect(first.items).toHaveLength(5)
    expect(first.nextCursor).not.toBeNull()
    const second = await h.as(ACCOUNTS.staffCity).ok('activity.list', { limit: 5, cursor: first.nextCursor! })
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expect(second.items[0].startAt).toBeGreaterThanOrEqual(first.items[4].startAt)
  })
})
