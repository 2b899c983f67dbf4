import type { Me } from '@contract/actions'
import type { ErrorCode } from '@contract/errors'
import { useAppStore } from '@/store'
import type { MutationOutcome } from '@/sync'
import { API_BASE } from './transport'
import { hostRequest } from './transport/http-transport'
import { wechatSession } from './transport/wechat-session'
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

/**
 * Local account login. An account made by an administrator must change its password first: then the session
 * is kept but nothing else works until `changePassword` (the login page shows that step).
 */
export async function passwordLogin(username: string, password: string): Promise<{ mustChangePassword: boolean }> {
  const { token, mustChangePassword } = await hostCall<{ token: string; mustChangePassword?: boolean }>(
    '/api/auth/login',
    { username, password }
  )
  useAppStore.getState().setToken(token)
  if (mustChangePassword) return { mustChangePassword: true }
  await refreshMe()
  return { mustChangePassword: false }
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<Me> {
  await hostCall('/api/auth/password', { oldPassword, newPassword })
  return refreshMe()
}

/** The mini-program against a self-hosted API: a session from WeChat's login code (transport/wechat-session). */
export async function wechatLogin(): Promise<void> {
  try {
    await wechatSession(API_BASE)
  } catch (err) {
    const { code, message } = err as { code?: ErrorCode; message?: string }
    if (code) throw new ApiError(code, message ?? '')
    throw err
  }
}

export async function logout(): Promise<void> {
  try {
    if (useAppStore.getState().token) await hostCall('/api/auth/logout', {})
  } finally {
    useAppStore.getState().signOut()
  }
}

/** Bind this WeChat account to the roster with the code staff gave. */
/**
 * Binds this WeChat account to its roster person with a staff-issued code (a write, so pages run it through
 * useSubmit): once applied, the app knows who it is.
 */
export async function activateAccount(code: string): Promise<MutationOutcome<Me>> {
  const outcome = await mutate('account.activate', { code }, { label: '激活账号' })
  if (outcome.status === 'applied') useAppStore.getState().setMe(outcome.data)
  return outcome
}
