/** 签到, three ways, on both storage adapters: tokens, repeats, windows, walk-ins, offline claims, points. */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { addDays, beijingTime, businessDay } from '../../types/time'
import { issueCode } from '../../server/domain/tokens/rotating-code'
import { counterId } from '../../server/domain/activities/activity-pool'
import { DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'

describe.each(ADAPTERS)('check-in ($name)', (adapter) => {
  let h: Harness
  let today: string
  beforeEach(async () => {
    h = await makeHarness(adapter)
    today = businessDay(h.clock.now())
    // 学习贯彻全会精神宣讲会 runs 09:30–11:30; check-in opens 09:00. 张桂兰 and 王建国 signed up.
    h.clock.set(beijingTime(today, '09:05'))
  })
  afterEach(() => h.cleanup())

  const staffCode = (id = 'a-xuanjiang-0') => h.as(ACCOUNTS.staffCity).ok('activity.staff.checkinCode', { id })
  const scan = (account: string, token: string, scannedAt = h.clock.now()) =>
    h.as(account).call('checkin.scan', { token, scannedAt })

  it('checks her in by the staff code and awards the activity points in the same step', async () => {
    const { token } = await staffCode()
    const env = await scan(ACCOUNTS.retiree, token)
    expect(env).toMatchObject({
      ok: true,
      data: {
        result: 'checked-in',
        activityId: 'a-xuanjiang-0',
        personName: '张桂兰',
        method: 'scan',
        points: 5,
        walkIn: false,
        at: h.clock.now()
      }
    })
    expect(await h.store.get('checkins', 'a-xuanjiang-0:p-zhangguilan')).toMatchObject({
      method: 'scan',
      actorAccountId: ACCOUNTS.retiree
    })
    expect(await h.store.get('pointsLedger', 'award:checkin:a-xuanjiang-0:p-zhangguilan')).toMatchObject({
      amount: 5,
      kind: 'award'
    })
    expect((await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-xuanjiang-0' })).myCheckin).toEqual({
      at: h.clock.now(),
      method: 'scan'
    })
  })

  it('awards what the admin set in 积分规则, the same the activity card shows', async () => {
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', {
      rules: { ...DEFAULT_POINTS_RULES, byType: { ...DEFAULT_POINTS_RULES.byType, 宣讲: 4 } }
    })
    expect((await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-xuanjiang-0' })).points).toBe(4)
    const { token } = await staffCode()
    expect(await scan(ACCOUNTS.retiree, token)).toMatchObject({ ok: true, data: { points: 4, pointsNote: null } })
    expect(await h.store.get('pointsLedger', 'award:checkin:a-xuanjiang-0:p-zhangguilan')).toMatchObject({ amount: 4 })
  })

  it('says why the daily cap cut the points of a check-in', async () => {
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, dailyCap: 1 } })
    const { token } = await staffCode()
    const r = await h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    expect(r.points).toBeLessThan(5)
    expect(r.pointsNote).toContain('每天最多 1 分')
  })

  it('answers the same token twice with 已签到 and the first time, and awards nothing more', async () => {
    const { token } = await staffCode()
    const entriesBefore = await h.store.count('pointsLedger', { personId: 'p-zhangguilan' })
    const first = await h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    const balance = (await h.store.get('pointsBalances', 'p-zhangguilan'))!.balance
    h.clock.advance(20_000)
    const second = await h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    expect(second).toMatchObject({ result: 'already', at: first.at, points: 0 })
    expect((await h.store.get('pointsBalances', 'p-zhangguilan'))!.balance).toBe(balance)
    expect(await h.store.count('pointsLedger', { personId: 'p-zhangguilan' })).toBe(entriesBefore + 1) // the first scan's award only
  })

  it('awards once when the same person checks in several times at once', async () => {
    const { token } = await staffCode()
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt: h.clock.now() }))
    )
    expect(results.filter((r) => r.result === 'checked-in')).toHaveLength(1)
    expect(await h.store.count('checkins', { personId: 'p-zhangguilan', activityId: 'a-xuanjiang-0' })).toBe(1)
    expect(await h.store.count('pointsLedger', { personId: 'p-zhangguilan', day: today })).toBe(1)
  })

  it('refuses an expired token (a photo forwarded a minute later)', async () => {
    const { token } = await staffCode()
    h.clock.advance(2 * 60_000)
    const env = await scan(ACCOUNTS.retiree, token)
    expect(env).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' })
    expect(await h.store.get('checkins', 'a-xuanjiang-0:p-zhangguilan')).toBeNull()
  })

  it('refuses a forged token', async () => {
    const forged = issueCode('a-guessed-key', { kind: 'activity', id: 'a-xuanjiang-0' }, h.clock.now()).token
    expect(await scan(ACCOUNTS.retiree, forged)).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    const { token } = await staffCode()
    const otherActivity = token.replace('a-xuanjiang-0', 'a-shufa-0')
    expect(await scan(ACCOUNTS.retiree, otherActivity)).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(await scan(ACCOUNTS.retiree, 'https://example.com/qr')).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(await h.store.count('checkins', { personId: 'p-zhangguilan', activityId: 'a-xuanjiang-0' })).toBe(0)
  })

  it('tells someone who scans a personal code that it is the wrong kind', async () => {
    const { token } = await h.as(ACCOUNTS.volunteer).ok('checkin.myCode', {})
    const env = await scan(ACCOUNTS.retiree, token)
    expect(env).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(env.ok === false && env.message).toContain('个人签到码')
  })

  it('lets staff scan a retiree’s personal code, recorded as staff-scan and audited', async () => {
    const mine = await h.as(ACCOUNTS.retiree).ok('checkin.myCode', {})
    expect(mine.personName).toBe('张桂兰')
    const r = await h
      .as(ACCOUNTS.staffCity)
      .ok('checkin.staff.scan', { activityId: 'a-xuanjiang-0', token: mine.token, scannedAt: h.clock.now() })
    expect(r).toMatchObject({ result: 'checked-in', personId: 'p-zhangguilan', method: 'staff-scan', points: 5 })
    expect(await h.store.get('checkins', 'a-xuanjiang-0:p-zhangguilan')).toMatchObject({
      method: 'staff-scan',
      actorAccountId: ACCOUNTS.staffCity
    })
    expect(await h.store.count('audit', { subjectPersonId: 'p-zhangguilan', actorAccountId: ACCOUNTS.staffCity })).toBe(
      1
    )
    // A retiree cannot use it, and an activity code is refused here.
    expect(
      await h
        .as(ACCOUNTS.retiree)
        .call('checkin.staff.scan', { activityId: 'a-xuanjiang-0', token: mine.token, scannedAt: h.clock.now() })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const { token } = await staffCode()
    expect(
      await h
        .as(ACCOUNTS.staffCity)
        .call('checkin.staff.scan', { activityId: 'a-xuanjiang-0', token, scannedAt: h.clock.now() })
    ).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  })

  it('keeps county staff to their own activities', async () => {
    const mine = await h.as(ACCOUNTS.retiree).ok('checkin.myCode', {})
    expect(
      await h
        .as(ACCOUNTS.staffSuzhou)
        .call('checkin.staff.scan', { activityId: 'a-xuanjiang-0', token: mine.token, scannedAt: h.clock.now() })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.checkinCode', { id: 'a-xuanjiang-0' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
  })

  it('refuses 代签 without a reason, and records the reason when given', async () => {
    for (const reason of [undefined, '', '  ', '无']) {
      const env = await h.as(ACCOUNTS.staffCity).call('checkin.staff.proxy', {
        activityId: 'a-xuanjiang-0',
        personId: 'p-wangjianguo',
        ...(reason === undefined ? {} : { reason })
      })
      expect(env).toMatchObject({ ok: false, code: 'REASON_REQUIRED' })
    }
    expect(await h.store.get('checkins', 'a-xuanjiang-0:p-wangjianguo')).toBeNull()
    const r = await h.as(ACCOUNTS.staffCity).ok('checkin.staff.proxy', {
      activityId: 'a-xuanjiang-0',
      personId: 'p-wangjianguo',
      reason: '本人到场，不会用手机'
    })
    expect(r).toMatchObject({ result: 'checked-in', method: 'proxy', points: 5 })
    expect(await h.store.get('checkins', 'a-xuanjiang-0:p-wangjianguo')).toMatchObject({
      reason: '本人到场，不会用手机',
      actorAccountId: ACCOUNTS.staffCity
    })
    const audit = await h.store.find('audit', {
      where: { subjectPersonId: 'p-wangjianguo', action: 'checkin.staff.proxy' } as never
    })
    expect(audit).toHaveLength(1)
    expect(audit[0].detail).toMatchObject({ reason: '本人到场，不会用手机' })
    expect(
      await h.as(ACCOUNTS.retiree).call('checkin.staff.proxy', {
        activityId: 'a-xuanjiang-0',
        personId: 'p-zhangguilan',
        reason: '自己给自己代签'
      })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('says when check-in opens, and refuses after the end', async () => {
    h.clock.set(beijingTime(today, '08:40'))
    const early = await staffCode()
    const env = await scan(ACCOUNTS.retiree, early.token)
    expect(env).toMatchObject({
      ok: false,
      code: 'CHECKIN_NOT_OPEN',
      details: { opensAt: beijingTime(today, '09:00') }
    })
    expect(env.ok === false && env.message).toContain('09:00')
    h.clock.set(beijingTime(today, '11:31'))
    const late = await staffCode()
    expect(await scan(ACCOUNTS.retiree, late.token)).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
    // Staff may still 代签 from a paper list afterwards.
    expect(
      (
        await h.as(ACCOUNTS.staffCity).call('checkin.staff.proxy', {
          activityId: 'a-xuanjiang-0',
          personId: 'p-zhangguilan',
          reason: '纸质签到表补录'
        })
      ).ok
    ).toBe(true)
  })

  it('tells a scan made offline before the window, synced later, what happened rather than to come back at a past time', async () => {
    h.clock.set(beijingTime(today, '08:40'))
    const early = await staffCode()
    const scannedAt = h.clock.now()
    h.clock.set(beijingTime(today, '09:10'))
    const open = await scan(ACCOUNTS.retiree, early.token, scannedAt)
    expect(open).toMatchObject({ ok: false, code: 'CHECKIN_NOT_OPEN' })
    const said = open.ok === false ? open.message : ''
    expect(said).toContain('08:40 扫的码')
    expect(said).toContain('现在可以签到了，请再扫一次码')
    expect(said).not.toContain('请到时再签')
    h.clock.set(beijingTime(today, '12:00'))
    const closed = await scan(ACCOUNTS.retiree, early.token, scannedAt)
    expect(closed.ok === false && closed.message).toContain('签到已经结束')
  })

  it('speaks of 签到 (not 报名) to someone outside the audience, and tells staff how to make room when full', async () => {
    h.clock.set(beijingTime(addDays(today, 1), '14:20'))
    const party = await staffCode('a-dangri-1')
    const env = await scan(ACCOUNTS.retireeDunhuang, party.token)
    expect(env).toMatchObject({ ok: false, code: 'NOT_IN_AUDIENCE' })
    expect(env.ok === false && env.message).toContain('不能签到')
    expect(env.ok === false && env.message).not.toContain('报名')
    const byStaff = await h
      .as(ACCOUNTS.staffCity)
      .call('checkin.staff.proxy', { activityId: 'a-dangri-1', personId: 'p-lideming', reason: '本人到场' })
    expect(byStaff.ok === false && byStaff.message).toBe('李德明不在这个活动的参加范围内，不能签到')
    // The phone class (tomorrow 09:00) is full: staff are told how to make room.
    h.clock.set(beijingTime(addDays(today, 1), '09:10'))
    const full = await h
      .as(ACCOUNTS.staffSuzhou)
      .call('checkin.staff.proxy', { activityId: 'a-phone-1', personId: 'p-zhangguilan', reason: '本人到场' })
    expect(full).toMatchObject({ ok: false, code: 'NO_PLACES_LEFT' })
    expect(full.ok === false && full.message).toContain('增加名额')
    expect(full.ok === false && full.message).not.toContain('请联系工作人员')
  })

  it('accepts a walk-in while places remain, taking a place', async () => {
    const { token } = await staffCode()
    const r = await h.as(ACCOUNTS.retireeDunhuang).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    expect(r).toMatchObject({ result: 'checked-in', walkIn: true })
    expect(await h.store.get('signups', 'a-xuanjiang-0:p-lideming')).toMatchObject({ status: 'signed' })
    expect((await h.store.get('counters', counterId('a-xuanjiang-0')))!.taken).toBe(4)
  })

  it('refuses a walk-in when the activity is full, or does not take walk-ins, or the person is waitlisted', async () => {
    // The phone class (tomorrow 09:00) is full with p-004 waiting; 张桂兰 joins the waitlist too.
    await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    h.clock.set(beijingTime(businessDay(h.clock.now() + 24 * 3600_000), '08:50'))
    const phone = await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.checkinCode', { id: 'a-phone-1' })
    expect(await scan(ACCOUNTS.retiree, phone.token)).toMatchObject({ ok: false, code: 'STILL_WAITLISTED' })
    expect(await scan(ACCOUNTS.retireeDunhuang, phone.token)).toMatchObject({ ok: false, code: 'NO_PLACES_LEFT' })
    // 主题党日 (组织生活) takes no walk-ins; 张桂兰 is a party member who did not sign up.
    h.clock.set(beijingTime(businessDay(h.clock.now()), '14:20'))
    const party = await h.as(ACCOUNTS.staffCity).ok('activity.staff.checkinCode', { id: 'a-dangri-1' })
    expect(await scan(ACCOUNTS.retiree, party.token)).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
    // … but staff may 代签 her.
    expect(
      await h.as(ACCOUNTS.staffCity).ok('checkin.staff.proxy', {
        activityId: 'a-dangri-1',
        personId: 'p-zhangguilan',
        reason: '本人到场，未提前报名'
      })
    ).toMatchObject({ walkIn: true })
  })

  describe('offline scans (待同步)', () => {
    it('accepts a scan sent hours later when the code was valid at the scan time, keeping the scan time', async () => {
      const { token } = await staffCode()
      const scannedAt = h.clock.now() + 5_000
      h.clock.set(beijingTime(today, '15:00'))
      const r = await h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt })
      expect(r).toMatchObject({ result: 'checked-in', at: scannedAt })
      expect(await h.store.get('checkins', 'a-xuanjiang-0:p-zhangguilan')).toMatchObject({
        scannedAt,
        at: h.clock.now()
      })
      const roster = await h.as(ACCOUNTS.staffCity).ok('activity.staff.roster', { id: 'a-xuanjiang-0' })
      expect(roster.entries.find((e) => e.personId === 'p-zhangguilan')?.checkin).toMatchObject({
        offline: true,
        at: scannedAt
      })
    })

    it('refuses it when it arrives more than 24 hours after the scan', async () => {
      const { token } = await staffCode()
      const scannedAt = h.clock.now()
      h.clock.advance(25 * 3600_000)
      expect(await scan(ACCOUNTS.retiree, token, scannedAt)).toMatchObject({ ok: false, code: 'SYNC_TOO_LATE' })
    })

    it('refuses a claimed scan time in the future, or one the code was not valid at', async () => {
      const { token } = await staffCode()
      expect(await scan(ACCOUNTS.retiree, token, h.clock.now() + 10 * 60_000)).toMatchObject({
        ok: false,
        code: 'SCAN_TIME_INVALID'
      })
      h.clock.set(beijingTime(today, '12:00'))
      expect(await scan(ACCOUNTS.retiree, token, beijingTime(today, '10:00'))).toMatchObject({
        ok: false,
        code: 'TOKEN_EXPIRED'
      })
    })

    it('refuses a claimed scan time outside the check-in window', async () => {
      h.clock.set(beijingTime(today, '08:40'))
      const { token } = await staffCode()
      const scannedAt = h.clock.now()
      h.clock.set(beijingTime(today, '10:00'))
      expect(await scan(ACCOUNTS.retiree, token, scannedAt)).toMatchObject({ ok: false, code: 'CHECKIN_NOT_OPEN' })
    })
  })

  it('refuses check-in to a cancelled activity and from an account without a roster person', async () => {
    const { token } = await staffCode()
    expect(await scan(ACCOUNTS.family, token)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await h.as(ACCOUNTS.staffCity).ok('activity.staff.cancel', { id: 'a-xuanjiang-0', reason: '场地临时停电' })
    expect(await scan(ACCOUNTS.retiree, token)).toMatchObject({ ok: false, code: 'ACTIVITY_CANCELLED' })
    expect(await h.as(ACCOUNTS.staffCity).call('activity.staff.checkinCode', { id: 'a-xuanjiang-0' })).toMatchObject({
      ok: false,
      code: 'ACTIVITY_CANCELLED'
    })
  })
})
