/**
 * The one store: typed slices, persisted through Taro storage (chunked under WeChat's per-key limit).
 * Read it with selectors at every call site: `useAppStore((s) => s.me)`, or `useShallow` for several fields.
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { chunkedStorage } from './chunked-storage'
import { createOutboxSlice, type OutboxSlice } from './outbox-slice'
import { createPrefsSlice, type PrefsSlice } from './prefs-slice'
import { createSessionSlice, type SessionSlice } from './session-slice'
import { taroKV } from './taro-kv'

export type AppState = SessionSlice & PrefsSlice & OutboxSlice

export const STORE_KEY = 'yinling-state'
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
      version: 1,
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
      migrate: (persisted, version) => {
        // v0 had no outbox; later versions add fields here rather than dropping what the user queued.
        const state = (persisted ?? {}) as Partial<AppState>
        if (version < 1) return { ...state, outbox: state.outbox ?? [], rejected: state.rejected ?? [] }
        return state
      }
    }
  )
)
