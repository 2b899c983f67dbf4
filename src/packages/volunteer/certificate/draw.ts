/**
 * Draws the 志愿服务证明 on a 2D canvas context (the same drawing in weapp's canvas 2d and h5's <canvas>), so it
 * can be saved as an image. `paint` with `draw: false` only measures and answers the height the drawing needs;
 * call it again with `draw: true` on a canvas of that height.
 */
import type { CertificateView } from '@contract/actions'
import { CERT_REGULATION, certWhoText, formatCertCode, hoursDecimal, hoursText } from '@contract/volunteer-rules'
import { formatDay, startOfBusinessDay } from '@contract/time'

/** The part of CanvasRenderingContext2D used here (weapp's canvas 2d context has the same members). */
export interface Ctx2D {
  font: string
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  textAlign: string
  textBaseline: string
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
}

export interface QrMatrix {
  count: number
  isDark(row: number, col: number): boolean
}

export const CERT_WIDTH = 750
const PAD = 64
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'
const RED = '#a8071a'
const INK = '#1a1a1a'
const GREY = '#404040'

export const dayText = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** '2026年10月20日' or '2026年10月20日至11月10日' (the year once when both days share it). */
export function daySpanText(first: string, last: string): string {
  if (first === last) return dayText(first)
  const [y1] = first.split('-')
  const [y2, m2, d2] = last.split('-').map(Number)
  return `${dayText(first)}至${String(y2) === y1 ? '' : `${y2}年`}${m2}月${d2}日`
}

/**
 * Breaks text into lines that fit `width`: Chinese may break between any two characters, but a run of digits,
 * Latin letters and their punctuation (8.8, 2026, K7QX-3MDP) stays whole.
 */
function wrap(ctx: Ctx2D, text: string, width: number): string[] {
  const tokens = text.match(/[0-9A-Za-z.:\-–]+|[\s\S]/g) ?? []
  const lines: string[] = []
  let line = ''
  for (const t of tokens) {
    if (ctx.measureText(line + t).width > width && line) {
      lines.push(line)
      line = t.trimStart()
    } else line += t
  }
  if (line) lines.push(line)
  return lines
}

export function paint(ctx: Ctx2D, cert: CertificateView, opts: { draw: boolean; qr: QrMatrix | null }): number {
  const { draw } = opts
  const inner = CERT_WIDTH - PAD * 2
  let y = PAD + 40
  const text = (
    s: string,
    x: number,
    size: number,
    o: { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right' } = {}
  ) => {
    ctx.font = `${o.bold ? 'bold ' : ''}${size}px ${FONT}`
    ctx.textAlign = o.align ?? 'left'
    ctx.fillStyle = o.color ?? INK
    if (draw) ctx.fillText(s, x, y)
  }
  const para = (s: string, size: number, lineHeight: number, color = INK) => {
    ctx.font = `${size}px ${FONT}`
    for (const l of wrap(ctx, s, inner)) {
      y += lineHeight
      text(l, PAD, size, { color })
    }
  }
  ctx.textBaseline = 'alphabetic'

  if (draw) {
    ctx.fillStyle = '#fffdf6'
    ctx.fillRect(0, 0, CERT_WIDTH, 100000)
  }
  y += 40
  text('志愿服务证明', CERT_WIDTH / 2, 52, { bold: true, color: RED, align: 'center' })
  y += 28
  const who = `兹证明 ${certWhoText(cert)}参加志愿服务，截至${dayText(cert.throughDay)}累计服务 ${hoursDecimal(cert.totalMinutes)} 小时。服务项目如下：`
  para(who, 30, 50)
  y += 24

  // The items: title, then days and hours under it.
  for (const item of cert.items) {
    const hours = `${hoursDecimal(item.minutes)} 小时`
    ctx.font = `bold 30px ${FONT}`
    const titleLines = wrap(ctx, item.title, inner - ctx.measureText(hours).width - 24)
    titleLines.forEach((l, i) => {
      y += i === 0 ? 44 : 42
      text(l, PAD, 30, { bold: true })
      if (i === 0) text(hours, CERT_WIDTH - PAD, 30, { bold: true, align: 'right' })
    })
    y += 2
    para(`${item.serviceItem} · ${daySpanText(item.firstDay, item.lastDay)} · ${item.shifts} 次`, 26, 40, GREY)
    y += 18
    if (draw) {
      ctx.fillStyle = '#e8e0c8'
      ctx.fillRect(PAD, y, inner, 2)
    }
  }
  y += 60
  text(`合计：${hoursDecimal(cert.totalMinutes)} 小时（${hoursText(cert.totalMinutes)}）`, PAD, 34, { bold: true })
  y += 16
  para(`本证明依据${CERT_REGULATION}出具，所记时长来自志愿服务时长记录。`, 24, 38, GREY)

  y += 64
  text(`出具单位：${cert.issuerName}${cert.issuerUnit ? `（${cert.issuerUnit}）` : ''}`, CERT_WIDTH - PAD, 30, {
    align: 'right'
  })
  y += 48
  text(`出具日期：${dayText(cert.issuedDay)}`, CERT_WIDTH - PAD, 30, { align: 'right' })

  // Verification: the code in words and as a QR code.
  y += 56
  if (draw) {
    ctx.fillStyle = '#e8e0c8'
    ctx.fillRect(PAD, y - 36, inner, 2)
  }
  const qrSize = 180
  const top = y
  y += 20
  text('证明编号', PAD, 26, { color: GREY })
  y += 48
  text(formatCertCode(cert.code), PAD, 34, { bold: true })
  y += 44
  text('核验：扫右边的二维码，或在「银龄之家」', PAD, 24, { color: GREY })
  y += 36
  text('志愿服务 → 证明核验 输入编号', PAD, 24, { color: GREY })
  if (opts.qr && draw) {
    const { count } = opts.qr
    const cell = Math.floor(qrSize / count)
    const size = cell * count
    const x0 = CERT_WIDTH - PAD - size
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(x0 - 8, top - 8, size + 16, size + 16)
    ctx.fillStyle = INK
    for (let r = 0; r < count; r++)
      for (let c = 0; c < count; c++) if (opts.qr.isDark(r, c)) ctx.fillRect(x0 + c * cell, top + r * cell, cell, cell)
  }
  y = Math.max(y, top + qrSize) + PAD
  if (draw) {
    ctx.strokeStyle = RED
    ctx.lineWidth = 6
    ctx.strokeRect(16, 16, CERT_WIDTH - 32, y - 32)
    ctx.lineWidth = 2
    ctx.strokeRect(30, 30, CERT_WIDTH - 60, y - 60)
  }
  return y
}

export const certFileName = (cert: Pick<CertificateView, 'name' | 'issuedDay'>) =>
  `志愿服务证明-${cert.name}-${cert.issuedDay}.png`

/** For screen readers and the page: the day a certificate was issued, in words. */
export const issuedText = (cert: Pick<CertificateView, 'issuedDay'>) => formatDay(startOfBusinessDay(cert.issuedDay))
