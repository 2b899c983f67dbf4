import { z } from 'zod'
import { defineAction, zDay, zId } from '../define'

import { ACTIVITY_TYPES, type ActivityType } from '../activity-types'

export { ACTIVITY_TYPES, type ActivityType }

/** Who can see an activity and sign up for it. */
export type Audience =
  | { kind: 'all' }
  | { kind: 'county'; orgUnitId: string }
  | { kind: 'branch'; branchId: string }
  | { kind: 'party' }

export const zAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('county'), orgUnitId: zId }),
  z.object({ kind: z.literal('branch'), branchId: zId }),
  z.object({ kind: z.literal('party') })
])

export type ActivityStatus = 'draft' | 'published' | 'cancelled'
export type MySignupStatus = 'signed' | 'waitlisted' | null

/** What a list shows: enough for a big card (title, time, place, places left). */
export interface ActivityCard {
  id: string
  title: string
  type: ActivityType
  startAt: number
  endAt: number
  place: string
  orgUnitName: string
  /** null: no limit */
  capacity: number | null
  placesLeft: number | null
  status: ActivityStatus
  points: number
  mySignup: MySignupStatus
}

export interface ActivityDetail extends ActivityCard {
  description: string
  signupDeadline: number
  contactPhone: string | null
  audience: Audience
  /** Plain words: 所有老干部 / 肃州区的老干部 / 第一党支部 / 党员 */
  audienceLabel: string
  /** When check-in opens (default 30 minutes before the start). */
  checkinOpensAt: number
  allowWalkIn: boolean
  waitlistCount: number
  myCheckin: { at: number; method: CheckinMethod } | null
}

export type CheckinMethod = 'scan' | 'staff-scan' | 'proxy'

export const activityActions = {
  /** Published activities the caller may see, soonest first, from `from` (default today, Beijing time). */
  'activity.list': defineAction<{ items: ActivityCard[]; nextCursor: string | null }>()({
    kind: 'query',
    proxy: true,
    input: z.object({
      from: zDay.optional(),
      to: zDay.optional(),
      type: z.enum(ACTIVITY_TYPES).optional(),
      limit: z.number().int().min(1).max(50).default(20),
      cursor: z.string().max(200).optional()
    })
  }),
  'activity.get': defineAction<ActivityDetail>()({
    kind: 'query',
    proxy: true,
    input: z.object({ id: zId })
  })
}
