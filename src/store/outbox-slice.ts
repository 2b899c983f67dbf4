import type { StateCreator } from 'zustand'
import type { OutboxItem, RejectedItem } from '@/sync/outbox-types'
import type { AppState } from './index'

export interface OutboxSlice {
  /** Oldest first. Persisted: nothing the user did offline is lost when WeChat closes the mini-program. */
  outbox: OutboxItem[]
  rejected: RejectedItem[]
  enqueue(item: OutboxItem): void
  /** Remove items that reached the server (applied, or refused for good). */
  removeFromOutbox(ids: string[]): void
  updateOutboxItem(id: string, patch: Partial<OutboxItem>): void
  addRejected(items: RejectedItem[]): void
  dismissRejected(id: string): void
}

export const createOutboxSlice: StateCreator<AppState, [], [], OutboxSlice> = (set) => ({
  outbox: [],
  rejected: [],
  enqueue: (item) => set((s) => ({ outbox: [...s.outbox, item] })),
  removeFromOutbox: (ids) => set((s) => ({ outbox: s.outbox.filter((i) => !ids.includes(i.id)) })),
  updateOutboxItem: (id, patch) => set((s) => ({ outbox: s.outbox.map((i) => (i.id === id ? { ...i, ...patch } : i)) })),
  addRejected: (items) => set((s) => ({ rejected: [...s.rejected, ...items].slice(-50) })),
  dismissRejected: (id) => set((s) => ({ rejected: s.rejected.filter((r) => r.id !== id) }))
})
