/** The app's one sync engine, over the persisted outbox in the store and the chosen transport. */
import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { transport } from '@/services/transport'
import { createSyncEngine } from './sync-engine'

export const syncEngine = createSyncEngine({
  transport,
  box: {
    outbox: () => useAppStore.getState().outbox,
    enqueue: (item) => useAppStore.getState().enqueue(item),
    remove: (ids) => useAppStore.getState().removeFromOutbox(ids),
    update: (id, patch) => useAppStore.getState().updateOutboxItem(id, patch),
    reject: (items) => useAppStore.getState().addRejected(items)
  },
  onUnauthenticated: () => {
    useAppStore.getState().signOut()
  }
})

let started = false

/** Sync on reconnect and on app show (the app calls this from useDidShow), and now. */
export function startSync(): void {
  if (!started) {
    started = true
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) void syncEngine.retryAllNow()
    })
  }
  void syncEngine.flush()
}

export type { MutationOutcome, OutboxItem, RejectedItem } from './outbox-types'
