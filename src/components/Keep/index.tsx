import { Fragment, type ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { KEEP_NUMBERS } from './patterns'
import './index.scss'

/**
 * Keeps its words on one line when they fit on one (a phone number, a date, a team name): the whole unit moves
 * to the next line instead of breaking in the middle. Longer than a line, it still wraps (never runs off).
 */
export default function Keep({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text className='yl-keep' data-testid={testId}>
      {children}
    </Text>
  )
}

/** A text with every number in it (phones, dates, times, amounts: patterns.ts) kept whole. */
export function keepText(text: string): ReactNode {
  const out: ReactNode[] = []
  let at = 0
  for (const m of text.matchAll(new RegExp(KEEP_NUMBERS.source, 'g'))) {
    if (m.index! > at) out.push(text.slice(at, m.index))
    out.push(<Keep key={m.index}>{m[0]}</Keep>)
    at = m.index! + m[0].length
  }
  if (!out.length) return text
  if (at < text.length) out.push(text.slice(at))
  return <Fragment>{out}</Fragment>
}

/** Strings among `children` get keepText; elements are left as they are. */
export function keepAll(children: ReactNode): ReactNode {
  if (typeof children === 'string') return keepText(children)
  if (Array.isArray(children)) return children.map((c, i) => (typeof c === 'string' ? <Fragment key={i}>{keepText(c)}</Fragment> : c))
  return children
}
