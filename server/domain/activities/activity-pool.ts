/**
 * Activities are the first user of the generic capacity pool (../capacity/capacity-pool.ts): one counter per
 * activity (`activity:<id>`), one sign-up record per person (`<activityId>:<personId>`).
 */
import type { SignupDoc } from '../../storage/schema'
import type { Pool } from '../capacity/capacity-pool'

export const counterId = (activityId: string) => `activity:${activityId}`
export const signupId = (activityId: string, personId: string) => `${activityId}:${personId}`
export const checkinId = (activityId: string, personId: string) => `${activityId}:${personId}`

export function activityPool(activityId: string): Pool<'signups'> {
  return { counterId: counterId(activityId), holders: 'signups' }
}

/** A new sign-up record around the state the pool decided. */
export function newSignup(
  activityId: string,
  personId: string,
  actorAccountId: string,
  now: number
): (state: Pick<SignupDoc, 'status' | 'waitlistSeq' | 'updatedAt'>) => SignupDoc {
  return (state) => ({
    _id: signupId(activityId, personId),
    activityId,
    personId,
    actorAccountId,
    createdAt: now,
    ...state
  })
}
