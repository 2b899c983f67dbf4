/**
 * Scans and the time they claim. A scan made online is judged at the server's clock. A scan made without
 * network is queued on the phone (待同步) with the time it was made, `scannedAt`, and may arrive hours later:
 * the server then trusts that time only as a claim —
 *
 * - the code must be valid at the claimed time (its 30-second step within one step of it);
 * - the claimed time must not be in the future (a phone running up to MAX_AHEAD_MS fast is tolerated);
 * - the request must arrive within OFFLINE_GRACE_MS (24 h) of it;
 * - and (checked by the caller) it must lie in the activity's check-in window.
 *
 * A forged code never passes: only the server can make a valid MAC. What an offline claim cannot rule out is a
 * modified client that back-dates a photo of a code; such check-ins arrive late and are marked 离线补传 on the
 * staff list (CheckinDoc.at − scannedAt).
 */
import { AppError } from '../../core/app-error'
import { CODE_STEP_MS, verifyCode, type CodeTarget } from '../tokens/rotating-code'

export const MAX_AHEAD_MS = 2 * 60_000
export const OFFLINE_GRACE_MS = 24 * 3600_000
/** A check-in recorded this much later than its scan counts as sent offline. */
export const OFFLINE_AFTER_MS = 2 * 60_000

/** What a code of the wrong kind is told: what it is, and what to scan instead (by the kind expected). */
const WHAT_IT_IS: Record<string, string> = {
  activity: '这是活动签到码',
  person: '这是个人签到码',
  'shift-in': '这是志愿服务的签到码',
  'shift-out': '这是志愿服务的签退码'
}
const SCAN_INSTEAD: Record<string, string> = {
  activity: '请扫工作人员屏幕上的活动签到码',
  person: '请扫老同志手机上「我的签到码」',
  'shift-in': '请扫工作人员屏幕上的志愿服务签到码或签退码',
  'shift-out': '请扫工作人员屏幕上的志愿服务签到码或签退码'
}

function wrongKind(expected: string, found: string | undefined): string | undefined {
  const instead = SCAN_INSTEAD[expected]
  if (!instead) return undefined
  const what = found ? WHAT_IT_IS[found] : undefined
  return what ? `${what}，${instead}` : `这个码用错了地方，${instead}`
}

export interface ResolvedScan {
  target: CodeTarget
  /** When the scan happened, as far as the server accepts it. */
  at: number
  /** Judged against the claimed time (it arrived after its code had expired). */
  offline: boolean
}

/** `kind`: the code kind expected, or several (a shift's check-in or check-out code); the target says which. */
export function resolveScan(
  key: string,
  token: string,
  kind: string | readonly string[],
  now: number,
  scannedAt: number
): ResolvedScan {
  if (scannedAt > now + MAX_AHEAD_MS) throw new AppError('SCAN_TIME_INVALID')
  const live = verifyCode(key, token, kind, now)
  if (live.ok) {
    // The code is current: the scan happened now, or a moment ago while the code was on screen (never before
    // its step began, whatever the phone's clock says).
    const shownFrom = live.step * CODE_STEP_MS
    return { target: live.target, at: Math.max(Math.min(scannedAt, now), shownFrom), offline: false }
  }
  // A code from the server's future cannot come from the server: treat it as forged.
  if (live.reason === 'malformed' || live.reason === 'forged' || live.reason === 'not-yet-valid')
    throw new AppError('TOKEN_INVALID')
  if (live.reason === 'wrong-kind')
    throw new AppError('TOKEN_INVALID', wrongKind(typeof kind === 'string' ? kind : kind[0], live.target?.kind))
  const claimed = Math.min(scannedAt, now)
  const then = verifyCode(key, token, kind, claimed)
  if (!then.ok) {
    // A code from after the claimed scan: the phone's clock is behind.
    if (then.reason === 'not-yet-valid') throw new AppError('SCAN_TIME_INVALID')
    throw new AppError('TOKEN_EXPIRED')
  }
  if (now - claimed > OFFLINE_GRACE_MS) throw new AppError('SYNC_TOO_LATE')
  return { target: then.target, at: claimed, offline: true }
}
