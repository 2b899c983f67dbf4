import { Button, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'
import { a11y } from '../a11y'
import { keepAll } from '../Keep'

export type BigButtonVariant = 'primary' | 'secondary' | 'danger' | 'plain'

export interface BigButtonProps {
  children: ReactNode
  variant?: BigButtonVariant
  /** A screen's one main action: at least 60×60 CSS px in 长辈版. */
  primary?: boolean
  block?: boolean
  disabled?: boolean
  loading?: boolean
  ariaLabel?: string
  testId?: string
  onClick?: () => void
}

/** The only button. Big, high-contrast, labelled with words; a single tap does the thing. */
export default function BigButton({
  children,
  variant = 'primary',
  primary = false,
  block = true,
  disabled = false,
  loading = false,
  ariaLabel,
  testId,
  onClick
}: BigButtonProps) {
  const off = disabled || loading
  const cls = [
    'yl-btn',
    `yl-btn--${variant}`,
    primary ? 'yl-btn--main' : '',
    block ? 'yl-btn--block' : '',
    off ? 'yl-btn--disabled' : ''
  ]
    .filter(Boolean)
    .join(' ')
  // Taro h5 draws <taro-button-core>, which is no native button: the role and tabIndex (from a11y) make it one
  // for screen readers and keyboards.
  return (
    <Button
      {...a11y({ role: 'button', label: ariaLabel, disabled: off })}
      className={cls}
      // Only ever set when true: Taro h5 renders disabled={false} as disabled="false", which is still an attribute.
      disabled={off ? true : undefined}
      onClick={off ? undefined : onClick}
      data-testid={testId}
      data-primary={primary ? 'true' : undefined}
    >
      {/* One run of words (a flex button would lay each piece out as its own column); numbers kept whole. */}
      <Text className='yl-btn__words'>{loading ? '请稍候…' : keepAll(children)}</Text>
    </Button>
  )
}
