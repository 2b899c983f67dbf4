import Taro from '@tarojs/taro'

/** weapp: WeChat's own font size setting in px (standard 17; 关怀模式 23.8), or null if it cannot be read. */
export function systemFontSize(): number | null {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeSetting?: number } | undefined
    return typeof info?.fontSizeSetting === 'number' ? info.fontSizeSetting : null
  } catch {
    return null
  }
}
