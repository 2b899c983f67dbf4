/**
 * The persisted outbox, outside the mini-program: the same operations as the store's outbox slice, kept as a
 * JSON string after every change, as the phone keeps it. `restart()` reads it back the way the app does after
 * WeChat closed it (the engine and its in-memory waiters are gone; the items are not).
 */
import type { OutboxAccess } from '../../src/sync/sync-engine'
import type { OutboxItem, RejectedItem } from '../../src/sync/outbox-types'

export interface MemoryOutbox {
  box: OutboxAccess
  items(): OutboxItem[]
  rejected: RejectedItem[]
  /** The persisted form, as it would be on the phone now. */
  persisted(): string
  /** Throw away memory and read the persisted form back (an app restart). */
  restart(): void
  /** Number of persisted writes so far. */
  writes(): number
}

export function memoryOutbox(): MemoryOutbox {
  let items: OutboxItem[] = []
  let stored = '[]'
  let writes = 0
  const rejected: RejectedItem[] = []
  const persist = () => {
    stored = JSON.stringify(items)
    writes += 1
  }
  const box: OutboxAccess = {
    outbox: () => items,
    enqueue: (i) => {
      items = [...items, i]
      persist()
    },
    settle: (ids, r) => {
      const gone = new Set(ids)
      items = items.filter((i) => !gone.has(i.id))
      rejected.push(...r)
      persist()
    },
    postpone: (ids, at, reason) => {
      const later = new Set(ids)
      items = items.map((i) =>
        later.has(i.id) ? { ...i, attempts: i.attempts + 1, nextAttemptAt: at, lastError: reason } : i
      )
      persist()
    },
    wake: () => {
      if (items.every((i) => i.nextAttemptAt === 0)) return
      items = items.map((i) => ({ ...i, nextAttemptAt: 0 }))
      persist()
    }
  }
  return {
    box,
    items: () => items,
    rejected,
    persisted: () => stored,
    restart: () => {
      items = JSON.parse(stored) as OutboxItem[]
    },
    writes: () => writes
  }
}
