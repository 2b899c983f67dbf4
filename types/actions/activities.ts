import { z } from 'zod'
import { ANY_ROLE, STAFF_OR_ADMIN } from '../roles'
import { defineAction, zDay, zId, zInstant, zLongText, zPhone, zShortText, zText } from '../define'

import { ACTIVITY_TYPES, CHECKIN_METHOD_LABELS, type ActivityType, type CheckinMethod } from '../activity-types'

export { ACTIVITY_TYPES, CHECKIN_METHOD_LABELS, type ActivityType, type CheckinMethod }

/** Who can see an activity and sign up for it. */
export type Audience =
  { kind: 'all' } | { kind: 'county'; orgUnitId: string } | { kind: 'branch'; branchId: string } | { kind: 'party' }

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
  /** When check-in opens (default 30 minutes before the start); it closes at `endAt`. */
  checkinOpensAt: number
  allowWalkIn: boolean
  waitlistCount: number
  /** 1 for the first in line; null unless the reader is on the waitlist. */
  myWaitlistPosition: number | null
  myCheckin: { at: number; method: CheckinMethod } | null
  /** Why staff cancelled it, when they did. */
  cancelReason: string | null
  /** The caller is staff whose scope covers this activity (shows the 管理 entry). */
  canManage: boolean
  /** The organising unit (for the staff form). */
  orgUnitId: string
  /** Points set on the activity itself; null: the type's rule gives `points`. */
  customPoints: number | null
  checkinOpensBeforeMin: number
}

/** Staff list: a card plus the numbers staff watch. */
export interface ManagedActivity extends ActivityCard {
  signedCount: number
  waitlistCount: number
  checkedInCount: number
}

/** One line of an activity's sign-up and attendance list (staff). */
export interface RosterEntry {
  personId: string
  name: string
  orgUnitName: string
  branchName: string | null
  /** A walk-in who checked in without signing up first has a 'signed' record made at check-in. */
  signup: 'signed' | 'waitlisted' | 'cancelled'
  waitlistPosition: number | null
  signedUpAt: number
  /** Who pressed the button, when it was not the person themselves (代办 by family, 代签 by staff). */
  signedUpBy: string | null
  checkin: {
    at: number
    method: CheckinMethod
    walkIn: boolean
    /** Scanned without network and sent later (待同步 on the phone). */
    offline: boolean
    reason: string | null
    by: string | null
  } | null
}

export interface ActivityRoster {
  activity: ActivityDetail
  signedCount: number
  waitlistCount: number
  checkedInCount: number
  entries: RosterEntry[]
}

/** A rotating code to show (staff's activity code, or a person's own 签到码). */
export interface RotatingCode {
  token: string
  /** When the code on screen should be replaced (the next 30-second step starts). */
  refreshAt: number
  /** The server's clock when it answered: the screen schedules refreshes on it, not on the phone's clock. */
  serverNow: number
}

export interface AttendanceExport {
  filename: string
  mimeType: string
  /** The .xlsx file, base64-encoded. */
  base64: string
  rows: number
}

const zPlace = zText().min(1, '请填写地点').max(100)

/** The fields staff fill in on the activity form (create, or replace on edit). */
export const zActivityFields = z
  .object({
    title: zShortText,
    type: z.enum(ACTIVITY_TYPES),
    description: zLongText.default(''),
    place: zPlace,
    startAt: zInstant,
    endAt: zInstant,
    signupDeadline: zInstant,
    /** null: no limit */
    capacity: z.number().int().min(1).max(5000).nullable(),
    /** null: the rule for the type applies */
    points: z.number().int().min(0).max(100).nullable().default(null),
    audience: zAudience,
    orgUnitId: zId,
    checkinOpensBeforeMin: z.number().int().min(0).max(240).default(30),
    allowWalkIn: z.boolean().default(true),
    contactPhone: zPhone.nullable().default(null)
  })
  .refine((a) => a.endAt > a.startAt, { message: '结束时间要晚于开始时间', path: ['endAt'] })
  .refine((a) => a.signupDeadline <= a.endAt, { message: '报名截止时间不能晚于活动结束', path: ['signupDeadline'] })

export type ActivityFields = z.input<typeof zActivityFields>

export const activityActions = {
  /** Published activities the caller may see, soonest first, from `from` (default today, Beijing time). */
  'activity.list': defineAction<{ items: ActivityCard[]; nextCursor: string | null }>()({
    kind: 'query',
    access: ANY_ROLE,
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
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ id: zId })
  }),

  // ---- staff (scoped to their org unit) ----
  /**
   * Staff: activities their scope covers (drafts and cancelled ones too), a page at a time: `upcoming` from
   * today on, soonest first; `past` before today, latest first. `nextCursor` for the next page (null: no more).
   */
  'activity.staff.list': defineAction<{ items: ManagedActivity[]; nextCursor: string | null }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({
      when: z.enum(['upcoming', 'past']).default('upcoming'),
      cursor: z
        .string()
        .regex(/^[0-9a-z]{1,8}$/, '翻页信息不对，请重新打开')
        .optional(),
      limit: z.number().int().min(1).max(50).default(20)
    })
  }),
  /** Staff: a new activity, saved as a draft. */
  'activity.staff.create': defineAction<{ id: string }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: zActivityFields
  }),
  /** Staff: replace an activity's fields. Places may not drop below those taken; more places promote the waitlist. */
  'activity.staff.update': defineAction<{ id: string; promoted: number; notified: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId, fields: zActivityFields })
  }),
  'activity.staff.publish': defineAction<{ id: string; status: ActivityStatus }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId })
  }),
  /** Staff: cancel, telling everyone signed up or waiting. Nothing is deleted. */
  'activity.staff.cancel': defineAction<{ id: string; status: ActivityStatus; notified: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId, reason: zText().max(200).default('') })
  }),
  /** Staff: the sign-up and attendance list. */
  'activity.staff.roster': defineAction<ActivityRoster>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId })
  }),
  /** Staff: the rotating check-in code to show full-screen. */
  'activity.staff.checkinCode': defineAction<RotatingCode>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId })
  }),
  /** Staff: the attendance list as an .xlsx file. */
  'activity.staff.exportAttendance': defineAction<AttendanceExport>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId })
  })
}
