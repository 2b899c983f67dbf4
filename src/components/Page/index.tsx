import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { useAppStore } from '@/store'
import { useAuthGate } from '@/hooks/use-auth-gate'
import BackBar from '../BackBar'
import ProxyBanner from '../ProxyBanner'
import SyncStatus from '../SyncStatus'
import TabBar from '../TabBar'
import { useTabState } from '../TabBar/tabs'
import './index.scss'
import { a11y } from '../a11y'
import { keepAll } from '../Keep'

export interface PageProps {
  /** The big heading at the top of the page. */
  title?: string
  /** Index of the tab this page is (tab pages only): draws the tab bar in h5 and marks the tab. */
  tab?: number
  /** Default true: send users who are not signed in to the login page. */
  auth?: boolean
  /** Show the h5 返回 button (default: on every page that is not a tab page or the login page). */
  back?: boolean
  /** 'badge': the page shows 待同步 itself (the home page's SyncBadge); refusals still show here. */
  sync?: 'full' | 'badge'
  children: ReactNode
  testId?: string
}

/**
 * Every page's frame: applies 长辈版 to the whole page, shows the 代办 banner and the 待同步 status, and the
 * tab bar on tab pages.
 */
export default function Page({ title, tab, auth = true, back, sync = 'full', children, testId }: PageProps) {
  const showBack = back ?? (tab === undefined && auth)
  const elder = useAppStore((s) => s.elderMode)
  useAuthGate(auth)
  useDidShow(() => {
    if (tab !== undefined) useTabState.getState().setCurrent(tab)
  })
  return (
    <View
      className={`yl-page yl-frame${elder ? ' yl-page--elder' : ''}`}
      data-elder={elder ? 'on' : 'off'}
      data-testid={testId}
    >
      <ProxyBanner />
      {showBack ? <BackBar /> : null}
      <View {...a11y({ role: 'main' })} className='yl-frame__body'>
        {title ? (
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-frame__title'>
            {title}
          </Text>
        ) : null}
        <SyncStatus pending={sync === 'badge' ? 'none' : 'full'} />
        {/* Numbers, dates and names in the page's words never break across lines (components/Keep). */}
        {keepAll(children)}
      </View>
      {tab !== undefined ? <TabBar /> : null}
    </View>
  )
}
