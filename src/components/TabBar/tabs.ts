import { create } from 'zustand'

export const TABS = [
  { path: '/pages/index/index', text: '首页', icon: '⌂' },
  { path: '/pages/activities/index', text: '活动', icon: '☰' },
  { path: '/pages/me/index', text: '我的', icon: '☺' }
] as const

/** Which tab is showing: tab pages set it on show; both tab bar renderings read it. */
export const useTabState = create<{ current: number; setCurrent(i: number): void }>()((set) => ({
  current: 0,
  setCurrent: (current) => set({ current })
}))
