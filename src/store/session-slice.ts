import type { StateCreator } from 'zustand'
import type { Me } from '@contract/actions'
import type { AppState } from './index'

export interface ActingFor {
  personId: string
  name: string
}

export interface SessionSlice {
  /** Local-host bearer token (h5 / HTTP transport). In weapp the cloud function knows the caller by OPENID. */
  token: string | null
  me: Me | null
  /** Set while a family member acts for a bound elder (代办); every proxy-capable call carries it. */
  actingFor: ActingFor | null
  setToken(token: string | null): void
  setMe(me: Me | null): void
  setActingFor(actingFor: ActingFor | null): void
  signOut(): void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  token: null,
  me: null,
  actingFor: null,
  setToken: (token) => set({ token }),
  setMe: (me) => set({ me }),
  setActingFor: (actingFor) => set({ actingFor }),
  signOut: () => set({ token: null, me: null, actingFor: null })
})
