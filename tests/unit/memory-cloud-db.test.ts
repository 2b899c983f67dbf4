/**
 * The CloudBase stand-in must reproduce the semantics that make "count, then insert" unsafe in production:
 * snapshot reads, first-committer-wins on the same document, and write skew across different documents.
 */
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'

describe('CloudBase stand-in', () => {
  it('lets two transactions that write different documents both commit (write skew)', async () => {
    const db = new MemoryCloudDb()
    await db.collection('slots').add({ data: { _id: 'capacity', value: 1 } })
    // Both read the capacity and both see no sign-up yet, then each inserts its own sign-up.
    const signUp = (who: string) =>
      db.runTransaction(async (tx) => {
        const cap = (await tx.collection('slots').doc('capacity').get()).data as { value: number }
        const exists = (id: string) =>
          tx
            .collection('signups')
            .doc(id)
            .get()
            .then(
              () => true,
              () => false
            )
        const taken = [await exists('A'), await exists('B')].filter(Boolean).length
        if (taken < cap.value) await tx.collection('signups').add({ data: { _id: who } })
      })
    await Promise.all([signUp('A'), signUp('B')])
    expect((await db.collection('signups').count()).total).toBe(2) // over capacity: the bug this stand-in exposes
  })

  it('lets only one of two transactions that write the same document commit first; the other is re-run', async () => {
    const db = new MemoryCloudDb()
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    const inc = () =>
      db.runTransaction(async (tx) => {
        const c = (await tx.collection('counters').doc('c').get()).data as { n: number }
        await tx
          .collection('counters')
          .doc('c')
          .set({ data: { n: c.n + 1 } })
      }, 50)
    await Promise.all(Array.from({ length: 20 }, inc))
    const c = (await db.collection('counters').where({ _id: 'c' }).get()).data[0] as { n: number }
    expect(c.n).toBe(20)
    expect(db.stats.conflicts).toBeGreaterThan(0)
  })

  it('gives up with DATABASE_TRANSACTION_CONFLICT after the allowed retries', async () => {
    const db = new MemoryCloudDb()
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    const inc = () =>
      db.runTransaction(async (tx) => {
        const c = (await tx.collection('counters').doc('c').get()).data as { n: number }
        await tx
          .collection('counters')
          .doc('c')
          .set({ data: { n: c.n + 1 } })
      }, 0)
    const results = await Promise.allSettled(Array.from({ length: 5 }, inc))
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)
    ).toContain('DATABASE_TRANSACTION_CONFLICT')
  })

  it('refuses a duplicate _id', async () => {
    const db = new MemoryCloudDb()
    await db.collection('x').add({ data: { _id: 'k' } })
    await expect(db.collection('x').add({ data: { _id: 'k' } })).rejects.toMatchObject({ errCode: -502001 })
  })

  it('rejects a missing document inside a transaction and outside, as the real wx-server-sdk does', async () => {
    const db = new MemoryCloudDb()
    await db.runTransaction(async (tx) => {
      await expect(tx.collection('x').doc('nope').get()).rejects.toThrow('does not exist')
    })
    await expect(db.collection('x').doc('nope').get()).rejects.toThrow(/does not exist/)
  })

  it('returns 100 documents unless a limit is set, and refuses limits over 1000', async () => {
    const db = new MemoryCloudDb()
    for (let i = 0; i < 150; i++) await db.collection('x').add({ data: { _id: `d${i}` } })
    expect((await db.collection('x').get()).data).toHaveLength(100)
    expect(() => db.collection('x').limit(1001)).toThrow(/1000/)
  })

  it('merges nested objects on update (CloudBase default) but replaces them with set', async () => {
    const db = new MemoryCloudDb()
    await db.collection('x').add({ data: { _id: 'k', audience: { kind: 'county', orgUnitId: 'o1' } } })
    await db
      .collection('x')
      .doc('k')
      .update({ data: { audience: { kind: 'all' } } })
    expect((await db.collection('x').doc('k').get()).data).toMatchObject({ audience: { kind: 'all', orgUnitId: 'o1' } })
    await db
      .collection('x')
      .doc('k')
      .set({ data: { audience: { kind: 'all' } } })
    expect((await db.collection('x').doc('k').get()).data).toEqual({ _id: 'k', audience: { kind: 'all' } })
  })

  it('offers only by-id operations inside a transaction', async () => {
    const db = new MemoryCloudDb()
    await db.runTransaction(async (tx) => {
      expect((tx.collection('x') as unknown as { where?: unknown }).where).toBeUndefined()
    })
  })
})
