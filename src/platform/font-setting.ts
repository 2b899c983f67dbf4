import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'

/** WeChat's own font size (px). 关怀模式 / the large-font setting reports about 22 px and above (23.8 px). */
export const LARGE_FONT_SETTING = 22

export function shouldSuggestElderMode(fontSizeSetting: number | null | undefined): boolean {
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= LARGE_FONT_SETTING
}

export function wechatFontSize(): number | null {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeSetting?: number } | undefined
    return typeof info?.fontSizeSetting === 'number' ? info.fontSizeSetting : null
  } catch {
    return null
  }
}

/** At launch: follow WeChat's large-font setting unless the user chose 长辈版 on or off themselves. */
export function applyWechatFontSetting(): void {
  const size = wechatFontSize()
  if (size !== null) useAppStore.getState().suggestElderMode(shouldSuggestElderMode(size))
}
