import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'
import { a11y } from '../a11y'

export default function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className='yl-section'>
      <View className='yl-section__head'>
        <Text {...a11y({ role: 'heading', level: 2 })} className='yl-section__title'>
          {title}
        </Text>
        {extra}
      </View>
      {children}
    </View>
  )
}
