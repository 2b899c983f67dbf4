/**
 * Races on both storage adapters, through the real router and handlers: many people redeeming the last items,
 * one person redeeming beyond their balance, a staff record sent many times at once, and 核销 racing a
 * cancellation. Stock and balances never go below zero and every balance still equals the sum of its entries.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { awardPoints } from '../../server/domain/points/points-ledger'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import type { Envelope } from '../../types/envelope'

jest.setTimeout(120_000)

describe.each(ADAPTERS)('points under concurrency on $name', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(async () => {
    const report = await reconcilePoints(h.store)
    expect(report.mismatches).toEqual([])
    await h.cleanup()
  })

  async function addPeople(n: number, points: number): Promise<string[]> {
    const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`)
    const now = h.clock.now()
    await h.store.transaction(async (tx) => {
      for (const id of ids) {
        await tx.put('persons', {
          _id: `p-${id}`,
          name: `测试${id}`,
          gender: 'male',
          birthDate: '1950-01-01',
          birthCalendar: 'solar',
          phone: null,
          formerUnit: '',
          retirementLevel: '',
          orgUnitId: 'org-sz',
          branchId: null,
          partyMember: false,
          frail: false,
          createdAt: now,
          updatedAt: now
        })
        await tx.put('accounts', {
          _id: `local:${id}`,
          kind: 'local',
          displayName: id,
          roles: ['retiree'],
          personId: `p-${id}`,
          orgUnitId: null,
          phone: null,
          passwordHash: null,
          demo: null,
          createdAt: now
        })
        await awardPoints(tx, {
          personId: `p-${id}`,
          amount: points,
          reason: '参加「测试」',
          source: { kind: 'test', id: 'start' },
          actorAccountId: 'seed',
          at: now - 3 * 86400_000,
          rules: {
            byType: {} as never,
            dailyCap: null,
            staffAward: { songxue: 0, participation: 0 },
            volunteerShift: 0,
            starBands: [{ min: 1, stars: 1 }],
            expiry: { enabled: false, afterYears: 1 }
          }
        })
      }
    })
    return ids
  }

  async function addItem(id: string, price: number, stock: number, perPersonLimit: number | null) {
    const now = h.clock.now()
    await h.store.transaction((tx) =>
      tx.put('rewardItems', {
        _id: id,
        name: '最后几件',
        description: '',
        kind: 'item',
        price,
        stock,
        redeemed: 0,
        perPersonLimit,
        orgUnitId: 'org-sz',
        status: 'active',
        createdBy: 'seed',
        createdAt: now,
        updatedAt: now
      })
    )
  }

  const codes = (results: Envelope[]) => results.map((r) => (r.ok ? 'OK' : r.code))

  it('200 people redeeming an item with stock 5 at once: exactly 5 get it, stock ends at 0', async () => {
    const people = await addPeople(200, 100)
    await addItem('ri-last', 10, 5, 1)
    const results = await Promise.all(
      people.map((id) => h.as(`local:${id}`).call('points.redeem', { itemId: 'ri-last' }))
    )
    const outcome = codes(results)
    // BUSY is a temporary refusal the outbox retries; everything else must be a clean answer.
    expect(outcome.filter((c) => !['OK', 'OUT_OF_STOCK', 'BUSY'].includes(c))).toEqual([])
    expect(outcome.filter((c) => c === 'OK')).toHaveLength(5)
    const item = (await h.store.get('rewardItems', 'ri-last'))!
    expect(item).toMatchObject({ stock: 0, redeemed: 5 })
    expect(await h.store.count('redemptions', { itemId: 'ri-last' })).toBe(5)
    const balances = await Promise.all(
      people.map(async (id) => (await h.store.get('pointsBalances', `p-${id}`))!.balance)
    )
    expect(balances.filter((b) => b === 90)).toHaveLength(5)
    expect(balances.filter((b) => b === 100)).toHaveLength(195)
    // What was refused as BUSY, sent again, finds the shelf empty.
    const busy = people.filter((_, i) => outcome[i] === 'BUSY')
    const retried = await Promise.all(
      busy.map((id) => h.as(`local:${id}`).call('points.redeem', { itemId: 'ri-last' }))
    )
    expect(codes(retried).every((c) => c === 'OUT_OF_STOCK')).toBe(true)
  })

  it('one person redeeming at once more than their balance allows never goes below zero', async () => {
    const [id] = await addPeople(1, 100)
    await addItem('ri-many', 30, 100, null)
    const me = h.as(`local:${id}`)
    const results = await Promise.all(Array.from({ length: 12 }, () => me.call('points.redeem', { itemId: 'ri-many' })))
    const outcome = codes(results)
    expect(outcome.filter((c) => !['OK', 'INSUFFICIENT_POINTS', 'BUSY'].includes(c))).toEqual([])
    expect(outcome.filter((c) => c === 'OK')).toHaveLength(3)
    expect((await h.store.get('pointsBalances', `p-${id}`))!.balance).toBe(10)
    expect((await h.store.get('rewardItems', 'ri-many'))!.stock).toBe(97)
  })

  it('a staff record sent ten times at once (different taps) is awarded once', async () => {
    const staff = h.as(ACCOUNTS.staffSuzhou)
    const before = (await h.store.get('pointsBalances', 'p-zhangguilan'))!.balance
    const input = { personId: 'p-zhangguilan', kind: 'songxue' as const, title: '送学：党章学习', day: '2026-11-30' }
    const results = await Promise.all(Array.from({ length: 10 }, () => staff.call('points.staff.award', input)))
    const statuses = results.map((r) => (r.ok ? (r.data as { status: string }).status : r.code))
    expect(statuses.filter((s) => s === 'awarded')).toHaveLength(1)
    expect(statuses.filter((s) => !['awarded', 'already', 'BUSY', 'ALREADY_DONE'].includes(s))).toEqual([])
    expect((await h.store.get('pointsBalances', 'p-zhangguilan'))!.balance).toBe(before + 5)
  })

  it('核销 racing a cancellation: exactly one of them happens', async () => {
    const [id] = await addPeople(1, 100)
    await addItem('ri-race', 10, 10, null)
    const { redemption } = await h.as(`local:${id}`).ok('points.redeem', { itemId: 'ri-race' })
    const [fulfil, cancel] = await Promise.all([
      h.as(ACCOUNTS.staffSuzhou).call('points.staff.fulfil', { code: redemption.code }),
      h.as(`local:${id}`).call('points.cancelRedemption', { code: redemption.code })
    ])
    expect([fulfil.ok, cancel.ok].filter(Boolean)).toHaveLength(1)
    const r = (await h.store.get('redemptions', redemption.code))!
    const balance = (await h.store.get('pointsBalances', `p-${id}`))!.balance
    if (r.status === 'picked') expect(balance).toBe(90)
    else expect([r.status, balance]).toEqual(['cancelled', 100])
  })
})
