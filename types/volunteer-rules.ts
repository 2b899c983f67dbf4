/**
 * Volunteer service (志愿服务): the words and constants the mini-program needs at runtime. Zod-free and
 * dependency-free (tests/unit/client-imports.test.ts); the schemas live in actions/volunteer.ts.
 */

/** The kinds of team the bureau builds (党支部+志愿服务队, 五老宣讲团, 关爱团). */
export const TEAM_KINDS = ['党支部志愿服务队', '五老宣讲团', '关爱团', '其他'] as const
export type TeamKind = (typeof TEAM_KINDS)[number]

/** A person's place in a team. Records are never deleted: leaving or a refusal changes the status. */
export type MembershipStatus = 'pending' | 'member' | 'left' | 'rejected'
export const MEMBERSHIP_LABELS: Record<MembershipStatus, string> = {
  pending: '等待审核',
  member: '已是队员',
  left: '已退出',
  rejected: '未通过'
}

/** 银发人才库 intake: people younger than this (configurable, settings/volunteer) may join the pool. */
export const DEFAULT_INTAKE_MAX_AGE = 75

/** Check-in opens this long before a shift starts (an early arrival is still credited from the start). */
export const SHIFT_CHECKIN_OPENS_BEFORE_MIN = 30
/** Check-out is accepted until this long after the end; later, a missing check-out is settled as forgotten. */
export const SHIFT_CHECKOUT_GRACE_MIN = 30
/** Staff may record a check-in/out (补录, with a reason) until this long after the end. */
export const SHIFT_STAFF_LATE_DAYS = 3
/** A staff correction may credit at most this much for one shift. */
export const MAX_SHIFT_MINUTES = 12 * 60

export type ShiftDirection = 'in' | 'out'
export const DIRECTION_LABELS: Record<ShiftDirection, string> = { in: '签到', out: '签退' }

/** Code kinds of the rotating codes staff show at a shift (the text starts `YL1.<kind>.`). */
export const SHIFT_CODE_KINDS: Record<ShiftDirection, string> = { in: 'shift-in', out: 'shift-out' }

/** Is this scanned text a shift's check-in/out code (rather than an activity's)? The server decides for real. */
export function isShiftCodeText(text: string): boolean {
  return /^\s*YL1\.shift-(in|out)\./.test(text)
}

/** How a check-in or check-out was made. 'auto': a forgotten check-out, settled at the shift's end. */
export type AttendanceMethod = 'scan' | 'staff-scan' | 'proxy' | 'auto'
export const ATTENDANCE_METHOD_LABELS: Record<AttendanceMethod, string> = {
  scan: '扫码',
  'staff-scan': '工作人员扫码',
  proxy: '工作人员代签',
  auto: '未签退，按结束时间计'
}

/** '3 小时 30 分' / '45 分钟' / '0 小时'. Hours are kept in whole minutes; nothing is rounded up. */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '减 ' : ''
  const m = Math.abs(Math.round(minutes))
  const h = Math.floor(m / 60)
  const rest = m % 60
  if (h === 0 && rest === 0) return '0 小时'
  if (h === 0) return `${sign}${rest} 分钟`
  return `${sign}${h} 小时${rest ? ` ${rest} 分` : ''}`
}

/** '3.5' — hours with at most one decimal (for the certificate's total column). */
export function hoursDecimal(minutes: number): string {
  const v = Math.round((minutes / 60) * 10) / 10
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/**
 * Certificate verification codes: 15 random symbols and one check symbol from a 31-symbol alphabet (no 0/O,
 * 1/I/L look-alikes), shown in groups of four: `K7QX-3MDP-W9TB-HR2A`. 31^15 ≈ 2^74 codes, so guessing one is
 * useless; the check symbol (weighted sum mod 31, a prime) catches any single wrong symbol and any swap of
 * two neighbours before the server is asked.
 */
export const CERT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CERT_RANDOM_LENGTH = 15

export function certCheckSymbol(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CERT_ALPHABET.indexOf(body[i])
  return CERT_ALPHABET[sum % CERT_ALPHABET.length]
}

/** Upper case, without spaces and dashes: what the server looks up. */
export function normalizeCertCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}

export type CertCodeCheck = 'ok' | 'malformed' | 'typo'

/** Checks a code's shape and check symbol (not whether it exists). */
export function checkCertCode(text: string): CertCodeCheck {
  const code = normalizeCertCode(text)
  if (code.length !== CERT_RANDOM_LENGTH + 1) return 'malformed'
  for (const ch of code) if (!CERT_ALPHABET.includes(ch)) return 'malformed'
  return certCheckSymbol(code.slice(0, -1)) === code.slice(-1) ? 'ok' : 'typo'
}

/** `K7QX3MDPW9TBHR2A` → `K7QX-3MDP-W9TB-HR2A` */
export function formatCertCode(code: string): string {
  return normalizeCertCode(code).replace(/(.{4})(?=.)/g, '$1-')
}

/** The public verification page (works without logging in). */
export const VERIFY_PAGE = '/packages/volunteer/verify/index'

/** The regulation the certificate follows. */
export const CERT_REGULATION = '民政部令第67号《志愿服务记录与证明出具办法》'

/**
 * Who a 志愿服务证明 is about, in one line: 「张桂兰（女，1948年出生，肃州区，志愿者编号 YL000012，身份证号
 * 62************1234）」. The volunteer number (and the masked ID number where kept) tells namesakes apart.
 */
export function certWhoText(c: {
  name: string
  gender: string
  birthYear: string
  countyName: string
  volunteerNo: string | null
  idMasked: string | null
}): string {
  const parts = [
    c.gender,
    `${c.birthYear}年出生`,
    c.countyName,
    c.volunteerNo ? `志愿者编号 ${c.volunteerNo}` : null,
    c.idMasked ? `身份证号 ${c.idMasked}` : null
  ]
  return `${c.name}（${parts.filter(Boolean).join('，')}）`
}
