/**
 * Property-based tests (fast-check) of the ledger on both adapters: random sequences of awards, reversals,
 * adjustments, redemptions, cancellations and 核销, run in small concurrent batches. After every batch:
 * each balance equals the sum of its entries and is never negative, no source counts twice, stock is never
 * negative and stock plus what is held equals what was stocked, and per-person limits hold.
 */
import fc from 'fast-check'
import { ADAPTERS } from '../support/adapters'
import type { StoragePort } from '../../server/storage/port'
import { AppError } from '../../server/core/app-error'
import { adjustPoints, award, reverseAward } from '../../server/domain/points/points-ledger'
import { DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'
import { cancelRedemption, fulfilRedemption, redeem } from '../../server/domain/points/redemption'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import { findAll } from '../../server/domain/points/points-read'

jest.setTimeout(300_000)

const PERSONS = ['p-a', 'p-b', 'p-c']
const ITEMS = [
  { _id: 'i-cheap', price: 7, stock: 4, perPersonLimit: 2 },
  { _id: 'i-dear', price: 25, stock: 2, perPersonLimit: null }
]
const NOW = Date.UTC(2026, 10, 30, 23, 0, 0)
const RULES = { ...DEFAULT_POINTS_RULES, dailyCap: 40 }
/** Refusals a random operation may meet; anything else (a crash, a half write) fails the property. */
const EXPECTED = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'ALREADY_DONE',
  'ILLEGAL_TRANSITION',
  'NOT_FOUND'
])

type Op =
  | { t: 'award'; p: number; s: number; amount: number; day: number }
  | { t: 'reverse'; p: number; s: number }
  | { t: 'adjust'; p: number; amount: number }
  | { t: 'redeem'; p: number; i: number }
  | { t: 'cancel'; r: number }
  | { t: 'fulfil'; r: number }

const person = fc.integer({ min: 0, max: PERSONS.length - 1 })
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('award' as const),
      p: person,
      s: fc.integer({ min: 0, max: 4 }),
      amount: fc.integer({ min: 1, max: 20 }),
      day: fc.integer({ min: 0, max: 2 })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('reverse' as const), p: person, s: fc.integer({ min: 0, max: 4 }) })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('adjust' as const),
      p: person,
      amount: fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0)
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('redeem' as const),
      p: person,
      i: fc.integer({ min: 0, max: ITEMS.length - 1 })
    })
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cancel' as const), r: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('fulfil' as const), r: fc.nat() }) }
)
const batches = fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 })

async function setup(store: StoragePort) {
  await store.transaction(async (tx) => {
    for (const i of ITEMS) {
      await tx.put('rewardItems', {
        ...i,
        name: i._id,
        description: '',
        kind: 'item',
        redeemed: 0,
        orgUnitId: 'org',
        status: 'active',
        createdBy: 't',
        createdAt: NOW,
        updatedAt: NOW
      })
    }
  })
}

async function apply(store: StoragePort, o: Op, codes: string[], n: number): Promise<void> {
  const at = NOW + n * 1000
  await store.transaction(async (tx) => {
    switch (o.t) {
      case 'award':
        await award(tx, {
          personId: PERSONS[o.p],
          amount: o.amount,
          reason: `参加「${o.s}」`,
          source: { kind: 'checkin', id: `s${o.s}` },
          actorAccountId: 't',
          at: at + o.day * 86400_000,
          rules: RULES
        })
        return
      case 'reverse':
        await reverseAward(tx, {
          personId: PERSONS[o.p],
          source: { kind: 'checkin', id: `s${o.s}` },
          reason: '撤销',
          actorAccountId: 't',
          staffAccountId: 't',
          at
        })
        return
      case 'adjust':
        await adjustPoints(tx, {
          entryId: `adj:${n}`,
          personId: PERSONS[o.p],
          amount: o.amount,
          reason: '调整',
          staffAccountId: 't',
          actorAccountId: 't',
          at
        })
        return
      case 'redeem': {
        const { redemption } = await redeem(tx, {
          itemId: ITEMS[o.i]._id,
          personId: PERSONS[o.p],
          actorAccountId: 't',
          at,
          visible: () => true
        })
        codes.push(redemption._id)
        return
      }
      case 'cancel':
        if (!codes.length) return
        await cancelRedemption(tx, codes[o.r % codes.length], { accountId: 't', staff: false, at })
        return
      case 'fulfil':
        if (!codes.length) return
        await fulfilRedemption(tx, codes[o.r % codes.length], { accountId: 't', at })
    }
  })
}

async function checkInvariants(store: StoragePort) {
  const report = await reconcilePoints(store)
  expect(report.mismatches).toEqual([])
  const balances = await findAll(store, 'pointsBalances')
  for (const b of balances) expect(b.balance).toBeGreaterThanOrEqual(0)

  const entries = await findAll(store, 'pointsLedger')
  // No source counts twice: per source and person, awards minus reversals is 0 or 1, and the net is 0..max.
  const bySource = new Map<string, { awards: number; reversals: number; net: number; max: number }>()
  for (const e of entries) {
    if (e.source?.kind !== 'checkin') continue
    const key = `${e.source.id}:${e.personId}`
    const s = bySource.get(key) ?? { awards: 0, reversals: 0, net: 0, max: 0 }
    if (e.kind === 'award') {
      s.awards += 1
      s.max = Math.max(s.max, e.requested ?? e.amount)
    } else s.reversals += 1
    s.net += e.amount
    bySource.set(key, s)
  }
  for (const s of bySource.values()) {
    expect([0, 1]).toContain(s.awards - s.reversals)
    expect(s.net).toBeGreaterThanOrEqual(0)
    expect(s.net).toBeLessThanOrEqual(s.max)
  }
  // A daily counter never exceeds the cap.
  for (const d of await findAll(store, 'pointsDaily')) expect(d.awarded).toBeLessThanOrEqual(RULES.dailyCap)

  const redemptions = await findAll(store, 'redemptions')
  for (const i of ITEMS) {
    const item = (await store.get('rewardItems', i._id))!
    const held = redemptions.filter((r) => r.itemId === i._id && r.status !== 'cancelled')
    expect(item.stock).toBeGreaterThanOrEqual(0)
    expect(item.stock + held.length).toBe(i.stock)
    expect(item.redeemed).toBe(held.length)
    for (const p of PERSONS) {
      const mine = held.filter((r) => r.personId === p).length
      if (i.perPersonLimit !== null) expect(mine).toBeLessThanOrEqual(i.perPersonLimit)
      expect((await store.get('rewardQuotas', `${i._id}:${p}`))?.count ?? 0).toBe(mine)
    }
  }
  // Each redemption took its price once, and a cancelled one gave it back once.
  for (const r of redemptions) {
    const related = entries.filter((e) => e.source?.kind === 'redemption' && e.source.id === r._id)
    expect(related.filter((e) => e.kind === 'redemption').map((e) => e.amount)).toEqual([-r.price])
    expect(related.filter((e) => e.kind === 'reversal').map((e) => e.amount)).toEqual(
      r.status === 'cancelled' ? [r.price] : []
    )
  }
}

describe.each(ADAPTERS)('ledger properties on $name', (adapter) => {
  it('hold over random concurrent sequences of awards, reversals, adjustments, redemptions, cancellations and 核销', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (plan) => {
        const { store, cleanup } = await adapter.make()
        try {
          await setup(store)
          const codes: string[] = []
          let n = 0
          for (const batch of plan) {
            const results = await Promise.allSettled(batch.map((o) => apply(store, o, codes, n++)))
            for (const r of results) {
              if (r.status === 'fulfilled') continue
              const err = r.reason as Error
              // Races between two writers of one deterministic _id end in a duplicate, which is the point.
              const ok = (err instanceof AppError && EXPECTED.has(err.code)) || err.name === 'DuplicateIdError'
              if (!ok) throw err
            }
            await checkInvariants(store)
          }
        } finally {
          await cleanup()
        }
      }),
      { numRuns: 60 }
    )
  })
})
