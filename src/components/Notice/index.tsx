import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../a11y'
import './index.scss'

export type NoticeTone = 'success' | 'warning' | 'danger' | 'info'

const MARK: Record<NoticeTone, string> = { success: '✓', warning: '!', danger: '✕', info: '●' }

/**
 * The answer to what the user just did, in words, right where they did it: 签到成功 / 已签到 / 待同步 / why not.
 * It stays until the next action (nothing important disappears on a timer).
 */
export default function Notice({ tone, title, children, testId }: { tone: NoticeTone; title: string; children?: ReactNode; testId?: string }) {
  return (
    <View {...a11y({ role: tone === 'danger' ? 'alert' : 'status', live: 'polite' })} className={`yl-notice yl-notice--${tone}`} data-testid={testId} data-tone={tone}>
      <Text className='yl-notice__title'>
        <Text {...a11y({ hidden: true })}>{MARK[tone]} </Text>
        {title}
      </Text>
      {children ? <View className='yl-notice__body'>{children}</View> : null}
    </View>
  )
}
