import { useAppStore } from '@/store'
import { systemFontSize } from './system-font-size'

/**
 * WeChat's font size setting (px) from which 长辈版 turns on by itself. Standard is 17; the larger steps of
 * 设置 → 通用 → 字体大小 reach 22 and more, and 关怀模式 sets 23.8.
 */
export const LARGE_FONT_SETTING = 22

export function shouldSuggestElderMode(fontSizeSetting: number | null | undefined): boolean {
  return (
    typeof fontSizeSetting === 'number' && Number.isFinite(fontSizeSetting) && fontSizeSetting >= LARGE_FONT_SETTING
  )
}

/**
 * At launch and on every show: follow the reader's font setting (WeChat's in weapp, the browser's in h5) —
 * 长辈版 on when it is large, off when it is not — unless they chose 长辈版 on or off themselves, which is
 * remembered and then always wins.
 */
export function applyWechatFontSetting(size: number | null = systemFontSize()): void {
  if (size !== null) useAppStore.getState().suggestElderMode(shouldSuggestElderMode(size))
}
