/**
 * Volunteer hours on both storage adapters, through the real router: check-in and check-out of a shift by its
 * rotating codes, by staff scanning a volunteer's own 签到码 and by 代签; every crediting rule (late, early,
 * leaving early, a forgotten check-out settled and flagged, corrections with and without a reason); the shift's
 * points awarded once, also under concurrent check-outs; and the reconciliation of the hours ledger.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { beijingTime, businessDay } from '../../types/time'
import { issueCode } from '../../server/domain/tokens/rotating-code'
import { reconcileHours } from '../../server/domain/volunteer/hours-reconcile'
import { DEMO_VOLUNTEER } from '../../server/seed/volunteer-seed'
import { DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'

const SHIFT = DEMO_VOLUNTEER.todayShift // 关爱空巢老人结对探访 上午班, today 09:00–11:30; 王建国 signed up
const WANG = 'p-wangjianguo'
const CREDIT = `credit:${SHIFT}:${WANG}`

describe.each(ADAPTERS)('volunteer hours ($name)', (adapter) => {
  let h: Harness
  let today: string
  const at = (hhmm: string) => beijingTime(today, hhmm)
  beforeEach(async () => {
    h = await makeHarness(adapter)
    today = businessDay(h.clock.now())
  })
  afterEach(() => h.cleanup())

  const code = (direction: 'in' | 'out') =>
    h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.shiftCode', { shiftId: SHIFT, direction })
  const scan = async (direction: 'in' | 'out', account: string = ACCOUNTS.volunteer) =>
    h.as(account).call('volunteer.scan', { token: (await code(direction)).token, scannedAt: h.clock.now() })
  const minutesOf = async (personId = WANG) => (await h.store.get('hoursBalances', personId))?.minutes ?? 0
  const pointsOf = async (personId = WANG) => (await h.store.get('pointsBalances', personId))?.balance ?? 0
  const shiftAward = (personId = WANG) => h.store.get('pointsLedger', `award:shift:${SHIFT}:${personId}`)

  async function serve(inAt: string, outAt: string) {
    h.clock.set(at(inAt))
    const i = await scan('in')
    h.clock.set(at(outAt))
    const o = await scan('out')
    return { i, o }
  }

  it('counts a late arrival from the arrival, and awards the shift’s points with the hours', async () => {
    const before = { minutes: await minutesOf(), points: await pointsOf() }
    const { i, o } = await serve('09:12', '11:30')
    expect(i).toMatchObject({
      ok: true,
      data: { direction: 'in', result: 'done', personName: '王建国', at: at('09:12') }
    })
    expect(o).toMatchObject({ ok: true, data: { direction: 'out', result: 'done', creditedMinutes: 138, points: 5 } })
    expect(o.ok && o.data.notes).toEqual(['09:12 到达，从到达时起计'])
    expect(await minutesOf()).toBe(before.minutes + 138)
    expect(await pointsOf()).toBe(before.points + 5)
    expect(await h.store.get('hoursLedger', CREDIT)).toMatchObject({
      kind: 'credit',
      minutes: 138,
      from: at('09:12'),
      to: at('11:30')
    })
    expect(await shiftAward()).toMatchObject({ amount: 5, source: { kind: 'shift', id: SHIFT } })
  })

  it('says on the check-out result why the daily cap cut the shift’s points', async () => {
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, dailyCap: 2 } })
    const { o } = await serve('09:00', '11:30')
    expect(o).toMatchObject({ ok: true, data: { points: 2 } })
    expect(o.ok && o.data.notes).toEqual([expect.stringContaining('每天最多 2 分')])
  })

  it('counts an early arrival from the scheduled start, and a late check-out to the scheduled end', async () => {
    const before = await minutesOf()
    const { o } = await serve('08:40', '11:50')
    expect(o).toMatchObject({ ok: true, data: { creditedMinutes: 150 } })
    expect(o.ok && o.data.notes).toEqual(['提前到达，从 09:00 开始计', '计到班次结束 11:30'])
    expect(await minutesOf()).toBe(before + 150)
  })

  it('counts leaving early to the departure', async () => {
    const { o } = await serve('09:00', '10:15')
    expect(o).toMatchObject({ ok: true, data: { creditedMinutes: 75, notes: ['10:15 签退，计到签退时'] } })
  })

  it('refuses check-in before it opens and check-out before the shift starts or before checking in', async () => {
    h.clock.set(at('08:10'))
    expect(await scan('in')).toMatchObject({ ok: false, code: 'CHECKIN_NOT_OPEN' })
    h.clock.set(at('09:30'))
    expect(await scan('out')).toMatchObject({ ok: false, code: 'NOT_CHECKED_IN' })
    h.clock.set(at('08:45'))
    expect(await scan('in')).toMatchObject({ ok: true })
    expect(await scan('out')).toMatchObject({ ok: false, code: 'CHECKIN_NOT_OPEN' })
    expect(await h.store.get('hoursLedger', CREDIT)).toBeNull()
  })

  it('credits a forgotten check-out to the end of the shift, flags it, tells the volunteer, and lets staff confirm it', async () => {
    h.clock.set(at('09:20'))
    await scan('in')
    const before = { minutes: await minutesOf(), points: await pointsOf() }
    // Within the check-out time nothing is settled yet.
    h.clock.set(at('11:55'))
    expect(
      (await h.as(ACCOUNTS.volunteer).ok('volunteer.mine', {})).upcoming.find((s) => s.id === SHIFT)?.myAttendance
    ).toMatchObject({ checkOutAt: null, creditedMinutes: null })
    expect(await h.store.get('hoursLedger', CREDIT)).toBeNull()
    // The first look after it settles: to 11:30, flagged.
    h.clock.set(at('12:05'))
    const mine = await h.as(ACCOUNTS.volunteer).ok('volunteer.mine', {})
    const past = mine.past.find((s) => s.id === SHIFT)!
    expect(past.myAttendance).toMatchObject({
      checkOutAt: at('11:30'),
      checkOutMethod: 'auto',
      creditedMinutes: 130,
      flagged: true
    })
    expect(past.myAttendance!.notes).toEqual([
      '09:20 到达，从到达时起计',
      '没有签退，按班次结束 11:30 计',
      '等工作人员核对'
    ])
    expect(await minutesOf()).toBe(before.minutes + 130)
    expect(await pointsOf()).toBe(before.points + 5)
    expect(await h.store.get('messages', `forgot-checkout:${SHIFT}:${WANG}`)).toMatchObject({
      toPersonId: WANG,
      title: '没有签退：「关爱空巢老人结对探访」上午班'
    })
    // Reading again, or staff pressing 结算, changes nothing.
    await h.as(ACCOUNTS.volunteer).ok('volunteer.hours', {})
    expect(await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.settleShift', { shiftId: SHIFT })).toEqual({
      shiftId: SHIFT,
      settled: 0
    })
    expect(await h.store.count('hoursLedger', { shiftId: SHIFT, personId: WANG })).toBe(1)
    // Staff see it flagged, and confirm it.
    const desk = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.desk', {})
    expect(desk.flagged).toEqual(
      expect.arrayContaining([expect.objectContaining({ shiftId: SHIFT, personId: WANG, creditedMinutes: 130 })])
    )
    await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.confirmHours', { shiftId: SHIFT, personId: WANG })
    expect(await h.store.get('shiftAttendance', `${SHIFT}:${WANG}`)).toMatchObject({
      flag: null,
      flagClearedBy: ACCOUNTS.staffSuzhou
    })
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.confirmHours', { shiftId: SHIFT, personId: WANG })
    ).toMatchObject({ ok: false, code: 'ALREADY_DONE' })
  })

  it('settles forgotten check-outs with 结算, once, also when a read settles at the same moment', async () => {
    h.clock.set(at('09:00'))
    await scan('in')
    await scan('in', 'wx:seed-volunteer-1')
    h.clock.set(at('11:00'))
    expect(await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.settleShift', { shiftId: SHIFT })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION'
    })
    h.clock.set(at('13:00'))
    const [settle] = await Promise.all([
      h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.settleShift', { shiftId: SHIFT }),
      h.as(ACCOUNTS.volunteer).ok('volunteer.hours', {}),
      h.as(ACCOUNTS.staffCity).ok('volunteer.staff.shiftRoster', { shiftId: SHIFT })
    ])
    // Whoever got there first settled each one; nobody settled anything twice.
    expect(settle.settled).toBeLessThanOrEqual(2)
    for (const p of [WANG, 'p-001']) {
      expect(await h.store.count('hoursLedger', { shiftId: SHIFT, personId: p })).toBe(1)
      expect(await h.store.get('shiftAttendance', `${SHIFT}:${p}`)).toMatchObject({
        checkOutMethod: 'auto',
        creditedMinutes: 150,
        flag: 'forgot-checkout'
      })
      expect(await h.store.count('pointsLedger', { personId: p, day: today })).toBe(1)
    }
    const after = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.shiftRoster', { shiftId: SHIFT })
    expect(after).toMatchObject({ checkedInCount: 2, checkedOutCount: 2, flaggedCount: 2, dueCount: 0 })
  })

  it('corrects hours only with a reason, as a new entry with the staff id; to 0 takes the shift’s points back', async () => {
    await serve('09:00', '10:00')
    const before = {
      minutes: await minutesOf(),
      points: await pointsOf(),
      entries: await h.store.count('hoursLedger', { personId: WANG })
    }
    for (const reason of [undefined, '', ' ', '无']) {
      const env = await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.correctHours', {
        shiftId: SHIFT,
        personId: WANG,
        minutes: 150,
        ...(reason === undefined ? {} : { reason })
      })
      expect(env).toMatchObject({ ok: false, code: 'REASON_REQUIRED' })
    }
    expect(await h.store.count('hoursLedger', { personId: WANG })).toBe(before.entries)

    const r = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.correctHours', {
      shiftId: SHIFT,
      personId: WANG,
      minutes: 150,
      reason: '实际 11:30 离开，签退点早了'
    })
    expect(r).toEqual({ shiftId: SHIFT, personId: WANG, minutes: 150, delta: 90, totalMinutes: before.minutes + 90 })
    const [entry] = await h.store.find('hoursLedger', { where: { personId: WANG, kind: 'correction', shiftId: SHIFT } })
    expect(entry).toMatchObject({
      minutes: 90,
      staffAccountId: ACCOUNTS.staffSuzhou,
      reason: '实际 11:30 离开，签退点早了'
    })
    expect(await h.store.get('hoursLedger', CREDIT)).toMatchObject({ minutes: 60 }) // the credit itself is never changed
    expect(await h.store.count('audit', { action: 'volunteer.hours.correct', subjectPersonId: WANG })).toBe(1)
    expect(await pointsOf()).toBe(before.points) // the shift's points were already awarded

    const view = await h.as(ACCOUNTS.volunteer).ok('volunteer.hours', {})
    expect(view.items[0]).toMatchObject({
      kind: 'correction',
      minutes: 90,
      notes: ['工作人员更正：实际 11:30 离开，签退点早了']
    })
    expect(
      await h
        .as(ACCOUNTS.staffSuzhou)
        .call('volunteer.staff.correctHours', { shiftId: SHIFT, personId: WANG, minutes: 150, reason: '再改一次' })
    ).toMatchObject({ ok: false, code: 'ALREADY_DONE' })

    await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.correctHours', {
      shiftId: SHIFT,
      personId: WANG,
      minutes: 0,
      reason: '本人当天没有到场，误签'
    })
    expect(await minutesOf()).toBe(before.minutes - 60)
    expect(await pointsOf()).toBe(before.points - 5)
    expect(await h.store.get('pointsLedger', `reversal:shift:${SHIFT}:${WANG}`)).toMatchObject({ amount: -5 })
    // Staff of another county may not correct.
    expect(
      await h
        .as(ACCOUNTS.retiree)
        .call('volunteer.staff.correctHours', { shiftId: SHIFT, personId: WANG, minutes: 10, reason: '试一试' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await reconcileHours(h.store)).mismatches).toEqual([])
  })

  it('awards a shift once when the volunteer checks out many times at once, and staff mark him out too', async () => {
    h.clock.set(at('09:00'))
    await scan('in')
    h.clock.set(at('11:00'))
    const before = { minutes: await minutesOf(), points: await pointsOf() }
    const { token } = await code('out')
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () =>
        h.as(ACCOUNTS.volunteer).call('volunteer.scan', { token, scannedAt: h.clock.now() })
      ),
      h
        .as(ACCOUNTS.staffSuzhou)
        .call('volunteer.staff.mark', { shiftId: SHIFT, personId: WANG, direction: 'out', reason: '本人手机没电' }),
      h
        .as(ACCOUNTS.staffCity)
        .call('volunteer.staff.mark', { shiftId: SHIFT, personId: WANG, direction: 'out', reason: '本人手机没电' })
    ])
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && r.data.result === 'done')).toHaveLength(1)
    expect(await h.store.count('hoursLedger', { shiftId: SHIFT, personId: WANG })).toBe(1)
    expect(await h.store.count('pointsLedger', { personId: WANG, day: today })).toBe(1)
    expect(await minutesOf()).toBe(before.minutes + 120)
    expect(await pointsOf()).toBe(before.points + 5)
    expect((await reconcileHours(h.store)).mismatches).toEqual([])
  })

  it('lets staff scan a volunteer’s own 签到码 in and out, and 代签 only with a reason', async () => {
    h.clock.set(at('08:55'))
    const mine = await h.as(ACCOUNTS.volunteer).ok('checkin.myCode', {})
    const inRes = await h
      .as(ACCOUNTS.staffSuzhou)
      .ok('volunteer.staff.scan', { shiftId: SHIFT, direction: 'in', token: mine.token, scannedAt: h.clock.now() })
    expect(inRes).toMatchObject({ result: 'done', personId: WANG, direction: 'in' })
    expect(await h.store.get('shiftAttendance', `${SHIFT}:${WANG}`)).toMatchObject({
      checkInMethod: 'staff-scan',
      checkInBy: ACCOUNTS.staffSuzhou
    })
    // A shift code is not a personal code, and a personal code is not a shift code.
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.scan', {
        shiftId: SHIFT,
        direction: 'in',
        token: (await code('in')).token,
        scannedAt: h.clock.now()
      })
    ).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    const wrong = await h.as(ACCOUNTS.volunteer).call('volunteer.scan', { token: mine.token, scannedAt: h.clock.now() })
    expect(wrong).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(!wrong.ok && wrong.message).toContain('这是个人签到码')

    // 代签 for p-001 (signed up): a reason is required, and recorded.
    for (const reason of [undefined, '', '无']) {
      expect(
        await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.mark', {
          shiftId: SHIFT,
          personId: 'p-001',
          direction: 'in',
          ...(reason === undefined ? {} : { reason })
        })
      ).toMatchObject({ ok: false, code: 'REASON_REQUIRED' })
    }
    await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.mark', {
      shiftId: SHIFT,
      personId: 'p-001',
      direction: 'in',
      reason: '本人到场，不会用手机'
    })
    expect(await h.store.get('shiftAttendance', `${SHIFT}:p-001`)).toMatchObject({
      checkInMethod: 'proxy',
      checkInReason: '本人到场，不会用手机'
    })
    // 补录 of a check-out at the time it happened, after the shift.
    h.clock.set(at('11:40'))
    const out = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.mark', {
      shiftId: SHIFT,
      personId: 'p-001',
      direction: 'out',
      at: at('11:20'),
      reason: '按纸质签到表补录'
    })
    expect(out).toMatchObject({ creditedMinutes: 140 }) // in at 08:55 counts from 09:00
    expect(await h.store.count('audit', { subjectPersonId: 'p-001', actorAccountId: ACCOUNTS.staffSuzhou })).toBe(2)
    // Outside their county staff cannot.
    expect(
      await h.as('local:chenjing').call('volunteer.staff.shiftCode', { shiftId: 'vs-xuanjiang-d9', direction: 'in' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('routes codes by kind: a shift code on the activity check-in and an activity code here are both refused in words', async () => {
    h.clock.set(at('09:05'))
    const shiftToken = (await code('in')).token
    const onActivity = await h
      .as(ACCOUNTS.volunteer)
      .call('checkin.scan', { token: shiftToken, scannedAt: h.clock.now() })
    expect(onActivity).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(!onActivity.ok && onActivity.message).toContain('志愿服务的签到码')
    const activityToken = (await h.as(ACCOUNTS.staffCity).ok('activity.staff.checkinCode', { id: 'a-xuanjiang-0' }))
      .token
    const here = await h
      .as(ACCOUNTS.volunteer)
      .call('volunteer.scan', { token: activityToken, scannedAt: h.clock.now() })
    expect(!here.ok && here.message).toContain('这是活动签到码')
    const forged = issueCode('guessed-key', { kind: 'shift-in', id: SHIFT }, h.clock.now()).token
    expect(
      await h.as(ACCOUNTS.volunteer).call('volunteer.scan', { token: forged, scannedAt: h.clock.now() })
    ).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
    expect(await h.store.get('shiftAttendance', `${SHIFT}:${WANG}`)).toBeNull()
  })

  it('keeps check-in and check-out in person: a family member acting for an elder is refused', async () => {
    h.clock.set(at('09:05'))
    const env = await h
      .as(ACCOUNTS.family)
      .call(
        'volunteer.scan',
        { token: (await code('in')).token, scannedAt: h.clock.now() },
        { actingFor: 'p-zhangguilan' }
      )
    expect(env).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' })
  })

  it('takes a walk-in at the door while places remain, through the shift’s pool', async () => {
    // 肖宝山 (p-003) is not signed up for the 智能手机 shift; it is open to all.
    const shiftId = 'vs-phone-d4'
    const shift = (await h.store.get('volunteerShifts', shiftId))!
    h.clock.set(shift.startAt)
    const { token } = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.shiftCode', { shiftId, direction: 'in' })
    const r = await h.as('wx:seed-volunteer-3').ok('volunteer.scan', { token, scannedAt: h.clock.now() })
    expect(r).toMatchObject({ result: 'done', walkIn: true })
    expect(await h.store.get('shiftSignups', `${shiftId}:p-003`)).toMatchObject({ status: 'signed' })
    expect(await h.store.get('counters', `shift:${shiftId}`)).toMatchObject({ taken: 1 })
  })

  it('reconciles the seeded ledger, and notices a tampered total or entry', async () => {
    const clean = await reconcileHours(h.store)
    expect(clean.mismatches).toEqual([])
    expect(clean.totalMinutes).toBeGreaterThan(0)
    expect(clean.entries).toBeGreaterThan(0)
    const balance = (await h.store.get('hoursBalances', WANG))!
    await h.store.transaction((tx) => tx.put('hoursBalances', { ...balance, minutes: balance.minutes + 60 }))
    const credit = (await h.store.find('hoursLedger', { where: { personId: 'p-001' }, limit: 1 }))[0]
    await h.store.transaction((tx) => tx.put('hoursLedger', { ...credit, minutes: credit.minutes + 5 }))
    const dirty = await reconcileHours(h.store)
    expect(dirty.mismatches.map((m) => m.personId).sort()).toEqual(['p-001', WANG])
    expect(dirty.mismatches.find((m) => m.personId === WANG)!.problem).toContain('总时长')
    expect(dirty.mismatches.find((m) => m.personId === 'p-001')!.problem).toContain('班次')
  })
})
