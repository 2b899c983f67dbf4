/**
 * 长辈版 follows the reader's font setting (WeChat's fontSizeSetting; 关怀模式 is 23.8 px) until they choose
 * themselves; then their choice always wins, across launches.
 */
const storage = new Map<string, unknown>()
let baseInfo: { fontSizeSetting?: number } | (() => never) = { fontSizeSetting: 17 }

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getAppBaseInfo: () => (typeof baseInfo === 'function' ? baseInfo() : baseInfo)
  }
}))

import { LARGE_FONT_SETTING, applyWechatFontSetting, shouldSuggestElderMode } from '../../src/platform/font-setting'
import { systemFontSize } from '../../src/platform/system-font-size.weapp'
import { useAppStore } from '../../src/store'

const reset = () => useAppStore.setState({ elderMode: false, elderModeChosen: false })

describe('the font-size rule', () => {
  it('turns 长辈版 on from 22 px up, 关怀模式 (23.8 px) included', () => {
    expect(LARGE_FONT_SETTING).toBe(22)
    expect(shouldSuggestElderMode(17)).toBe(false)
    expect(shouldSuggestElderMode(21.9)).toBe(false)
    expect(shouldSuggestElderMode(22)).toBe(true)
    expect(shouldSuggestElderMode(23.8)).toBe(true)
    expect(shouldSuggestElderMode(30)).toBe(true)
  })

  it('suggests nothing when the setting cannot be read', () => {
    expect(shouldSuggestElderMode(null)).toBe(false)
    expect(shouldSuggestElderMode(undefined)).toBe(false)
    expect(shouldSuggestElderMode(Number.NaN)).toBe(false)
  })
})

describe('WeChat’s setting in weapp', () => {
  it('reads getAppBaseInfo().fontSizeSetting, and null when it is missing or throws', () => {
    baseInfo = { fontSizeSetting: 23.8 }
    expect(systemFontSize()).toBe(23.8)
    baseInfo = {}
    expect(systemFontSize()).toBeNull()
    baseInfo = () => {
      throw new Error('not supported')
    }
    expect(systemFontSize()).toBeNull()
  })
})

describe('applying it at launch', () => {
  beforeEach(reset)

  it('switches 长辈版 on by itself for a large setting, and off again when it is back to normal', () => {
    applyWechatFontSetting(23.8)
    expect(useAppStore.getState().elderMode).toBe(true)
    expect(useAppStore.getState().elderModeChosen).toBe(false)
    applyWechatFontSetting(17)
    expect(useAppStore.getState().elderMode).toBe(false)
  })

  it('never overrides what the user chose, either way', () => {
    useAppStore.getState().setElderMode(false)
    applyWechatFontSetting(23.8)
    expect(useAppStore.getState().elderMode).toBe(false)

    useAppStore.getState().setElderMode(true)
    applyWechatFontSetting(17)
    expect(useAppStore.getState().elderMode).toBe(true)
  })

  it('leaves the mode alone when the setting cannot be read', () => {
    useAppStore.setState({ elderMode: true })
    applyWechatFontSetting(null)
    expect(useAppStore.getState().elderMode).toBe(true)
  })

  it('remembers the choice across launches (it is persisted with the mode)', () => {
    useAppStore.getState().setElderMode(true)
    const saved = [...storage.entries()].map(([, v]) => String(v)).join('')
    expect(saved).toContain('"elderMode":true')
    expect(saved).toContain('"elderModeChosen":true')
  })
})
