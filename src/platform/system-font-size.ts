/**
 * h5: the browser's default text size (the reader's own font setting), on WeChat's scale: WeChat's standard
 * is 17 px where a browser's is 16 px, so 16 → 17 and a "very large" 24 → 25.5. null if it cannot be read.
 * weapp: system-font-size.weapp.ts reads WeChat's setting itself.
 */
export function systemFontSize(): number | null {
  if (typeof document === 'undefined' || !document.body) return null
  const probe = document.createElement('span')
  probe.style.fontSize = 'medium'
  document.body.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return Number.isFinite(px) && px > 0 ? (px * 17) / 16 : null
}
