/**
 * When a check-in counts. The window runs from `checkinOpensBeforeMin` before the start (default 30 minutes)
 * to the end of the activity. Staff 代签 may also be entered for a few days afterwards (补签 from a paper list).
 */
import type { CheckinMethod } from '../../../types/activity-types'
import { PROXY_LATE_MS } from '../../../types/checkin-rules'
import { formatClock, formatDateTime } from '../../../types/time'
import { AppError } from '../../core/app-error'
import type { ActivityDoc } from '../../storage/schema'

export { PROXY_LATE_MS } from '../../../types/checkin-rules'

export function checkinWindow(activity: Pick<ActivityDoc, 'startAt' | 'endAt' | 'checkinOpensBeforeMin'>): {
  opensAt: number
  closesAt: number
} {
  return { opensAt: activity.startAt - activity.checkinOpensBeforeMin * 60_000, closesAt: activity.endAt }
}

export function isCheckinOpen(
  activity: Pick<ActivityDoc, 'startAt' | 'endAt' | 'checkinOpensBeforeMin'>,
  at: number
): boolean {
  const { opensAt, closesAt } = checkinWindow(activity)
  return at >= opensAt && at <= closesAt
}

/**
 * What a scan made before the window opened is told. Online (the scan is now) it says when to come back; a scan
 * made offline and synced later says what happened — it was too early then — and what to do now, since "come
 * back at 17:13" is nonsense once 17:13 has passed.
 */
export function tooEarlyMessage(opensAt: number, closesAt: number, at: number, now: number): string {
  if (now < opensAt) return `还没到签到时间。${formatDateTime(opensAt)} 开始签到，请到时再签`
  const then = `您是 ${formatDateTime(at)} 扫的码，那时还没到签到时间（${formatClock(opensAt)} 开始），这次扫码不算数`
  return now <= closesAt
    ? `${then}。现在可以签到了，请再扫一次码`
    : `${then}。现在签到已经结束，如确实到场，请找工作人员补签`
}

/**
 * Throws CHECKIN_NOT_OPEN (saying when it opens, or for a late-synced offline scan what happened) or
 * CHECKIN_CLOSED unless `at` lies in the window. `now`: when the server judges it (default: `at`).
 */
export function assertInWindow(activity: ActivityDoc, at: number, method: CheckinMethod, now = at): void {
  const { opensAt, closesAt } = checkinWindow(activity)
  if (at < opensAt) {
    throw new AppError('CHECKIN_NOT_OPEN', tooEarlyMessage(opensAt, closesAt, at, now), { opensAt })
  }
  const last = method === 'proxy' ? closesAt + PROXY_LATE_MS : closesAt
  if (at > last) throw new AppError('CHECKIN_CLOSED', undefined, { closesAt: last })
}
