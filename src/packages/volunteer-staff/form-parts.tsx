import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { a11y } from '@/components/a11y'

/** A row that opens a native picker (date, time, a list): its label, its value in words, and its error. */
export function PickerRow({ label, text, error, children, testId }: { label: string; text: string; error?: string | null; children: (row: ReactNode) => ReactNode; testId?: string }) {
  const row = (
    <View {...a11y({ role: 'button', label: `${label}：${text}` })} className={`yl-vs__picker${error ? ' yl-vs__picker--error' : ''}`} data-testid={testId}>
      <Text>{text}</Text>
      <Text {...a11y({ hidden: true })}>›</Text>
    </View>
  )
  return (
    <View className='yl-vs__group'>
      <Text className='yl-vs__label'>{label}</Text>
      {children(row)}
      {error ? <Text className='yl-vs__error'>✕ {error}</Text> : null}
    </View>
  )
}

/** 'HH:mm' and a business day to an instant is done with types/time's beijingTime; this checks the shape. */
export const isHhmm = (s: string) => /^\d{2}:\d{2}$/.test(s)
