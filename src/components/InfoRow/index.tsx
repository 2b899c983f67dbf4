import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { keepAll } from '../Keep'
import './index.scss'

/** A label and its value, stacked so long values wrap instead of shrinking. */
export default function InfoRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className='yl-info' data-testid={testId}>
      <Text className='yl-info__label'>{label}</Text>
      <View className='yl-info__value'>{keepAll(children)}</View>
    </View>
  )
}
