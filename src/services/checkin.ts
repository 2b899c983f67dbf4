/**
 * 签到. Scans carry the moment the phone scanned (`scannedAt`): without network the check-in waits in the
 * outbox (待同步) and the server judges the code against that time when it arrives (within 24 h).
 */
import { mutate, query } from './api'

export const CHECKIN_ACTIONS = ['checkin.scan', 'checkin.staff.scan'] as const

export function scanCheckin(token: string, scannedAt: number) {
  return mutate('checkin.scan', { token, scannedAt }, { label: '扫码签到' })
}

export function staffScanCheckin(activityId: string, title: string, token: string, scannedAt: number) {
  return mutate('checkin.staff.scan', { activityId, token, scannedAt }, { label: `为老同志扫码签到「${title}」` })
}

export function proxyCheckin(activityId: string, personId: string, name: string, reason: string) {
  return mutate('checkin.staff.proxy', { activityId, personId, reason }, { label: `代签：${name}` })
}

export function myCheckinCode() {
  return query('checkin.myCode', {})
}

/** A volunteer shift's check-in or check-out code, scanned on the same page (in person only). */
export function scanShift(token: string, scannedAt: number) {
  return mutate('volunteer.scan', { token, scannedAt }, { label: '志愿服务签到签退' })
}
