/**
 * Splits text for a speech engine that takes a limited length at a time (WechatSI: 1000 bytes, about 300
 * Chinese characters), at sentence ends where it can, so each piece sounds whole. Blank text gives no pieces.
 */
export function speechChunks(text: string, max = 280): string[] {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return []
  const sentences = clean.match(/[^。！？!?；;\n]+[。！？!?；;]*/g) ?? [clean]
  const out: string[] = []
  let cur = ''
  for (const s of sentences) {
    for (let i = 0; i < s.length; i += max) {
      const part = s.slice(i, i + max)
      if ((cur + part).length > max) {
        if (cur.trim()) out.push(cur.trim())
        cur = part
      } else cur += part
    }
  }
  if (cur.trim()) out.push(cur.trim())
  return out
}
