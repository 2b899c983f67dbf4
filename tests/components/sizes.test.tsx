/**
 * @jest-environment node
 */
/**
 * Sizes of src/components, from their compiled styles, in normal mode and in 长辈版: every font size and tap
 * height comes from a token, and the tokens of each mode meet the rules (docs/design-system.md). The design
 * walker measures the same rules as drawn on every page in Chromium; this catches a component that hard-codes
 * a size before any page shows it.
 */
import { readdirSync, existsSync } from 'node:fs'
import path from 'node:path'
import * as sass from 'sass'

const ROOT = path.join(__dirname, '../..')
const STYLES = path.join(ROOT, 'src/styles')
/** Design px at 750 width are half as many CSS px on a 375-wide phone (Taro's pxtransform). */
const css = (designPx: string) => parseFloat(designPx) / 2

function rules(file: string): { selector: string; body: Record<string, string> }[] {
  const out = sass.compile(file, { loadPaths: [STYLES, path.dirname(file)] }).css
  return Array.from(out.matchAll(/([^{}]+)\{([^{}]*)\}/g)).map((m) => ({
    selector: m[1].trim(),
    body: Object.fromEntries(
      m[2]
        .split(';')
        .map((d) => d.split(/:(.*)/s).map((x) => x.trim()))
        .filter((d) => d[0] && d[1])
    )
  }))
}

const tokens = rules(path.join(STYLES, 'tokens.scss'))
const modeTokens = {
  normal: tokens.find((r) => r.selector === '.yl-page')!.body,
  elder: {
    ...tokens.find((r) => r.selector === '.yl-page')!.body,
    ...tokens.find((r) => r.selector === '.yl-page--elder')!.body
  }
}

describe.each([
  ['normal', { text: 18, target: 44, primary: 44 }],
  ['elder', { text: 24, target: 44, primary: 60 }]
] as const)('tokens in %s mode', (mode, need) => {
  const t = modeTokens[mode]
  it(`text ≥ ${need.text} px, larger sizes in order, line height ≥ 1.5`, () => {
    const sizes = ['--yl-fs-body', '--yl-fs-lead', '--yl-fs-title', '--yl-fs-h1', '--yl-fs-hero'].map((k) => css(t[k]))
    expect(sizes[0]).toBeGreaterThanOrEqual(need.text)
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes)
    expect(parseFloat(t['--yl-lh'])).toBeGreaterThanOrEqual(1.5)
  })
  it(`tap targets ≥ ${need.target} px, the primary action ≥ ${need.primary} px`, () => {
    expect(css(t['--yl-tap'])).toBeGreaterThanOrEqual(need.target)
    expect(css(t['--yl-tap-primary'])).toBeGreaterThanOrEqual(need.primary)
  })
})

const components = readdirSync(path.join(ROOT, 'src/components'))
  .map((name) => path.join(ROOT, 'src/components', name, 'index.scss'))
  .filter((f) => existsSync(f))

describe.each(components.map((f) => [path.basename(path.dirname(f)), f]))('%s styles', (_name, file) => {
  const all = rules(file)
  it('sizes its text only with the tokens (so 长辈版 grows it), running text at line height ≥ 1.5', () => {
    for (const r of all) {
      const size = r.body['font-size']
      if (size !== undefined)
        expect(`${r.selector} ${size}`).toMatch(/ (var\(--yl-fs-(body|lead|title|h1|hero)\)|inherit)$/)
      const lh = r.body['line-height']
      const running = !size || /--yl-fs-(body|lead|title)/.test(size)
      if (lh !== undefined && running && lh !== 'var(--yl-lh)' && lh !== 'inherit')
        expect(`${r.selector} ${lh}`).toMatch(/ (1\.[5-9]\d*|[2-9](\.\d+)?)$/)
    }
  })
  it('gives a control at least the tap size of the mode', () => {
    for (const r of all) {
      const h = r.body['min-height']
      if (h === undefined || !/btn|switch|chip|choice|row|read|entry|tab/.test(r.selector)) continue
      expect(`${r.selector} ${h}`).toMatch(/var\(--yl-tap(-primary)?\)/)
    }
  })
})
