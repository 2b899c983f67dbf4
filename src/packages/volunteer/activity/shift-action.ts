/** What a volunteer can do with a shift now: one button (or a line of words saying why not). */
import type { ShiftCard } from '@contract/actions'
import { SHIFT_CHECKIN_OPENS_BEFORE_MIN, SHIFT_CHECKOUT_GRACE_MIN } from '@contract/volunteer-rules'
import { formatClock } from '@contract/time'

export type ShiftAction =
  | { kind: 'signup' | 'waitlist' | 'cancel' | 'leave-waitlist' | 'checkin' | 'checkout'; label: string }
  | { kind: 'none'; label: string }

export function shiftAction(
  s: ShiftCard,
  now: number,
  opts: { blocked: string | null; actingFor: string | null }
): ShiftAction {
  const a = s.myAttendance
  if (s.status === 'cancelled') return { kind: 'none', label: '这个班次已取消' }
  if (a && a.checkOutAt !== null) return { kind: 'none', label: '已签退，谢谢您的付出！' }
  const inPerson = (label: string, kind: 'checkin' | 'checkout'): ShiftAction =>
    opts.actingFor
      ? { kind: 'none', label: `请${opts.actingFor}到场后本人扫码${kind === 'checkin' ? '签到' : '签退'}` }
      : { kind, label }
  if (a) {
    if (now >= s.startAt && now <= s.endAt + SHIFT_CHECKOUT_GRACE_MIN * 60_000) return inPerson('扫码签退', 'checkout')
    if (now < s.startAt) return { kind: 'none', label: `已签到。${formatClock(s.startAt)} 班次开始后可以签退` }
    return { kind: 'none', label: '签退时间已过，时长按班次结束时间计' }
  }
  if (now > s.endAt) return { kind: 'none', label: '这个班次已结束' }
  if (s.mySignup === 'signed') {
    if (now >= s.startAt - SHIFT_CHECKIN_OPENS_BEFORE_MIN * 60_000) return inPerson('扫码签到', 'checkin')
    return { kind: 'cancel', label: '取消报名' }
  }
  if (s.mySignup === 'waitlisted')
    return now < s.startAt ? { kind: 'leave-waitlist', label: '取消候补' } : { kind: 'none', label: '您在候补名单上' }
  if (now >= s.startAt) return { kind: 'none', label: '班次已开始，不能再报名' }
  if (opts.blocked) return { kind: 'none', label: opts.blocked }
  if (s.capacity !== null && !s.placesLeft) return { kind: 'waitlist', label: '名额已满，报名候补' }
  return { kind: 'signup', label: '报名这个班次' }
}
