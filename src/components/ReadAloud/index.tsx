import { useEffect, useRef, useState } from 'react'
import { useDidHide } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { speech } from '@/platform/speech'
import { a11y } from '../a11y'
import './index.scss'

/**
 * 朗读: one tap reads the text aloud (WechatSI in weapp, speechSynthesis in h5: platform/speech); while it reads,
 * the same button says 停止朗读. Reading stops when the page is left. Nothing is shown where nothing can speak.
 */
export default function ReadAloud({
  text,
  label = '朗读',
  testId = 'read-aloud',
  onRead
}: {
  text: string
  label?: string
  testId?: string
  /** Called when reading starts (a message read aloud counts as read). */
  onRead?: () => void
}) {
  const [reading, setReading] = useState(false)
  const mine = useRef(false)
  useEffect(
    () => () => {
      if (mine.current) speech.stop()
    },
    []
  )
  useDidHide(() => {
    if (mine.current) speech.stop()
  })
  if (!speech.supported || !text.trim()) return null
  return (
    <View
      {...a11y({ role: 'button' })}
      className={`yl-read${reading ? ' yl-read--on' : ''}`}
      data-testid={testId}
      onClick={() => {
        if (reading) {
          speech.stop()
          return
        }
        mine.current = true
        setReading(true)
        onRead?.()
        void speech.speak(text).finally(() => {
          mine.current = false
          setReading(false)
        })
      }}
    >
      <Text {...a11y({ hidden: true })} className='yl-read__mark'>
        {reading ? '■' : '▶'}
      </Text>
      <Text>{reading ? '停止朗读' : label}</Text>
    </View>
  )
}
