import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'
import { a11y } from '../a11y'
import { keepAll } from '../Keep'

export interface CardProps {
  children: ReactNode
  /** Makes the whole card one tap target (with a label for screen readers). */
  onClick?: () => void
  ariaLabel?: string
  testId?: string
  tone?: 'default' | 'highlight' | 'muted'
}

export default function Card({ children, onClick, ariaLabel, testId, tone = 'default' }: CardProps) {
  return (
    <View
      {...a11y({ role: onClick ? 'button' : undefined, label: ariaLabel })}
      className={`yl-card yl-card--${tone}${onClick ? ' yl-card--tap' : ''}`}
      onClick={onClick}

      data-testid={testId}
    >
      {/* The cards that draw their own lines (activity, shift, help, team, points) keep their numbers whole. */}
      {keepAll(children)}
    </View>
  )
}
