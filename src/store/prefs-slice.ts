import type { StateCreator } from 'zustand'
import type { AppState } from './index'

export interface PrefsSlice {
  /** 长辈版: bigger type and targets on every page. */
  elderMode: boolean
  /** The user chose 长辈版 on or off themselves; WeChat's font setting no longer switches it. */
  elderModeChosen: boolean
  setElderMode(on: boolean): void
  /** From WeChat's large-font setting, only while the user has not chosen. */
  suggestElderMode(on: boolean): void
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set, get) => ({
  elderMode: false,
  elderModeChosen: false,
  setElderMode: (on) => set({ elderMode: on, elderModeChosen: true }),
  suggestElderMode: (on) => {
    if (!get().elderModeChosen) set({ elderMode: on })
  }
})
