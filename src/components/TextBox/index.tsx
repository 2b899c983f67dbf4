import { Text, Textarea, View } from '@tarojs/components'
import './index.scss'
import { a11y } from '../a11y'

export interface TextBoxProps {
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  maxlength?: number
  hint?: string
  error?: string | null
  testId?: string
}

/** A labelled box for a few sentences, with a count of what is left and its error in words. */
export default function TextBox({
  label,
  value,
  onInput,
  placeholder,
  maxlength = 500,
  hint,
  error,
  testId
}: TextBoxProps) {
  return (
    <View className={`yl-textbox${error ? ' yl-textbox--error' : ''}`}>
      <Text className='yl-textbox__label'>{label}</Text>
      <Textarea
        // h5: the name goes on the native <textarea> inside Taro's element.
        nativeProps={{ 'aria-label': label }}
        className='yl-textbox__input'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='yl-textbox__placeholder'
        autoHeight
        data-testid={testId}
        onInput={(e) => onInput(e.detail.value)}
      />
      {hint && !error ? <Text className='yl-textbox__hint'>{hint}</Text> : null}
      {error ? (
        <Text {...a11y({ role: 'alert' })} className='yl-textbox__error'>
          ✕ {error}
        </Text>
      ) : null}
    </View>
  )
}
