import { Fragment, cloneElement, createElement, isValidElement, type ReactElement, type ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { KEEP_NAME, KEEP_NUMBERS } from './patterns'
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

/**
 * Every run of words in `children` gets keepText, at any depth of the elements written there (a page's own
 * JSX: its Views, Texts, and the children it hands to Card, InfoRow, Notice…); what a component draws of its own
 * is its own business (BigButton, InfoRow, Notice and the cards keep theirs). Words are kept inside a <Text>
 * (and at the top, where the caller knows its box is no flex row). A piece that is a name on its own
 * (`领取地点：{unitName}`) is kept whole, and a number meets its unit (`还剩 {n} 个名额`). Keys are kept, so
 * lists stay lists; fields' values, functions and raw HTML are left alone.
 */
export function keepAll(children: ReactNode, inText = true): ReactNode {
  if (typeof children === 'string') return inText ? keepPiece(children) : children
  if (isValidElement<{ children?: ReactNode }>(children)) {
    const inner = children.props.children
    if (inner === undefined || inner === null || typeof inner === 'function' || SKIP.has(children.type)) return children
    // Words are kept only inside a <Text>: a View may be a flex row, where each kept piece would become a box.
    // A Fragment (as this function itself makes of a list) is no box: its words are where its parent's are.
    const words = children.type === Fragment ? inText : children.type === Text
    return cloneElement(children as ReactElement<{ children?: ReactNode }>, undefined, keepAll(inner, words))
  }
  if (Array.isArray(children)) {
    const items = [...(children as ReactNode[])]
    const out: ReactNode[] = []
    for (let i = 0; i < items.length; i++) {
      const c = items[i]
      const next = items[i + 1]
      const unit = inText && typeof c === 'number' && typeof next === 'string' ? next.match(UNIT_AFTER) : null
      if (unit) {
        out.push(<Keep>{`${c}${unit[0]}`}</Keep>)
        items[i + 1] = next!.toString().slice(unit[0].length)
      } else out.push(Array.isArray(c) ? c.map((x) => keepAll(x, inText)) : keepAll(c, inText))
    }
    // Spread as arguments (not one array): React then reads them as written children, which need no keys.
    return createElement(Fragment, null, ...out)
  }
  return children
}

const WHOLE_NAME = new RegExp(`^(?:${KEEP_NAME.source})$`)
const UNIT_AFTER = /^\s?(?:小时|分钟|分|元|个|人|次|件|岁|天|名|位|%)/

function keepPiece(text: string): ReactNode {
  return WHOLE_NAME.test(text.trim()) ? <Keep>{text}</Keep> : keepText(text)
}

/** Elements whose children are not words to keep. */
const SKIP = new Set<unknown>(['style', 'script', 'textarea', 'input', Keep])
