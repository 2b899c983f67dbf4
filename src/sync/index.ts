/** The app's one sync engine, over the persisted outbox in the store and the chosen transport. */
import { ERRORS } from '@contract/errors'
import { useAppStore } from '@/store'
import { storedBytes } from '@/store/chunked-storage'
import { transport } from '@/services/transport'
import { watchNetwork } from '@/platform/network-watch'
import { createSyncEngine } from './sync-engine'
import { admits } from './storage-budget'
import { storageUsage } from './storage-usage'

export const syncEngine = createSyncEngine({
  transport,
  box: {
    outbox: () => useAppStore.getState().outbox,
    enqueue: (item) => useAppStore.getState().enqueue(item),
    settle: (ids, rejected) => useAppStore.getState().settleOutbox(ids, rejected),
    postpone: (ids, at, reason) => useAppStore.getState().postponeOutbox(ids, at, reason),
    wake: () => useAppStore.getState().wakeOutbox()
  },
  account: () => useAppStore.getState().me?.accountId ?? null,
  // Never queue what the phone could not keep: refuse the new write in words instead (storage-budget.ts).
  admit: (item) =>
    admits(storageUsage(), storedBytes(JSON.stringify(item)) + 16)
      ? null
      : { code: 'STORAGE_FULL', message: ERRORS.STORAGE_FULL.message },
  onUnauthenticated: () => {
    useAppStore.getState().signOut()
  }
})

let started = false

/** Sync on reconnect (platform/network-watch) and on app show (the app calls this from useDidShow), and now. */
export function startSync(): void {
  if (!started) {
    started = true
    watchNetwork(() => void syncEngine.retryAllNow())
  }
  void syncEngine.flush()
}

export type { MutationOutcome, OutboxItem, RejectedItem } from './outbox-types'
