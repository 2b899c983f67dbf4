import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import './index.scss'
import { a11y } from '../a11y'

/** Stays on screen, on every page, while a family member acts for an elder (代办). */
export default function ProxyBanner() {
  const actingFor = useAppStore((s) => s.actingFor)
  const setActingFor = useAppStore((s) => s.setActingFor)
  if (!actingFor) return null
  return (
    <View {...a11y({ role: 'status' })} className='yl-proxy' data-testid='proxy-banner'>
      <Text className='yl-proxy__text'>正在为「{actingFor.name}」代办</Text>
      <View
        {...a11y({ role: 'button', label: '结束代办' })}
        className='yl-proxy__end'
        onClick={() => setActingFor(null)}
      >
        <Text>结束代办</Text>
      </View>
    </View>
  )
}
