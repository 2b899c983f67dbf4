import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../a11y'
import './index.scss'

/** A big labelled row that opens another page: icon, words, an optional badge in words, and ›. */
export default function EntryRow({
  icon,
  text,
  badge,
  onClick,
  testId
}: {
  icon: string
  text: string
  badge?: ReactNode
  onClick: () => void
  testId?: string
}) {
  return (
    // No aria-label: the name is the visible words (with the badge, e.g. 我的消息 2 条未读); marks are hidden.
    <View {...a11y({ role: 'button' })} className='yl-entry' onClick={onClick} data-testid={testId}>
      <Text {...a11y({ hidden: true })} className='yl-entry__icon'>
        {icon}
      </Text>
      <Text className='yl-entry__text'>{text}</Text>
      {badge ? <View className='yl-entry__badge'>{badge}</View> : null}
      <Text {...a11y({ hidden: true })} className='yl-entry__go'>
        ›
      </Text>
    </View>
  )
}
