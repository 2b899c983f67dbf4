/**
 * The crediting rules of volunteer hours, as pure functions of a shift's scheduled times and what happened:
 *
 * - arriving late counts from the arrival; arriving early counts from the scheduled start;
 * - leaving early counts to the departure; leaving late counts to the scheduled end;
 * - a forgotten check-out counts to the scheduled end and is flagged for staff to check;
 * - whole minutes, rounded down; never negative.
 *
 * Staff corrections are not computed here: they set the minutes of a shift outright, with a reason
 * (hours-ledger.ts), and the difference is a new ledger entry.
 */
import { formatClock } from '../../../types/time'
import {
  SHIFT_CHECKIN_OPENS_BEFORE_MIN,
  SHIFT_CHECKOUT_GRACE_MIN,
  SHIFT_STAFF_LATE_DAYS
} from '../../../types/volunteer-rules'
import type { VolunteerShiftDoc } from '../../storage/schema'

type Times = Pick<VolunteerShiftDoc, 'startAt' | 'endAt'>

export interface Credit {
  /** The span that counts. */
  from: number
  to: number
  minutes: number
  /** How the rules applied, in plain words (empty when the volunteer was on time both ways). */
  notes: string[]
  forgotten: boolean
}

/** `checkOutAt` null: the check-out was forgotten. */
export function creditFor(shift: Times, checkInAt: number, checkOutAt: number | null): Credit {
  const notes: string[] = []
  const from = Math.max(checkInAt, shift.startAt)
  if (checkInAt > shift.startAt + 59_999) notes.push(`${formatClock(checkInAt)} 到达，从到达时起计`)
  else if (checkInAt < shift.startAt) notes.push(`提前到达，从 ${formatClock(shift.startAt)} 开始计`)
  const forgotten = checkOutAt === null
  let to: number
  if (checkOutAt === null) {
    to = shift.endAt
    notes.push(`没有签退，按班次结束 ${formatClock(shift.endAt)} 计`)
  } else if (checkOutAt < shift.endAt) {
    to = checkOutAt
    notes.push(`${formatClock(checkOutAt)} 签退，计到签退时`)
  } else {
    to = shift.endAt
    if (checkOutAt > shift.endAt + 59_999) notes.push(`计到班次结束 ${formatClock(shift.endAt)}`)
  }
  const minutes = Math.max(0, Math.floor((to - from) / 60_000))
  return { from, to: Math.max(from, to), minutes, notes, forgotten }
}

export const checkinOpensAt = (shift: Times) => shift.startAt - SHIFT_CHECKIN_OPENS_BEFORE_MIN * 60_000
/** After this a missing check-out is settled as forgotten. */
export const checkoutClosesAt = (shift: Times) => shift.endAt + SHIFT_CHECKOUT_GRACE_MIN * 60_000
/** Staff may still record a check-in or check-out (补录, with a reason) until this. */
export const staffMarkClosesAt = (shift: Times) => shift.endAt + SHIFT_STAFF_LATE_DAYS * 24 * 3600_000

export const isSettleDue = (shift: Times, now: number) => now > checkoutClosesAt(shift)
