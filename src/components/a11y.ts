/**
 * Accessibility attributes for Taro components. In h5 they become real `role` / `aria-*` attributes (screen
 * readers and axe read them); WeChat reads the visible text, so in weapp they are harmless extras. Spread the
 * result onto a component: <View {...a11y({ role: 'button', label: '结束代办' })} />.
 */
export interface A11y {
  role?: 'button' | 'link' | 'switch' | 'heading' | 'status' | 'alert' | 'dialog' | 'navigation' | 'main' | 'group' | 'list' | 'listitem'
  label?: string
  level?: number
  hidden?: boolean
  live?: 'polite' | 'assertive'
  checked?: boolean
  pressed?: boolean
  modal?: boolean
  current?: boolean
}

export function a11y(a: A11y): Record<string, string> {
  const out: Record<string, string> = {}
  if (a.role) out.role = a.role
  if (a.label) out['aria-label'] = a.label
  if (a.level !== undefined) out['aria-level'] = String(a.level)
  if (a.hidden) out['aria-hidden'] = 'true'
  if (a.live) out['aria-live'] = a.live
  if (a.checked !== undefined) out['aria-checked'] = String(a.checked)
  if (a.pressed !== undefined) out['aria-pressed'] = String(a.pressed)
  if (a.modal) out['aria-modal'] = 'true'
  if (a.current) out['aria-current'] = 'page'
  return out
}
