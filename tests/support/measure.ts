/**
 * What the elder-friendly rules measure on one rendered page (docs/design-system.md, "Measured"):
 *
 * - every interactive element's box: ≥ 44×44 CSS px; a primary action (data-primary) ≥ 60×60 in 长辈版;
 * - every text node's computed font size: ≥ 18 px, ≥ 24 px in 长辈版 (and the text of fields and placeholders);
 * - body text (font size up to the lead size): line height ≥ 1.5 and contrast ≥ 7:1; all other text ≥ 4.5:1;
 * - anything that looks tappable (cursor: pointer) is announced as a control, and every control can be focused;
 * - layout: nothing runs off the right edge or makes the page wider than the phone (`overflow`), no text is cut
 *   off by a box that hides what does not fit (`clipped`), and phone numbers, dates, times, amounts and names
 *   (the patterns of src/components/Keep/patterns.ts) are never broken across two lines when they fit on one
 *   (`broken`);
 * - axe-core (WCAG 2.0/2.1/2.2 A and AA, best practices, and the 7:1 color-contrast-enhanced rule).
 *
 * `collectMeasurements` runs inside the page (it is serialised by playwright, so it may use nothing from outside
 * itself); everything else runs in Node.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import type { Mode } from './page-catalog'
import { KEEP_NAME, KEEP_NUMBERS } from '../../src/components/Keep/patterns'

export const RULES = {
  normal: { text: 18, target: 44, primary: 44 },
  elder: { text: 24, target: 44, primary: 60 }
} as const
export const MIN_LINE_HEIGHT = 1.5
export const BODY_CONTRAST = 7
export const OTHER_CONTRAST = 4.5

export type FindingKind =
  | 'axe'
  | 'target'
  | 'primary-target'
  | 'text-size'
  | 'line-height'
  | 'contrast'
  | 'unannounced-tap'
  | 'not-focusable'
  | 'overflow'
  | 'clipped'
  | 'broken'

export interface Finding {
  kind: FindingKind
  /** Which page and mode (filled in by the caller). */
  where: string
  /** The element, in words a person can find: tag.class [test id] «its text». */
  what: string
  /** The measured number (px, ratio) and what it must reach; 0 / 0 for findings without a number. */
  value: number
  need: number
  detail: string
}

/** The smallest values seen on a page, passing or not: the worst offender of each measure. */
export interface Extremes {
  target: { value: number; what: string } | null
  primary: { value: number; what: string } | null
  text: { value: number; what: string } | null
  lineHeight: { value: number; what: string } | null
  contrast: { value: number; what: string } | null
}

interface Limits {
  text: number
  target: number
  primary: number
  lineHeight: number
  bodyContrast: number
  otherContrast: number
  /** RegExp sources (flags 'g'): numbers found anywhere in a text; a name is a whole text node. */
  keepNumbers: string
  keepName: string
}

interface Collected {
  findings: Omit<Finding, 'where'>[]
  extremes: Extremes
  counts: { targets: number; texts: number }
  root: boolean
}

/** Runs in the browser: measures the page on screen (Taro keeps other pages in the DOM, hidden). */
export function collectMeasurements(limits: Limits): Collected {
  const findings: Collected['findings'] = []
  const extremes: Extremes = { target: null, primary: null, text: null, lineHeight: null, contrast: null }
  const counts = { targets: 0, texts: 0 }
  const roots = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.checkVisibility())
  const root = roots[roots.length - 1]
  if (!root) return { findings, extremes, counts, root: false }

  const low = (key: keyof Extremes, value: number, what: string) => {
    const cur = extremes[key]
    if (!cur || value < cur.value) extremes[key] = { value: Math.round(value * 100) / 100, what }
  }
  const shown = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
  const describe = (el: Element): string => {
    const tag = el.tagName.toLowerCase()
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).find((c) => c.startsWith('yl-')) ?? ''
    const tid = el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
    const words = (
      (el as HTMLElement).innerText ||
      el.getAttribute('aria-label') ||
      el.getAttribute('placeholder') ||
      ''
    )
      .trim()
      .replace(/\s+/g, ' ')
    return `${tag}${cls ? `.${cls}` : ''}${tid ? ` [${tid}]` : ''}${words ? ` «${words.slice(0, 24)}»` : ''}`
  }

  // The lead size of this page (tokens.scss): text up to it is body text.
  const probe = document.createElement('span')
  probe.style.fontSize = 'var(--yl-fs-lead)'
  probe.textContent = '字'
  const frame = root.querySelector('.yl-page') ?? root
  frame.appendChild(probe)
  const lead = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  const isBody = (size: number) => size <= lead + 0.01
  // Running text that may wrap (body, card titles, headings up to the title size) keeps its line height.
  probe.style.fontSize = 'var(--yl-fs-title)'
  frame.appendChild(probe)
  const titleSize = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  const isRunning = (size: number) => size <= titleSize + 0.01

  type Rgba = [number, number, number, number]
  const parse = (s: string): Rgba | null => {
    const m = s.match(/rgba?\(([^)]+)\)/)
    if (!m) return null
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number)
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
  }
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3] + under[3] * (1 - top[3])
    if (a === 0) return [255, 255, 255, 0]
    const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a
    return [mix(0), mix(1), mix(2), a]
  }
  /** The solid colour behind an element (null when an image or gradient is behind it: axe judges those). */
  const background = (el: Element): Rgba | null => {
    const layers: Rgba[] = []
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e)
      if (cs.backgroundImage !== 'none') return null
      const c = parse(cs.backgroundColor)
      if (c && c[3] > 0) {
        layers.push(c)
        if (c[3] >= 1) break
      }
    }
    let out: Rgba = [255, 255, 255, 1]
    for (const l of layers.reverse()) out = over(l, out)
    return out
  }
  const luminance = (c: Rgba) => {
    const ch = (v: number) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
  }
  const contrast = (fg: Rgba, bg: Rgba) => {
    const f = luminance(over(fg, bg))
    const b = luminance(bg)
    return (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05)
  }
  const checkText = (el: Element, size: number, color: string, what: string, lineHeight: string | null) => {
    counts.texts += 1
    low('text', size, what)
    if (size < limits.text - 0.05)
      findings.push({ kind: 'text-size', what, value: size, need: limits.text, detail: `${size}px` })
    if (isRunning(size) && lineHeight !== null) {
      const ratio = lineHeight === 'normal' ? 1.2 : parseFloat(lineHeight) / size
      low('lineHeight', ratio, what)
      if (ratio < limits.lineHeight - 0.01)
        findings.push({
          kind: 'line-height',
          what,
          value: Math.round(ratio * 100) / 100,
          need: limits.lineHeight,
          detail: `line-height ${lineHeight} at ${size}px`
        })
    }
    const fg = parse(color)
    const bg = background(el)
    if (fg && bg) {
      const ratio = contrast(fg, bg)
      const need = isBody(size) ? limits.bodyContrast : limits.otherContrast
      low('contrast', ratio, what)
      if (ratio < need - 0.01)
        findings.push({
          kind: 'contrast',
          what,
          value: Math.round(ratio * 100) / 100,
          need,
          detail: `${color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`
        })
    }
  }

  // Text: every visible text node, by its element's computed style.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim()
    const el = n.parentElement
    if (!text || !el || el.closest('style,script,noscript') || !shown(el)) continue
    const range = document.createRange()
    range.selectNodeContents(n)
    const r = range.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    const cs = getComputedStyle(el)
    checkText(el, parseFloat(cs.fontSize), cs.color, `${describe(el)}`, cs.lineHeight)
  }
  // What people type, and the placeholder that stands in for it.
  for (const input of Array.from(
    root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input:not([type="hidden"]):not([type="file"]),textarea'
    )
  )) {
    if (!shown(input)) continue
    const cs = getComputedStyle(input)
    const size = parseFloat(cs.fontSize)
    checkText(input, size, cs.color, `${describe(input)} (文字)`, cs.lineHeight)
    if (input.placeholder && !input.value)
      checkText(input, size, getComputedStyle(input, '::placeholder').color, `${describe(input)} (提示文字)`, null)
  }

  // Controls: native ones and anything with a control role, measured as drawn.
  const CONTROL =
    'a[href],button,input:not([type="hidden"]),select,textarea,summary,[role="button"],[role="link"],[role="switch"],[role="checkbox"],[role="radio"],[role="tab"],[role="menuitem"],[role="option"],[role="slider"],[role="textbox"]'
  const NATIVE = /^(a|button|input|select|textarea|summary)$/i
  const controls = Array.from(root.querySelectorAll<HTMLElement>(CONTROL)).filter((el) => shown(el))
  for (const el of controls) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    counts.targets += 1
    const what = describe(el)
    const small = Math.min(r.width, r.height)
    const size = `${Math.round(r.width)}×${Math.round(r.height)}`
    low('target', small, `${what} ${size}`)
    if (small < limits.target - 0.5)
      findings.push({ kind: 'target', what, value: Math.round(small), need: limits.target, detail: size })
    if (el.getAttribute('data-primary') === 'true') {
      low('primary', small, `${what} ${size}`)
      if (small < limits.primary - 0.5)
        findings.push({ kind: 'primary-target', what, value: Math.round(small), need: limits.primary, detail: size })
    }
    const disabled = el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled')
    if (!NATIVE.test(el.tagName) && !disabled && !(el.tabIndex >= 0 && el.hasAttribute('tabindex'))) {
      findings.push({
        kind: 'not-focusable',
        what,
        value: 0,
        need: 0,
        detail: `role=${el.getAttribute('role') ?? '—'} without tabindex: a keyboard or switch user cannot reach it`
      })
    }
  }
  // Anything drawn as tappable (pointer cursor) must be one of the controls above, or inside one.
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (getComputedStyle(el).cursor !== 'pointer' || !shown(el)) continue
    if (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer') continue
    if (el.matches(CONTROL) || el.closest(CONTROL) || el.closest('label')) continue
    findings.push({
      kind: 'unannounced-tap',
      what: describe(el),
      value: 0,
      need: 0,
      detail: 'looks tappable but has no button/link role'
    })
  }

  // Layout. The page must not be wider than the phone, and nothing may run off its right edge.
  const vw = document.documentElement.clientWidth
  const scrollsSideways = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX)
  const hides = (cs: CSSStyleDeclaration, axis: 'x' | 'y') =>
    /hidden|clip/.test(axis === 'x' ? cs.overflowX : cs.overflowY)
  for (const box of [root, frame]) {
    if (box.scrollWidth > box.clientWidth + 1) {
      findings.push({
        kind: 'overflow',
        what: describe(box).slice(0, 40),
        value: 0,
        need: 0,
        detail: `the page is ${box.scrollWidth} px wide on a ${box.clientWidth} px screen`
      })
    }
  }
  /**
   * Inside something below the page scroller that scrolls sideways on purpose: not "off the edge". (Cut off by a
   * box that hides overflow is still off the edge of the screen: a reader cannot see it either way.)
   */
  const contained = (el: Element) => {
    for (let e = el.parentElement; e && e !== root; e = e.parentElement) if (scrollsSideways(e)) return true
    return false
  }
  const offEdge = (r: DOMRect) => r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)
  const off = new Set<Element>()
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!shown(el) || el.closest('style,script,noscript')) continue
    const r = el.getBoundingClientRect()
    if (r.height === 0 || !offEdge(r) || contained(el)) continue
    const cs = getComputedStyle(el)
    // Visually hidden text for screen readers (clipped to nothing) is not on screen at all.
    if (cs.position === 'absolute' && (cs.clip === 'rect(0px, 0px, 0px, 0px)' || r.width <= 1)) continue
    off.add(el)
  }
  // The innermost boxes that run off: the thing to fix, not every ancestor it stretched.
  for (const el of off) {
    if (Array.from(el.querySelectorAll('*')).some((c) => off.has(c))) continue
    const r = el.getBoundingClientRect()
    const by = Math.round(Math.max(r.right - vw, -r.left))
    findings.push({
      kind: 'overflow',
      what: describe(el),
      value: 0,
      need: 0,
      detail: `runs ${by} px off the ${r.left < -0.5 ? 'left' : 'right'} edge`
    })
  }

  // Clipped: a box that hides what does not fit, with text that does not fit (an ellipsis, a fixed height, a
  // text area too small for what it holds).
  // A one-line field whose words are wider than it is clipped too: what was typed (or shown) cannot all be seen.
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    const field = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'
    const words = field ? (el as HTMLInputElement).value : (el.innerText ?? el.textContent ?? '')
    if (!shown(el) || !words.trim() || el === root) continue
    if (el.tagName === 'INPUT' && !/^(text|search|tel|number|email|url|)$/.test((el as HTMLInputElement).type)) continue
    const cs = getComputedStyle(el)
    const wide = (hides(cs, 'x') || field) && el.scrollWidth > el.clientWidth + 1
    const area = el.tagName === 'TEXTAREA'
    const tall = (hides(cs, 'y') || area) && el.scrollHeight > el.clientHeight + 1
    if (!wide && !tall) continue
    const [full, seen] = wide ? [el.scrollWidth, el.clientWidth] : [el.scrollHeight, el.clientHeight]
    findings.push({
      kind: 'clipped',
      what: describe(el),
      value: seen,
      need: full,
      detail: `${wide ? 'width' : 'height'}: shows ${seen} of ${full} px of its text`
    })
  }

  // Broken: a number (phone, date, time, amount, code) or a name drawn on two lines although it fits on one.
  const lineCount = (rects: DOMRect[]) => {
    const tops: number[] = []
    for (const r of rects) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top)
    return tops.length
  }
  const room = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const d = getComputedStyle(e).display
      if (d !== 'inline' && d !== 'contents') {
        const cs = getComputedStyle(e)
        return e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      }
    }
    return vw
  }
  const numbers = new RegExp(limits.keepNumbers, 'g')
  const name = new RegExp(`^(?:${limits.keepName})$`)
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    const data = n.textContent ?? ''
    const el = n.parentElement
    if (!data.trim() || !el || el.closest('style,script,noscript') || !shown(el)) continue
    // Words that run past the screen's edge (a box may fit while its unbroken words do not).
    const whole = document.createRange()
    whole.selectNodeContents(n)
    const wr = whole.getBoundingClientRect()
    if (offEdge(wr) && !contained(el) && !off.has(el)) {
      findings.push({
        kind: 'overflow',
        what: describe(el),
        value: 0,
        need: 0,
        detail: `its words run ${Math.round(Math.max(wr.right - vw, -wr.left))} px off the edge`
      })
    }
    const spans: [number, number][] = []
    for (const m of Array.from(data.matchAll(numbers))) spans.push([m.index!, m.index! + m[0].length])
    const lead = data.length - data.trimStart().length
    if (name.test(data.trim())) spans.push([lead, lead + data.trim().length])
    for (const [a, b] of spans) {
      const range = document.createRange()
      range.setStart(n, a)
      range.setEnd(n, b)
      const rects = Array.from(range.getClientRects())
      if (lineCount(rects) < 2) continue
      const width = rects.reduce((w, r) => w + r.width, 0)
      if (width > room(el) + 0.5) continue
      const words = data.slice(a, b)
      findings.push({
        kind: 'broken',
        what: `${describe(el)} «${words}»`,
        value: 0,
        need: 0,
        detail: `«${words}» (${Math.round(width)} px) is split over ${lineCount(rects)} lines; it fits on one`
      })
    }
  }
  return { findings, extremes, counts, root: true }
}

export async function measure(page: Page, mode: Mode): Promise<Collected> {
  const r = RULES[mode]
  return page.evaluate(collectMeasurements, {
    text: r.text,
    target: r.target,
    primary: r.primary,
    lineHeight: MIN_LINE_HEIGHT,
    bodyContrast: BODY_CONTRAST,
    otherContrast: OTHER_CONTRAST,
    keepNumbers: KEEP_NUMBERS.source,
    keepName: KEEP_NAME.source
  })
}

/**
 * axe findings we do not count, each on Taro's own markup only (never on ours): the node must match `node`.
 * Every entry says why. Anything else axe finds is a failure.
 */
export const TARO_OWNED: { rule: string; node: RegExp; why: string }[] = [
  {
    rule: 'scrollable-region-focusable',
    node: /^<div[^>]*class="[^"]*\btaro_page\b/,
    why: 'Taro h5 router: the .taro_page container is the page scroller Taro draws around every page; its content (our controls) is focusable, the container itself is not ours to change.'
  }
]

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** How many axe findings TARO_OWNED left out, by rule, since the process started (the walker prints it). */
export const axeExcluded: Record<string, number> = {}

export async function axe(page: Page): Promise<Omit<Finding, 'where'>[]> {
  const result = await new AxeBuilder({ page: page as never })
    .options({ runOnly: { type: 'tag', values: AXE_TAGS }, rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze()
  const out: Omit<Finding, 'where'>[] = []
  for (const v of result.violations) {
    for (const node of v.nodes) {
      if (TARO_OWNED.some((t) => t.rule === v.id && t.node.test(node.html))) {
        axeExcluded[v.id] = (axeExcluded[v.id] ?? 0) + 1
        continue
      }
      out.push({
        kind: 'axe',
        what: `${v.id}: ${node.target.join(' ')}`,
        value: 0,
        need: 0,
        detail: `${v.help} — ${node.html.slice(0, 140)}`
      })
    }
  }
  return out
}

/** Axe's own answer for the rules it ran, for a test that the configuration does what it says. */
export async function axeRulesRun(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never })
    .options({ runOnly: { type: 'tag', values: AXE_TAGS }, rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze()
  return [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id)
}

/** Worst first: by how far below the rule a number is (relative), axe and unannounced controls first of all. */
function worstFirst(a: Finding, b: Finding): number {
  const gap = (f: Finding) => (f.need ? (f.need - f.value) / f.need : 2)
  return gap(b) - gap(a)
}

export function report(findings: Finding[], limit = 25): string {
  const sorted = [...findings].sort(worstFirst)
  const lines = sorted
    .slice(0, limit)
    .map(
      (f) => `  ${f.kind.padEnd(16)} ${f.need ? `${f.value} < ${f.need}  ` : ''}${f.where}  ${f.what}  (${f.detail})`
    )
  const more = sorted.length > limit ? `\n  … and ${sorted.length - limit} more` : ''
  const byKind = Object.entries(
    findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {})
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  return `${findings.length} problems (${byKind}), worst first:\n${lines.join('\n')}${more}`
}
