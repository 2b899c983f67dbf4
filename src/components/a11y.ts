/**
 * Accessibility attributes for Taro components. In h5 they become real `role` / `aria-*` attributes (screen
 * readers and axe read them); WeChat reads the visible text, so in weapp they are harmless extras. Spread the
 * result onto a component: <View {...a11y({ role: 'button', label: '结束代办' })} />.
 *
 * A control role (button, link, switch) also makes the element focusable (tabIndex 0), so a keyboard or switch
 * user can reach it; platform/keyboard-activation.ts lets Enter and Space press it, as they press a <button>.
 * Give `label` only when the visible words are not the name (axe: label-content-name-mismatch); marks and icons
 * next to the words are hidden with `hidden` instead.
 */
export interface A11y {
  role?:
    | 'button'
    | 'link'
    | 'switch'
    | 'heading'
    | 'status'
    | 'alert'
    | 'dialog'
    | 'navigation'
    | 'main'
    | 'group'
    | 'list'
    | 'listitem'
  label?: string
  level?: number
  hidden?: boolean
  live?: 'polite' | 'assertive'
  checked?: boolean
  pressed?: boolean
  modal?: boolean
  current?: boolean
  disabled?: boolean
}

export const CONTROL_ROLES: readonly NonNullable<A11y['role']>[] = ['button', 'link', 'switch']

export function a11y(a: A11y): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  if (a.role) out.role = a.role
  if (a.role && CONTROL_ROLES.includes(a.role)) out.tabIndex = a.disabled ? -1 : 0
  if (a.label) out['aria-label'] = a.label
  if (a.level !== undefined) out['aria-level'] = String(a.level)
  if (a.hidden) out['aria-hidden'] = 'true'
  if (a.live) out['aria-live'] = a.live
  if (a.checked !== undefined) out['aria-checked'] = String(a.checked)
  if (a.pressed !== undefined) out['aria-pressed'] = String(a.pressed)
  if (a.modal) out['aria-modal'] = 'true'
  if (a.current) out['aria-current'] = 'page'
  if (a.disabled) out['aria-disabled'] = 'true'
  return out
}
