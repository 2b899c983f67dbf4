import type { StateCreator } from 'zustand'
import type { OutboxItem, RejectedItem } from '@/sync/outbox-types'
import type { AppState } from './index'

/** Refusals kept for the user to read; older ones make room (each was also shown where it happened). */
export const MAX_REJECTED = 50

export interface OutboxSlice {
  /** Oldest first. Persisted: nothing the user did offline is lost when WeChat closes the mini-program. */
  outbox: OutboxItem[]
  rejected: RejectedItem[]
  /** Append a new write (the engine has checked the storage budget). */
  enqueue(item: OutboxItem): void
  /** Items that reached the server: removed; those refused for good are kept in `rejected` with their reason. */
  settleOutbox(ids: string[], rejected: RejectedItem[]): void
  /** Items that failed for now: attempts + 1, the shared next attempt time and the reason. Order is kept. */
  postponeOutbox(ids: string[], nextAttemptAt: number, lastError: string): void
  /** Every item due now. */
  wakeOutbox(): void
  dismissRejected(id: string): void
}

export const createOutboxSlice: StateCreator<AppState, [], [], OutboxSlice> = (set, get) => ({
  outbox: [],
  rejected: [],
  enqueue: (item) => set((s) => ({ outbox: [...s.outbox, item] })),
  settleOutbox: (ids, rejected) => {
    const gone = new Set(ids)
    set((s) => ({
      outbox: s.outbox.filter((i) => !gone.has(i.id)),
      rejected: rejected.length ? [...s.rejected, ...rejected].slice(-MAX_REJECTED) : s.rejected
    }))
  },
  postponeOutbox: (ids, nextAttemptAt, lastError) => {
    const later = new Set(ids)
    set((s) => ({
      outbox: s.outbox.map((i) => (later.has(i.id) ? { ...i, attempts: i.attempts + 1, nextAttemptAt, lastError } : i))
    }))
  },
  wakeOutbox: () => {
    // No change, no persisted write: waking an outbox that is all due already is free.
    if (get().outbox.every((i) => i.nextAttemptAt === 0)) return
    set((s) => ({ outbox: s.outbox.map((i) => (i.nextAttemptAt === 0 ? i : { ...i, nextAttemptAt: 0 })) }))
  },
  dismissRejected: (id) => set((s) => ({ rejected: s.rejected.filter((r) => r.id !== id) }))
})
