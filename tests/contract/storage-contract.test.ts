/**
 * The storage contract: every adapter must pass this one suite (describe.each over ADAPTERS_WITH_REAL_SDK), so
 * handlers can rely on the same behaviour on SQLite and on CloudBase, the latter both over the in-memory stand-in
 * and through the real wx-server-sdk client.
 */
import { DocNotFoundError, DuplicateIdError, type StoragePort } from '../../server/storage/port'
import type { ActivityDoc, CounterDoc } from '../../server/storage/schema'
import { ADAPTERS_WITH_REAL_SDK } from '../support/adapters'

// 40 concurrent transactions through the real SDK are 40 × (5 signed HTTP requests) per round of conflicts.
jest.setTimeout(60_000)

function activity(id: string, over: Partial<ActivityDoc> = {}): ActivityDoc {
  return {
    _id: id,
    title: `活动${id}`,
    type: '讲座',
    description: '',
    place: '会议室',
    startAt: 1000,
    endAt: 2000,
    signupDeadline: 500,
    capacity: 10,
    points: null,
    audience: { kind: 'all' },
    orgUnitId: 'org-sz',
    status: 'published',
    checkinOpensBeforeMin: 30,
    allowWalkIn: true,
    contactPhone: null,
    createdBy: 'x',
    createdAt: 0,
    updatedAt: 0,
    ...over
  }
}

describe.each(ADAPTERS_WITH_REAL_SDK)('storage contract: $name', (adapter) => {
  let store: StoragePort
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ store, cleanup } = await adapter.make())
  })
  afterEach(async () => cleanup())

  const put = (...docs: ActivityDoc[]) =>
    store.transaction(async (tx) => {
      for (const d of docs) await tx.create('activities', d)
    })

  it('creates and reads a document by id; a missing id reads as null', async () => {
    await put(activity('a1'))
    expect(await store.get('activities', 'a1')).toEqual(activity('a1'))
    expect(await store.get('activities', 'nope')).toBeNull()
  })

  it('refuses a duplicate _id and rolls the whole transaction back', async () => {
    await put(activity('a1'))
    await expect(put(activity('a2'), activity('a1'))).rejects.toBeInstanceOf(DuplicateIdError)
    expect(await store.get('activities', 'a2')).toBeNull()
  })

  it('rolls back every write when the transaction function throws', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.create('activities', activity('a1'))
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(await store.get('activities', 'a1')).toBeNull()
  })

  it('updates top-level fields and replaces nested objects whole', async () => {
    await put(activity('a1', { audience: { kind: 'county', orgUnitId: 'org-sz' } }))
    await store.transaction((tx) => tx.update('activities', 'a1', { audience: { kind: 'all' }, title: '新标题' }))
    const a = await store.get('activities', 'a1')
    expect(a?.audience).toEqual({ kind: 'all' })
    expect(a?.title).toBe('新标题')
    expect(a?.place).toBe('会议室')
  })

  it('refuses to update a missing document', async () => {
    await expect(store.transaction((tx) => tx.update('activities', 'nope', { title: 'x' }))).rejects.toBeInstanceOf(
      DocNotFoundError
    )
  })

  it('reads its own writes inside a transaction', async () => {
    await store.transaction(async (tx) => {
      await tx.create('activities', activity('a1'))
      expect((await tx.get('activities', 'a1'))?.title).toBe('活动a1')
      await tx.update('activities', 'a1', { title: '改' })
      expect((await tx.get('activities', 'a1'))?.title).toBe('改')
    })
  })

  it('filters by equality, in, ne, ranges, booleans and null', async () => {
    await put(
      activity('a1', { startAt: 100, status: 'published', allowWalkIn: true, capacity: null }),
      activity('a2', { startAt: 200, status: 'draft', allowWalkIn: false, capacity: 5 }),
      activity('a3', { startAt: 300, status: 'cancelled', allowWalkIn: true, capacity: 8 })
    )
    const ids = async (where: Parameters<StoragePort['find']>[1]) =>
      (await store.find('activities', where)).map((a) => a._id).sort()
    expect(await ids({ where: { status: 'draft' } })).toEqual(['a2'])
    expect(await ids({ where: { status: { in: ['published', 'cancelled'] } } })).toEqual(['a1', 'a3'])
    expect(await ids({ where: { status: { ne: 'draft' } } })).toEqual(['a1', 'a3'])
    expect(await ids({ where: { startAt: { gte: 200, lt: 300 } } })).toEqual(['a2'])
    expect(await ids({ where: { startAt: { gt: 100 } } })).toEqual(['a2', 'a3'])
    expect(await ids({ where: { allowWalkIn: false } })).toEqual(['a2'])
    expect(await ids({ where: { capacity: null } })).toEqual(['a1'])
    expect(await ids({ where: { capacity: { ne: null } } })).toEqual(['a2', 'a3'])
    expect(await ids({ where: { _id: { in: ['a3', 'a1', 'zz'] } } })).toEqual(['a1', 'a3'])
    expect(await store.count('activities', { status: { in: ['draft', 'cancelled'] } })).toBe(2)
  })

  it('sorts, limits and pages with a stable tie-break on _id', async () => {
    await put(
      activity('b', { startAt: 2 }),
      activity('a', { startAt: 2 }),
      activity('c', { startAt: 1 }),
      activity('d', { startAt: 3 })
    )
    const page = async (offset: number) =>
      (await store.find('activities', { orderBy: [['startAt', 'asc']], limit: 2, offset })).map((a) => a._id)
    expect(await page(0)).toEqual(['c', 'a'])
    expect(await page(2)).toEqual(['b', 'd'])
    expect((await store.find('activities', { orderBy: [['startAt', 'desc']], limit: 1 }))[0]._id).toBe('d')
  })

  it('returns more than the CloudBase default of 100 when asked', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 150; i++) await tx.create('activities', activity(`a${String(i).padStart(3, '0')}`))
    })
    expect(await store.find('activities', { limit: 150 })).toHaveLength(150)
    expect(await store.count('activities')).toBe(150)
  })

  it('never loses an increment of one counter under concurrent transactions', async () => {
    const counter: CounterDoc = { _id: 'c', capacity: null, taken: 0, waitlisted: 0, nextWaitlistSeq: 1 }
    await store.transaction((tx) => tx.create('counters', counter))
    await Promise.all(
      Array.from({ length: 40 }, () =>
        store.transaction(async (tx) => {
          const c = (await tx.get('counters', 'c'))!
          await tx.update('counters', 'c', { taken: c.taken + 1 })
        })
      )
    )
    expect((await store.get('counters', 'c'))?.taken).toBe(40)
  })

  it('lets exactly one of many concurrent creates of the same deterministic _id win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.transaction((tx) => tx.create('activities', activity('same', { title: `t${i}` })))
      )
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => (r as PromiseRejectedResult).reason instanceof DuplicateIdError)
    ).toBe(true)
  })

  it('shows plain reads only committed data', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const tx = store.transaction(async (t) => {
      await t.create('activities', activity('pending'))
      await gate
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(await store.get('activities', 'pending').catch(() => 'blocked')).not.toEqual(
      expect.objectContaining({ _id: 'pending' })
    )
    release()
    await tx
    expect((await store.get('activities', 'pending'))?._id).toBe('pending')
  })
})
