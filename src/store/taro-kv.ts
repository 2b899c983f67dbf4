import Taro from '@tarojs/taro'
import type { SyncKV } from './chunked-storage'

/** Taro's synchronous storage as a string key-value store (wx.setStorageSync in weapp, localStorage in h5). */
export const taroKV: SyncKV = {
  get(key) {
    try {
      const v: unknown = Taro.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    } catch {
      return null
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    Taro.removeStorageSync(key)
  }
}
