import { isValidElement, type ReactNode } from 'react'

/** The words in a small tree of elements (a Notice's <Text> children), in order, for reading aloud. */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return ''
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map(textOf).join('')
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children)
  return ''
}

/** Sentences joined so a speech engine pauses between them: 「标题。正文」. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
  return parts
    .map((p) => (p || '').trim())
    .filter(Boolean)
    .map((p) => (/[。！？!?.…]$/.test(p) ? p : `${p}。`))
    .join('')
}
