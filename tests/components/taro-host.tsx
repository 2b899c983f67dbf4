/**
 * Taro's host components as the h5 build draws them, for component tests in jsdom. The real ones are Stencil
 * web components (taro-view-core, …) that jsdom cannot run; what our components put on them — classes, text,
 * role and aria-* (from a11y()), data-* and handlers — lands on the element the same way, which is what these
 * tests read. How they look (sizes, contrast, layout) is measured in real Chromium by the design walker
 * (tests/e2e/design-walk.test.ts) and, for sizes, from the compiled styles in styles.test.ts.
 */
import { createElement, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

/** Taro's own props that are not DOM attributes; onClick stays (Taro h5 calls it on a tap). */
function domProps({ nativeProps, placeholderClass, maxlength, onInput, password, mode, ...rest }: Props): Props {
  void placeholderClass
  void maxlength
  void mode
  const out: Props = { ...rest, ...((nativeProps as Props | undefined) ?? {}) }
  if (onInput)
    out.onInput = (e: { target: { value: string } }) =>
      (onInput as (e: { detail: { value: string } }) => void)({ detail: { value: e.target.value } })
  if (password) out.type = 'password'
  return out
}

const host =
  (tag: string, name: string) =>
  (props: Props): ReactNode => {
    const { disabled, ...rest } = domProps(props)
    // Taro h5 wraps each component in a taro-*-core element; the tag is kept here so tests can tell them apart.
    return createElement(tag, { ...rest, 'data-taro': name, ...(disabled ? { disabled: true } : {}) })
  }

export const View = host('div', 'view')
export const Text = host('span', 'text')
export const Button = host('div', 'button')
export const Image = (props: Props) => createElement('img', { ...domProps(props), 'data-taro': 'image' })
export const Input = (props: Props) => createElement('input', { ...domProps(props), 'data-taro': 'input' })
export const Textarea = (props: Props) => createElement('textarea', { ...domProps(props), 'data-taro': 'textarea' })
export const Canvas = host('canvas', 'canvas')
