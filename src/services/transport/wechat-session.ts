import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { hostRequest } from './http-transport'
import { NetworkError } from './transport'

let inFlight: Promise<void> | null = null

/**
 * The mini-program against a self-hosted API (TARO_APP_API_BASE): a bearer session from WeChat's login code,
 * which the server exchanges with WeChat (code2Session) for who this is. One at a time, however many callers
 * ask; the transport waits for it before a call, so no call goes out without the session.
 */
export function wechatSession(base: string): Promise<void> {
  inFlight ??= (async () => {
    try {
      const { code } = await Taro.login()
      const env = await hostRequest<{ token: string }>(base, '/api/auth/wechat', { code })
      if (!env.ok) throw Object.assign(new Error(env.message), { code: env.code })
      useAppStore.getState().setToken(env.data.token)
    } catch (err) {
      if (err instanceof NetworkError || (err as { code?: string }).code) throw err
      throw new NetworkError(String((err as { errMsg?: string })?.errMsg ?? err))
    } finally {
      inFlight = null
    }
  })()
  return inFlight
}
