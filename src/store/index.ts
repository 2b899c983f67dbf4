/**
 * The one store: typed slices, persisted through Taro storage (chunked under WeChat's per-key limit).
 * Read it with selectors at every call site: `useAppStore((s) => s.me)`, or `useShallow` for several fields.
 */
import { currentActionName } from '@contract/renamed-actions'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { chunkedStorage } from './chunked-storage'
import { createOutboxSlice, type OutboxSlice } from './outbox-slice'
import { createPrefsSlice, type PrefsSlice } from './prefs-slice'
import { createSessionSlice, type SessionSlice } from './session-slice'
import { taroKV } from './taro-kv'
import { STORE_KEY } from './store-key'

export type AppState = SessionSlice & PrefsSlice & OutboxSlice

export { STORE_KEY }

/**
 * Older persisted states are brought up to date here, never dropped: what the user queued offline survives an
 * update of the mini-program. v0 had no outbox; v1 items had no account (null: sent as whoever is signed in);
 * v2 items may name a staff action by its old name (types/renamed-actions.ts).
 */
export function migrateState(persisted: unknown, version: number): Partial<AppState> {
  const state = { ...((persisted ?? {}) as Partial<AppState>) }
  if (version < 1) {
    state.outbox = state.outbox ?? []
    state.rejected = state.rejected ?? []
  }
  if (version < 2) state.outbox = (state.outbox ?? []).map((i) => ({ ...i, accountId: i.accountId ?? null }))
  if (version < 3) state.outbox = (state.outbox ?? []).map((i) => ({ ...i, action: currentActionName(i.action) }))
  return state
}

export const appStorage = chunkedStorage(taroKV)

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSessionSlice(...a),
      ...createPrefsSlice(...a),
      ...createOutboxSlice(...a)
    }),
    {
      name: STORE_KEY,
      version: 3,
      storage: createJSONStorage(() => appStorage),
      partialize: (s) => ({
        token: s.token,
        me: s.me,
        actingFor: s.actingFor,
        elderMode: s.elderMode,
        elderModeChosen: s.elderModeChosen,
        outbox: s.outbox,
        rejected: s.rejected
      }),
      migrate: (persisted, version) => migrateState(persisted, version)
    }
  )
)
