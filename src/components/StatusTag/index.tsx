import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'
import { a11y } from '../a11y'

export type Tone = 'success' | 'warning' | 'info' | 'neutral' | 'danger'

const MARK: Record<Tone, string> = { success: '✓', warning: '!', info: '●', neutral: '·', danger: '✕' }

/** A status in words with a mark: colour is never the only signal. */
export default function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Text className={`yl-tag yl-tag--${tone}`}>
      <Text {...a11y({ hidden: true })} className='yl-tag__mark'>
        {MARK[tone]}
      </Text>
      {/* One run of words: the tag is a flex box, and each piece of a bare mix would be a box of its own. */}
      <Text className='yl-tag__words'>{children}</Text>
    </Text>
  )
}
