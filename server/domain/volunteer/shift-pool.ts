/**
 * Volunteer shifts are the second user of the generic capacity pool (../capacity/capacity-pool.ts): one counter
 * per shift (`shift:<id>`), one sign-up record per person (`<shiftId>:<personId>`) in `shiftSignups`. The
 * attendance record of a person at a shift has the same deterministic id in `shiftAttendance`.
 */
import type { ShiftSignupDoc } from '../../storage/schema'
import type { Pool } from '../capacity/capacity-pool'

export const shiftCounterId = (shiftId: string) => `shift:${shiftId}`
export const shiftSignupId = (shiftId: string, personId: string) => `${shiftId}:${personId}`
export const attendanceId = (shiftId: string, personId: string) => `${shiftId}:${personId}`
export const memberId = (teamId: string, personId: string) => `${teamId}:${personId}`

export function shiftPool(shiftId: string): Pool<'shiftSignups'> {
  return { counterId: shiftCounterId(shiftId), holders: 'shiftSignups' }
}

/** A new sign-up record around the state the pool decided. */
export function newShiftSignup(
  shiftId: string,
  activityId: string,
  personId: string,
  actorAccountId: string,
  now: number
): (state: Pick<ShiftSignupDoc, 'status' | 'waitlistSeq' | 'updatedAt'>) => ShiftSignupDoc {
  return (state) => ({
    _id: shiftSignupId(shiftId, personId),
    shiftId,
    activityId,
    personId,
    actorAccountId,
    createdAt: now,
    ...state
  })
}
