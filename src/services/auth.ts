import type { Me } from '@contract/actions'
import { useAppStore } from '@/store'
import { API_BASE } from './transport'
import { hostRequest } from './transport/http-transport'
import { ApiError, mutate, query } from './api'

export interface DemoAccount {
  accountId: string
  label: string
  displayName: string
  roles: string[]
  orgUnitName: string
}

/** Who am I, as the server decides. Stores the answer. */
export async function refreshMe(): Promise<Me> {
  const me = await query('auth.whoami', {})
  useAppStore.getState().setMe(me)
  return me
}

async function hostCall<T>(path: string, data?: unknown): Promise<T> {
  const env = await hostRequest<T>(API_BASE, path, data, useAppStore.getState().token)
  if (!env.ok) throw new ApiError(env.code, env.message)
  return env.data
}

/** The seeded accounts of the demo deployment (local host in demo mode only). */
export function demoAccounts(): Promise<DemoAccount[]> {
  return hostCall<DemoAccount[]>('/api/demo/accounts')
}

export async function demoLogin(accountId: string): Promise<Me> {
  const { token } = await hostCall<{ token: string }>('/api/demo/login', { accountId })
  useAppStore.getState().setToken(token)
  return refreshMe()
}

export async function passwordLogin(username: string, password: string): Promise<Me> {
  const { token } = await hostCall<{ token: string }>('/api/auth/login', { username, password })
  useAppStore.getState().setToken(token)
  return refreshMe()
}

export async function logout(): Promise<void> {
  try {
    if (useAppStore.getState().token) await hostCall('/api/auth/logout', {})
  } finally {
    useAppStore.getState().signOut()
  }
}

/** Bind this WeChat account to the roster with the code staff gave. */
export async function activate(code: string): Promise<Me> {
  const outcome = await mutate('account.activate', { code }, { label: '激活账号' })
  if (outcome.status === 'applied') {
    useAppStore.getState().setMe(outcome.data)
    return outcome.data
  }
  if (outcome.status === 'rejected') throw new ApiError(outcome.code as never, outcome.message)
  throw new ApiError('NETWORK', '网络不好，请有网时再激活')
}
