import { useState } from 'react'
import { View } from '@tarojs/components'
import Field from '../Field'
import BigButton from '../BigButton'
import type { CodeReaderProps } from './types'

/**
 * h5 (no camera): a big field to type or paste the code, for tests and kiosks. weapp scans with the camera
 * (index.weapp.tsx). Either way `onCode` gets the text and the moment it was read.
 */
export default function CodeReader({ label, hint, submitText, busy, onCode, variant = 'primary', testId = 'code-reader' }: CodeReaderProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <View className='yl-code-reader'>
      <Field
        label={label}
        value={text}
        onInput={(v) => {
          setText(v)
          setError(null)
        }}
        placeholder='把签到码粘贴或输入在这里'
        hint={hint}
        error={error}
        maxlength={200}
        testId={`${testId}-input`}
      />
      <BigButton
        primary={variant === 'primary'}
        variant={variant}
        loading={busy}
        testId={`${testId}-submit`}
        onClick={() => {
          const token = text.trim()
          if (!token) {
            setError('请先粘贴或输入签到码')
            return
          }
          setText('')
          onCode(token, Date.now())
        }}
      >
        {submitText}
      </BigButton>
    </View>
  )
}

export type { CodeReaderProps }
