import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { refreshMe } from '@/services/auth'

export const LOGIN_PAGE = '/pages/login/index'

/**
 * Pages that need a signed-in, registered user send everybody else to the login page: in h5 when there is no
 * session token; in weapp when WeChat's identity is not yet bound to the roster (activation).
 */
export function useAuthGate(required: boolean): void {
  const token = useAppStore((s) => s.token)
  const me = useAppStore((s) => s.me)
  useEffect(() => {
    if (!required) return
    const usesToken = process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE
    if (usesToken && !token) {
      void Taro.reLaunch({ url: LOGIN_PAGE })
      return
    }
    if (me?.registered) return
    refreshMe()
      .then((fresh) => {
        if (!fresh.registered) void Taro.reLaunch({ url: LOGIN_PAGE })
      })
      .catch(() => undefined)
  }, [required, token, me?.registered])
}
