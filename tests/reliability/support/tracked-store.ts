/**
 * A storage port that notes every committed write: which collections a transaction wrote, once it has
 * committed (a transaction that threw, or an attempt the CloudBase adapter ran again after a conflict, wrote
 * nothing). Handlers can change data only through `transaction`, so "a refused call changed nothing" is "it
 * committed no write outside `mutations`" (the processed-mutation record a final refusal leaves on purpose).
 */
import type { StoragePort, Tx } from '../../../server/storage/port'
import type { CollectionName } from '../../../server/storage/schema'

export interface TrackedStore extends StoragePort {
  /** Collections written by the transactions committed since the last call, and forget them. */
  takeWrites(): CollectionName[]
}

export function trackWrites(inner: StoragePort): TrackedStore {
  let committed: CollectionName[] = []
  return {
    name: inner.name,
    get: (c, id) => inner.get(c, id),
    find: (c, o) => inner.find(c, o),
    count: (c, w) => inner.count(c, w),
    close: () => inner.close(),
    async transaction(fn) {
      let wrote = new Set<CollectionName>()
      const result = await inner.transaction(async (tx) => {
        wrote = new Set()
        const t: Tx = {
          get: (c, id) => tx.get(c, id),
          create: (c, doc) => (wrote.add(c), tx.create(c, doc)),
          put: (c, doc) => (wrote.add(c), tx.put(c, doc)),
          update: (c, id, patch) => (wrote.add(c), tx.update(c, id, patch)),
          remove: (c, id) => (wrote.add(c), tx.remove(c, id))
        }
        return fn(t)
      })
      committed.push(...wrote)
      return result
    },
    takeWrites() {
      const out = committed
      committed = []
      return out
    }
  }
}
