import { Input, Text, View } from '@tarojs/components'
import './index.scss'
import { a11y } from '../a11y'

export interface FieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'idcard' | 'digit'
  password?: boolean
  maxlength?: number
  hint?: string
  error?: string | null
  testId?: string
}

/** A labelled input with its hint and its error in words under it. */
export default function Field({
  label,
  value,
  onInput,
  placeholder,
  type = 'text',
  password,
  maxlength,
  hint,
  error,
  testId
}: FieldProps) {
  return (
    <View className={`yl-field${error ? ' yl-field--error' : ''}`}>
      <Text className='yl-field__label'>{label}</Text>
      <Input
        className='yl-field__input'
        // h5: the name goes on the native <input> inside Taro's element (screen readers, axe: label).
        nativeProps={{ 'aria-label': label }}
        value={value}
        type={type}
        password={password}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='yl-field__placeholder'
        data-testid={testId}
        onInput={(e) => onInput(e.detail.value)}
      />
      {hint && !error ? <Text className='yl-field__hint'>{hint}</Text> : null}
      {error ? (
        <Text {...a11y({ role: 'alert' })} className='yl-field__error'>
          ✕ {error}
        </Text>
      ) : null}
    </View>
  )
}
