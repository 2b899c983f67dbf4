import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { refreshMe, wechatLogin } from '@/services/auth'
import { ApiError } from '@/services/api'

export const LOGIN_PAGE = '/pages/login/index'

/**
 * Pages that need a signed-in, registered user send everybody else to the login page: in h5 when there is no
 * session token; in weapp when WeChat's identity is not yet bound to the roster (activation). In weapp against a
 * self-hosted API the session comes from WeChat's login code first (services/auth wechatLogin).
 */
export function useAuthGate(required: boolean): void {
  const token = useAppStore((s) => s.token)
  const me = useAppStore((s) => s.me)
  useEffect(() => {
    if (!required) return
    const usesToken = process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE
    if (usesToken && !token) {
      // weapp against a self-hosted API: WeChat says who this is (the effect runs again with the token).
      if (process.env.TARO_ENV === 'weapp') wechatLogin().catch(() => void Taro.reLaunch({ url: LOGIN_PAGE }))
      else void Taro.reLaunch({ url: LOGIN_PAGE })
      return
    }
    if (me?.registered) return
    refreshMe()
      .then((fresh) => {
        if (!fresh.registered) void Taro.reLaunch({ url: LOGIN_PAGE })
      })
      .catch((err) => {
        // A password still to change (an account an administrator made): log in again and change it first.
        if (err instanceof ApiError && err.code === 'PASSWORD_CHANGE_REQUIRED') {
          useAppStore.getState().signOut()
          void Taro.reLaunch({ url: LOGIN_PAGE })
        }
      })
  }, [required, token, me?.registered])
}
