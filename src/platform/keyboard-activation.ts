/**
 * h5: Enter and Space press a focused element that has a control role (components/a11y.ts gives those a tab
 * stop), as they press a native <button>. Taro draws buttons and tappable rows as custom elements, which the
 * browser does not press by itself. Installed once at launch (app.ts). weapp: keyboard-activation.weapp.ts.
 */
const CONTROL = '[role="button"],[role="link"],[role="switch"]'

export function installKeyboardActivation(): void {
  if (typeof document === 'undefined') return
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const el = e.target as HTMLElement | null
    if (!el || !el.matches?.(CONTROL) || /^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return
    if (el.getAttribute('aria-disabled') === 'true') return
    e.preventDefault()
    el.click()
  })
}
