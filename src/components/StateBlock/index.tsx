import { Text, View } from '@tarojs/components'
import BigButton from '../BigButton'
import './index.scss'
import { a11y } from '../a11y'

/** Loading, empty and error states: always words, and an error always says what to do next. */
export function Loading({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View {...a11y({ role: 'status', live: 'polite' })} className='yl-state' data-testid='loading'>
      <Text className='yl-state__text'>{text}</Text>
    </View>
  )
}

export function Empty({ text, actionLabel, onAction }: { text: string; actionLabel?: string; onAction?: () => void }) {
  return (
    <View className='yl-state'>
      <Text className='yl-state__text'>{text}</Text>
      {actionLabel && onAction ? (
        <View className='yl-state__action'>
          <BigButton variant='secondary' onClick={onAction}>
            {actionLabel}
          </BigButton>
        </View>
      ) : null}
    </View>
  )
}

export function ErrorBlock({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View {...a11y({ role: 'alert' })} className='yl-state yl-state--error'>
      <Text className='yl-state__text'>{message}</Text>
      {onRetry ? (
        <View className='yl-state__action'>
          <BigButton variant='secondary' onClick={onRetry}>
            再试一次
          </BigButton>
        </View>
      ) : null}
    </View>
  )
}
