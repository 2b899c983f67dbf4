/**
 * Rotating signed codes: what a QR code on a screen carries so that a photo of it is useless a minute later.
 *
 * CONTRACT
 *
 * - A code names a target (`kind` + `id`: `activity` + activity id for the staff's check-in screen, `person` +
 *   person id for a retiree's own 签到码, `shift-in` / `shift-out` + shift id for a volunteer shift's check-in
 *   and check-out screens) and a 30-second time step,
 *   and carries an HMAC-SHA256 over both, keyed with the server secret (`ctx.secrets.tokenKey`). The kind is
 *   inside the MAC, so a code for one kind never passes as another.
 * - A code is accepted at instant `at` when its MAC is right and its step is within one step of `at`'s step:
 *   a code shown at the start of its step stays good for at most 60 s after it appeared.
 * - Text form: `YL1.<kind>.<id>.<step in base 36>.<mac>`; `<id>` may itself contain dots (it is everything
 *   between the kind and the last two parts). The mac is the first 16 bytes of the HMAC in base64url.
 * - Verification compares MACs in constant time and tells apart: malformed text, a forged (or tampered) code,
 *   a code of another kind, an expired one, and one not valid yet. An empty key refuses everything. A caller
 *   that accepts several kinds (a shift's check-in or check-out code, in one scan) passes them all; the
 *   verified target says which it was.
 * - Pure functions of (key, target, instant): no storage, no clock of their own.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { CODE_STEP_MS } from '../../../types/activity-types'

export { CODE_STEP_MS }
/** Steps accepted either side of the current one. */
export const CODE_SKEW_STEPS = 1
const PREFIX = 'YL1'
const MAC_BYTES = 16
const KIND = /^[a-z][a-z-]{0,15}$/
const ID = /^[A-Za-z0-9:_.-]{1,64}$/

export interface CodeTarget {
  kind: string
  id: string
}

export interface IssuedCode {
  token: string
  step: number
  /** When the next step starts: the screen should show a fresh code by then. */
  refreshAt: number
}

export type VerifyResult =
  | { ok: true; target: CodeTarget; step: number }
  | { ok: false; reason: 'malformed' | 'forged' | 'wrong-kind' | 'expired' | 'not-yet-valid'; target?: CodeTarget }

export const stepOf = (at: number) => Math.floor(at / CODE_STEP_MS)

function mac(key: string, kind: string, id: string, step: number): Buffer {
  return createHmac('sha256', key).update(`${PREFIX}|${kind}|${id}|${step}`).digest().subarray(0, MAC_BYTES)
}

export function issueCode(key: string, target: CodeTarget, at: number): IssuedCode {
  if (!key) throw new Error('no token key configured (YINLING_TOKEN_KEY / TOKEN_KEY)')
  if (!KIND.test(target.kind) || !ID.test(target.id)) throw new Error(`bad code target ${target.kind}/${target.id}`)
  const step = stepOf(at)
  const token = `${PREFIX}.${target.kind}.${target.id}.${step.toString(36)}.${mac(key, target.kind, target.id, step).toString('base64url')}`
  return { token, step, refreshAt: (step + 1) * CODE_STEP_MS }
}

function parse(token: string): { kind: string; id: string; step: number; mac: Buffer } | null {
  const parts = token.trim().split('.')
  if (parts.length < 5 || parts[0] !== PREFIX) return null
  const kind = parts[1]
  const id = parts.slice(2, -2).join('.')
  const stepText = parts[parts.length - 2]
  const macText = parts[parts.length - 1]
  if (!KIND.test(kind) || !ID.test(id) || !/^[0-9a-z]{1,12}$/.test(stepText) || !/^[A-Za-z0-9_-]{22}$/.test(macText))
    return null
  const step = Number.parseInt(stepText, 36)
  if (!Number.isSafeInteger(step)) return null
  return { kind, id, step, mac: Buffer.from(macText, 'base64url') }
}

/**
 * Checks a code for a target of `kind` (or of any of several kinds) at instant `at` (the server's time, or an
 * offline scan's claimed time).
 */
export function verifyCode(key: string, token: string, kind: string | readonly string[], at: number): VerifyResult {
  const p = parse(token)
  if (!p) return { ok: false, reason: 'malformed' }
  if (!key) return { ok: false, reason: 'forged' }
  const expected = mac(key, p.kind, p.id, p.step)
  if (p.mac.length !== expected.length || !timingSafeEqual(p.mac, expected)) return { ok: false, reason: 'forged' }
  const target = { kind: p.kind, id: p.id }
  if (typeof kind === 'string' ? p.kind !== kind : !kind.includes(p.kind))
    return { ok: false, reason: 'wrong-kind', target }
  const now = stepOf(at)
  if (p.step < now - CODE_SKEW_STEPS) return { ok: false, reason: 'expired', target }
  if (p.step > now + CODE_SKEW_STEPS) return { ok: false, reason: 'not-yet-valid', target }
  return { ok: true, target, step: p.step }
}
