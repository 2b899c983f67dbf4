/**
 * The ledger's write side on both adapters: award-by-source idempotency (also for check-ins, under races), the
 * daily cap enforced inside the ledger with plain words in the history, reversals and re-awards, adjustments
 * that can never take a balance below zero, and rules loaded from configuration.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { award, awardPoints, reverseAward, adjustPoints } from '../../server/domain/points/points-ledger'
import { activityPoints, loadPointsRules, DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import { businessDay } from '../../types/time'

jest.setTimeout(60_000)

describe.each(ADAPTERS)('points ledger on $name', (adapter) => {
  let h: Harness
  const P = 'p-lideming'
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  const balance = async (p = P) => (await h.store.get('pointsBalances', p))?.balance ?? 0
  const checkin = (activityId: string, amount = 5, at = h.clock.now()) =>
    h.store.transaction((tx) =>
      awardPoints(tx, {
        personId: P,
        amount,
        reason: `参加「${activityId}」`,
        source: { kind: 'checkin', id: activityId },
        actorAccountId: ACCOUNTS.retireeDunhuang,
        at
      })
    )

  it('awards a check-in source once, however often it is sent', async () => {
    const before = await balance()
    expect(await checkin('a-health-2')).toBe(5)
    expect(await checkin('a-health-2')).toBe(0)
    expect(await balance()).toBe(before + 5)
    expect(await h.store.count('pointsLedger', { personId: P, kind: 'award' })).toBe(1)
  })

  it('awards a check-in source once when 20 requests race', async () => {
    const before = await balance()
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => checkin('a-xuanjiang-0')))
    const awarded = results.filter((r) => r.status === 'fulfilled' && r.value === 5)
    expect(awarded).toHaveLength(1)
    expect(await balance()).toBe(before + 5)
    expect(
      (await h.store.find('pointsLedger', { where: { personId: P } })).filter((e) => e.source?.id === 'a-xuanjiang-0')
    ).toHaveLength(1)
    expect((await reconcilePoints(h.store)).mismatches).toEqual([])
  })

  it('cuts awards at the daily cap and says so in plain words', async () => {
    // Default cap 15 a day: 5 + 5 + 3 = 13, then 5 → only 2, then 3 → 0.
    for (const [id, n] of [
      ['x1', 5],
      ['x2', 5],
      ['x3', 3]
    ] as const)
      expect(await checkin(id, n)).toBe(n)
    expect(await checkin('x4', 5)).toBe(2)
    expect(await checkin('x5', 3)).toBe(0)
    const entries = await h.store.find('pointsLedger', {
      where: { personId: P, day: businessDay(h.clock.now()) },
      orderBy: [
        ['at', 'asc'],
        ['_id', 'asc']
      ]
    })
    const x4 = entries.find((e) => e.source?.id === 'x4')!
    expect(x4).toMatchObject({ amount: 2, requested: 5 })
    expect(x4.note).toBe('每天最多 15 分，这次只加 2 分（本应 5 分）')
    const x5 = entries.find((e) => e.source?.id === 'x5')!
    expect(x5).toMatchObject({ amount: 0, requested: 3 })
    expect(x5.note).toContain('不再加分')
    expect(await h.store.get('pointsDaily', `${P}:${businessDay(h.clock.now())}`)).toMatchObject({ awarded: 15 })
    // A capped source still counts as awarded: sending it again adds nothing.
    expect(await checkin('x5', 3)).toBe(0)
    // The next Beijing day has its own room.
    h.clock.advance(24 * 3600_000)
    expect(await checkin('y1', 5, h.clock.now())).toBe(5)
  })

  it('reads the cap from the rules configuration, inside the transaction', async () => {
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, dailyCap: 4 } })
    expect(await checkin('c1', 5)).toBe(4)
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, dailyCap: null } })
    expect(await checkin('c2', 50)).toBe(50)
  })

  it('lets check-in compute points from the loaded rules', async () => {
    const activity = (await h.store.get('activities', 'a-health-2'))!
    expect(activityPoints(activity, DEFAULT_POINTS_RULES)).toBe(3)
    await h.as(ACCOUNTS.admin).ok('points.staff.setRules', {
      rules: { ...DEFAULT_POINTS_RULES, byType: { ...DEFAULT_POINTS_RULES.byType, 讲座: 4 } }
    })
    const n = await h.store.transaction(async (tx) => activityPoints(activity, await loadPointsRules(tx)))
    expect(n).toBe(4)
    // An activity's own points override its type.
    expect(activityPoints({ ...activity, points: 9 }, await loadPointsRules(h.store))).toBe(9)
  })

  it('reverses an award once, frees its daily room, and lets the source be awarded again later', async () => {
    const before = await balance()
    await checkin('r1', 5)
    const rev = () =>
      h.store.transaction((tx) =>
        reverseAward(tx, {
          personId: P,
          source: { kind: 'checkin', id: 'r1' },
          reason: '撤销：参加「r1」（签到已撤销）',
          actorAccountId: ACCOUNTS.staffCity,
          staffAccountId: ACCOUNTS.staffCity,
          at: h.clock.now()
        })
      )
    expect(await rev()).toBe(5)
    expect(await rev()).toBe(0)
    expect(await balance()).toBe(before)
    expect(await h.store.get('pointsDaily', `${P}:${businessDay(h.clock.now())}`)).toMatchObject({ awarded: 0 })
    // Checked in again (e.g. the revocation was a mistake): a second generation, counted once.
    expect(await checkin('r1', 5)).toBe(5)
    expect(await checkin('r1', 5)).toBe(0)
    expect(await balance()).toBe(before + 5)
    expect(await h.store.get('pointsLedger', `award:checkin:r1:${P}:2`)).toMatchObject({ amount: 5 })
  })

  it('does not take a reversal below zero, and says what was not taken back', async () => {
    const start = await balance()
    await checkin('s1', 5)
    await h.store.transaction((tx) =>
      adjustPoints(tx, {
        entryId: 'adj:t:1',
        personId: P,
        amount: -(start + 3),
        reason: '测试扣分',
        staffAccountId: ACCOUNTS.staffCity,
        actorAccountId: ACCOUNTS.staffCity,
        at: h.clock.now()
      })
    )
    expect(await balance()).toBe(2)
    const taken = await h.store.transaction((tx) =>
      reverseAward(tx, {
        personId: P,
        source: { kind: 'checkin', id: 's1' },
        reason: '撤销：参加「s1」',
        actorAccountId: ACCOUNTS.staffCity,
        staffAccountId: ACCOUNTS.staffCity,
        at: h.clock.now()
      })
    )
    expect(taken).toBe(2)
    expect(await balance()).toBe(0)
    const entry = await h.store.get('pointsLedger', `reversal:checkin:s1:${P}`)
    expect(entry?.note).toBe('原来的 5 分里有 3 分已经用掉，不再扣回')
  })

  it('refuses an adjustment that would take the balance below zero, writing nothing', async () => {
    const start = await balance()
    const entries = await h.store.count('pointsLedger', { personId: P })
    await expect(
      h.store.transaction((tx) =>
        adjustPoints(tx, {
          entryId: 'adj:t:2',
          personId: P,
          amount: -(start + 1),
          reason: '扣太多',
          staffAccountId: ACCOUNTS.staffCity,
          actorAccountId: ACCOUNTS.staffCity,
          at: h.clock.now()
        })
      )
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' })
    expect(await balance()).toBe(start)
    expect(await h.store.count('pointsLedger', { personId: P })).toBe(entries)
  })

  it('reports what an award did', async () => {
    const r = await h.store.transaction((tx) =>
      award(tx, {
        personId: P,
        amount: 3,
        reason: '参加「z」',
        source: { kind: 'checkin', id: 'z' },
        actorAccountId: 'a',
        at: h.clock.now()
      })
    )
    expect(r).toEqual({ status: 'awarded', amount: 3, entryId: `award:checkin:z:${P}`, note: null })
    const again = await h.store.transaction((tx) =>
      award(tx, {
        personId: P,
        amount: 3,
        reason: '参加「z」',
        source: { kind: 'checkin', id: 'z' },
        actorAccountId: 'a',
        at: h.clock.now()
      })
    )
    expect(again.status).toBe('already')
  })
})
