/** Rendering a component into jsdom, inside a page frame in normal mode or in 长辈版, as Page would. */
import type { ReactElement } from 'react'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  frame: HTMLElement
  root: Root
  /** Elements by their role (explicit role, or the native one for input). */
  byRole(role: string): HTMLElement[]
  byTestId(id: string): HTMLElement | null
  text(): string
  unmount(): void
}

export function render(ui: ReactElement, mode: 'normal' | 'elder' = 'normal'): Rendered {
  const frame = document.createElement('div')
  frame.className = `yl-page${mode === 'elder' ? ' yl-page--elder' : ''}`
  document.body.appendChild(frame)
  const root = createRoot(frame)
  act(() => root.render(ui))
  return {
    frame,
    root,
    byRole: (role) =>
      Array.from(
        frame.querySelectorAll<HTMLElement>(role === 'textbox' ? 'input,textarea,[role="textbox"]' : `[role="${role}"]`)
      ),
    byTestId: (id) => frame.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    text: () => frame.textContent ?? '',
    unmount: () => {
      act(() => root.unmount())
      frame.remove()
    }
  }
}

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click')
  act(() => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
  })
}

/** Types into an input as a person would (React listens to the native input event). */
export function type(el: Element | null, value: string): void {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not a text field')
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!
  act(() => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
}
