/**
 * The one place the transport is chosen: HTTP to the local host in h5 (same origin) or whenever an API base
 * URL is configured (TARO_APP_API_BASE); otherwise, in weapp, the `api` cloud function.
 */
import { useAppStore } from '@/store'
import { cloudTransport } from './cloud-transport'
import { httpTransport } from './http-transport'
import { wechatSession } from './wechat-session'
import type { Transport } from './transport'

export const API_BASE = process.env.TARO_APP_API_BASE ?? ''

let current: Transport | null = null

export function transport(): Transport {
  if (!current) {
    const useHttp = process.env.TARO_ENV === 'h5' || API_BASE !== ''
    // weapp against a self-hosted API: the session comes from WeChat's login code, made before the first call.
    const session = process.env.TARO_ENV === 'weapp' ? () => wechatSession(API_BASE) : undefined
    current = useHttp
      ? httpTransport(API_BASE, () => useAppStore.getState().token, session)
      : cloudTransport(process.env.TARO_APP_CLOUD_ENV)
  }
  return current
}

/** Tests and the reliability suite swap in a transport of their own. */
export function setTransport(t: Transport | null): void {
  current = t
}

export { NetworkError } from './transport'
export type { Transport } from './transport'
