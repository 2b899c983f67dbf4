import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import BigButton from '../BigButton'
import { a11y } from '../a11y'
import type { CodeReaderProps } from './types'
import './index.scss'

/** weapp: one big button opens the camera (never the photo album: a forwarded screenshot cannot be picked). */
export default function CodeReader({
  hint,
  submitText,
  scanText,
  busy,
  onCode,
  variant = 'primary',
  testId = 'code-reader'
}: CodeReaderProps) {
  const [error, setError] = useState<string | null>(null)
  return (
    <View className='yl-code-reader'>
      {hint ? <Text className='yl-code-reader__hint'>{hint}</Text> : null}
      <BigButton
        primary={variant === 'primary'}
        variant={variant}
        loading={busy}
        testId={`${testId}-submit`}
        onClick={() => {
          setError(null)
          Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
            .then((res) => onCode(res.result, Date.now()))
            .catch((err: { errMsg?: string }) => {
              if (!/cancel/.test(err?.errMsg ?? '')) setError('没有扫到，请把二维码放在框里再扫一次')
            })
        }}
      >
        {scanText ?? submitText}
      </BigButton>
      {error ? (
        <Text {...a11y({ role: 'alert' })} className='yl-code-reader__error'>
          ✕ {error}
        </Text>
      ) : null}
    </View>
  )
}
