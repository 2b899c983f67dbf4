/**
 * When a check-in counts. The window runs from `checkinOpensBeforeMin` before the start (default 30 minutes)
 * to the end of the activity. Staff 代签 may also be entered for a few days afterwards (补签 from a paper list).
 */
import type { CheckinMethod } from '../../../types/activity-types'
import { PROXY_LATE_MS } from '../../../types/checkin-rules'
import { formatDateTime } from '../../../types/time'
import { AppError } from '../../core/app-error'
import type { ActivityDoc } from '../../storage/schema'

export { PROXY_LATE_MS } from '../../../types/checkin-rules'

export function checkinWindow(activity: Pick<ActivityDoc, 'startAt' | 'endAt' | 'checkinOpensBeforeMin'>): { opensAt: number; closesAt: number } {
  return { opensAt: activity.startAt - activity.checkinOpensBeforeMin * 60_000, closesAt: activity.endAt }
}

export function isCheckinOpen(activity: Pick<ActivityDoc, 'startAt' | 'endAt' | 'checkinOpensBeforeMin'>, at: number): boolean {
  const { opensAt, closesAt } = checkinWindow(activity)
  return at >= opensAt && at <= closesAt
}

/** Throws CHECKIN_NOT_OPEN (saying when it opens) or CHECKIN_CLOSED unless `at` lies in the window. */
export function assertInWindow(activity: ActivityDoc, at: number, method: CheckinMethod): void {
  const { opensAt, closesAt } = checkinWindow(activity)
  if (at < opensAt) {
    throw new AppError('CHECKIN_NOT_OPEN', `还没到签到时间。${formatDateTime(opensAt)} 开始签到，请到时再签`, { opensAt })
  }
  const last = method === 'proxy' ? closesAt + PROXY_LATE_MS : closesAt
  if (at > last) throw new AppError('CHECKIN_CLOSED', undefined, { closesAt: last })
}
