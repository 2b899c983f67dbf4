/**
 * Points words and numbers the mini-program shows, as plain constants (no zod here: imported at runtime by
 * src/). The server uses the same helpers so a history line reads the same everywhere.
 */

/** '+5' / '−200' / '0' (a real minus sign, easier to read than a hyphen). */
export function signedPoints(n: number): string {
  if (n > 0) return `+${n}`
  if (n < 0) return `−${Math.abs(n)}`
  return '0'
}

/** '★★★' for 3, '未评星' for 0. */
export function starText(stars: number): string {
  return stars > 0 ? '★'.repeat(stars) : '未评星'
}

/** '2026-12' → '2026年12月' */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** A pick-up code read aloud in two halves: '1234 5678'. */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}

export const ENTRY_KIND_LABELS = {
  award: '获得',
  reversal: '撤销',
  adjustment: '调整',
  redemption: '兑换',
  expiry: '到期'
} as const

export const REDEMPTION_STATUS_LABELS = {
  reserved: '待领取',
  picked: '已领取',
  cancelled: '已取消'
} as const

/** Who staff record points for without an activity check-in. */
export const STAFF_AWARD_KINDS = ['songxue', 'participation'] as const
export type StaffAwardKind = (typeof STAFF_AWARD_KINDS)[number]
export const STAFF_AWARD_LABELS: Record<StaffAwardKind, string> = {
  songxue: '送学上门',
  participation: '其他参与'
}
