/** How much of the phone's storage the persisted state uses now (see storage-budget.ts for the rules). */
import Taro from '@tarojs/taro'
import { STORE_KEY, appStorage } from '@/store'
import type { StorageUsage } from './storage-budget'

/** WeChat reports its usage over all keys in KB; the h5 build reports NaN (then only our own measure counts). */
function platformUsage(): { used: number | null; limit: number | null } {
  try {
    const info = Taro.getStorageInfoSync() as { currentSize?: number; limitSize?: number }
    const used =
      typeof info.currentSize === 'number' && Number.isFinite(info.currentSize) ? info.currentSize * 1024 : null
    const limit = typeof info.limitSize === 'number' && Number.isFinite(info.limitSize) ? info.limitSize * 1024 : null
    return { used, limit }
  } catch {
    return { used: null, limit: null }
  }
}

export function storageUsage(): StorageUsage {
  const platform = platformUsage()
  return {
    stateBytes: appStorage.bytes(STORE_KEY),
    platformBytes: platform.used,
    platformLimitBytes: platform.limit,
    writeFailed: appStorage.writeFailed(STORE_KEY)
  }
}
