import { Text, View } from '@tarojs/components'
import './index.scss'
import { a11y } from '../a11y'

export interface NoticeValue {
  tone: 'success' | 'warning' | 'danger'
  text: string
}

const MARK = { success: '✓', warning: '!', danger: '✕' }

/** The result of what the user just did, in words, until they do something else (never on a timer). */
export default function Notice({ notice, testId = 'notice' }: { notice: NoticeValue | null; testId?: string }) {
  if (!notice) return null
  return (
    <View {...a11y({ role: notice.tone === 'danger' ? 'alert' : 'status', live: 'polite' })} className={`yl-notice yl-notice--${notice.tone}`} data-testid={testId}>
      <Text {...a11y({ hidden: true })} className='yl-notice__mark'>
        {MARK[notice.tone]}
      </Text>
      <Text className='yl-notice__text'>{notice.text}</Text>
    </View>
  )
}
