import { z } from 'zod'
import { ANY_ROLE, NOT_STAFF, STAFF_OR_ADMIN } from '../roles'
import { defineAction, zId, zInstant, zLongText, zPhone, zShortText, zText } from '../define'
import {
  MAX_SHIFT_MINUTES,
  TEAM_KINDS,
  type AttendanceMethod,
  type MembershipStatus,
  type ShiftDirection,
  type TeamKind
} from '../volunteer-rules'

export { TEAM_KINDS, type AttendanceMethod, type MembershipStatus, type ShiftDirection, type TeamKind }

// ---------------------------------------------------------------- teams

export interface TeamCard {
  id: string
  name: string
  kind: TeamKind
  orgUnitName: string
  description: string
  leaderName: string | null
  memberCount: number
  /** The reader's own place in it (null: never asked). */
  myStatus: MembershipStatus | null
  /** Join requests waiting (only for those who may decide them: the leader and staff). */
  pendingCount: number | null
  status: 'active' | 'closed'
}

export interface TeamMemberView {
  personId: string
  name: string
  role: 'leader' | 'member'
  status: MembershipStatus
  orgUnitName: string
  /** Total volunteer hours (minutes), shown to the leader and staff. */
  minutes: number | null
  requestedAt: number
  note: string | null
}

export interface TeamDetail extends TeamCard {
  orgUnitId: string
  branchId: string | null
  leaderPersonId: string | null
  /** Members (names only); join requests too for those who may decide them. */
  members: TeamMemberView[]
  /** Pending requests, for the leader and staff. */
  requests: TeamMemberView[]
  /** Upcoming shifts of the team's activities. */
  upcoming: ShiftCard[]
  canManage: boolean
}

// ---------------------------------------------------------------- activities and shifts

export type VolunteerActivityStatus = 'draft' | 'published' | 'cancelled'
export type ShiftStatus = 'open' | 'cancelled'
export type MyShiftStatus = 'signed' | 'waitlisted' | 'cancelled' | null

export interface MyAttendance {
  checkInAt: number | null
  checkInMethod: AttendanceMethod | null
  checkOutAt: number | null
  checkOutMethod: AttendanceMethod | null
  /** Minutes credited for this shift so far (with corrections); null until checked out or settled. */
  creditedMinutes: number | null
  /** Plain words about how it was credited: 迟到，从 09:12 起计 / 未签退，按班次结束时间计. */
  notes: string[]
  /** Waiting for staff to check (a forgotten check-out). */
  flagged: boolean
}

/** One shift as a list shows it. */
export interface ShiftCard {
  id: string
  activityId: string
  activityTitle: string
  /** 上午班 / 第一班 (may be empty). */
  label: string
  startAt: number
  endAt: number
  place: string
  capacity: number | null
  placesLeft: number | null
  waitlistCount: number
  skills: string[]
  status: ShiftStatus
  orgUnitName: string
  teamName: string | null
  mySignup: MyShiftStatus
  myWaitlistPosition: number | null
  myAttendance: MyAttendance | null
}

export interface VolunteerActivityCard {
  id: string
  title: string
  serviceItem: string
  orgUnitName: string
  teamId: string | null
  teamName: string | null
  teamOnly: boolean
  status: VolunteerActivityStatus
  /** Its shifts still to come (open ones), soonest first. */
  nextShiftAt: number | null
  shiftCount: number
  openPlaces: number | null
  /** The reader holds a place (or waits) in one of its shifts. */
  mine: boolean
}

export interface VolunteerActivityDetail extends VolunteerActivityCard {
  description: string
  orgUnitId: string
  contactPhone: string | null
  points: number
  customPoints: number | null
  cancelReason: string | null
  shifts: ShiftCard[]
  canManage: boolean
  /** Why the reader cannot sign up (team only, not a member), in words; null if they can. */
  signupBlock: string | null
}

export interface ShiftSignupResult {
  shiftId: string
  status: 'signed' | 'waitlisted' | 'cancelled'
  already: boolean
  waitlistPosition: number | null
}

export interface ShiftScanResult {
  direction: ShiftDirection
  /** 'already': done before (the first time is given); nothing was credited this time. */
  result: 'done' | 'already'
  shiftId: string
  title: string
  personId: string
  personName: string
  at: number
  /** On check-out: minutes credited and points awarded by this call. */
  creditedMinutes: number | null
  points: number
  notes: string[]
  walkIn: boolean
}

export interface MyShifts {
  totalMinutes: number
  upcoming: ShiftCard[]
  past: ShiftCard[]
}

// ---------------------------------------------------------------- hours

export interface HoursItem {
  id: string
  kind: 'credit' | 'correction'
  at: number
  day: string
  /** 「关爱空巢老人上门探访」上午班 */
  text: string
  minutes: number
  /** 迟到，从 09:12 起计 / 工作人员更正：实际 11:00 离开 */
  notes: string[]
}

export interface HoursView {
  personId: string
  name: string
  totalMinutes: number
  shifts: number
  items: HoursItem[]
}

// ---------------------------------------------------------------- certificate

export interface CertificateItem {
  /** 服务项目: the activity's title. */
  title: string
  serviceItem: string
  firstDay: string
  lastDay: string
  shifts: number
  minutes: number
}

/** What the certificate says; the public verification answers exactly these facts. */
export interface CertificateFacts {
  code: string
  name: string
  gender: '男' | '女'
  birthYear: string
  countyName: string
  /** 志愿者编号 (YL000123): stable and unique, given when the person joined their first team. */
  volunteerNo: string | null
  /** The ID number masked (62************1234), where the deployment keeps ID numbers; else null. */
  idMasked: string | null
  items: CertificateItem[]
  totalMinutes: number
  /** The issuing organisation: the bureau (and the county office where the volunteer is registered). */
  issuerName: string
  issuerUnit: string | null
  issuedAt: number
  issuedDay: string
  /** The hours counted up to this day. */
  throughDay: string
  regulation: string
}

export interface CertificateView extends CertificateFacts {
  /** The page to open (with the code) to verify it. */
  verifyPath: string
  /** true: the same certificate as before (the hours have not changed since). */
  reused: boolean
}

// ---------------------------------------------------------------- skills pool

export interface VolunteerProfileView {
  personId: string
  name: string
  age: number | null
  orgUnitName: string
  skills: string[]
  availability: string
  available: boolean
  updatedAt: number | null
}

export interface ProfilePage {
  /** null: not in the pool yet. */
  profile: VolunteerProfileView | null
  /** The skills to choose from (configuration). */
  skillOptions: string[]
  intakeMaxAge: number
  age: number | null
  /** May join the pool now (under the age limit); existing members may always edit. */
  eligible: boolean
  /** Why not, in words. */
  refusal: string | null
}

export interface PoolHit extends VolunteerProfileView {
  teams: string[]
  totalMinutes: number
  isVolunteer: boolean
}

export interface VolunteerSettingsView {
  intakeMaxAge: number
  skills: string[]
  shiftPoints: number
}

// ---------------------------------------------------------------- staff

export interface ManagedVolunteerActivity extends VolunteerActivityCard {
  signedCount: number
  waitlistCount: number
}

export interface RosterLine {
  personId: string
  name: string
  orgUnitName: string
  signup: 'signed' | 'waitlisted' | 'cancelled' | null
  waitlistPosition: number | null
  attendance: MyAttendance | null
  /** Who pressed, when it was not the person: 陈静（代签） */
  by: string[]
}

export interface ShiftRoster {
  shift: ShiftCard
  activityId: string
  activityTitle: string
  signedCount: number
  waitlistCount: number
  checkedInCount: number
  checkedOutCount: number
  flaggedCount: number
  /** Checked in and not out after the shift's check-out time: 结算 will credit them to the end. */
  dueCount: number
  lines: RosterLine[]
  /** Whether codes and scanning are still open (until the end + grace), for the screen. */
  checkinOpensAt: number
  checkoutClosesAt: number
}

export interface FlaggedHours {
  shiftId: string
  personId: string
  name: string
  title: string
  day: string
  creditedMinutes: number
  checkInAt: number | null
}

export interface VolunteerDesk {
  activities: ManagedVolunteerActivity[]
  teams: TeamCard[]
  flagged: FlaggedHours[]
}

// ---------------------------------------------------------------- schemas

const zPlace = zText().min(1, '请填写地点').max(100)
const zSkill = zText().min(1).max(12)
const zReason = zText().max(200).default('')
const zCode = zText().min(1, '请输入证明编号').max(40)

export const zVolunteerActivityFields = z.object({
  title: zShortText,
  /** 服务项目 as the certificate names it (e.g. 政策宣讲, 关爱探访). */
  serviceItem: zText().min(1, '请填写服务项目').max(20),
  description: zLongText.default(''),
  orgUnitId: zId,
  teamId: zId.nullable().default(null),
  /** Only the team's members may sign up. */
  teamOnly: z.boolean().default(false),
  /** null: the points rule for a volunteer shift applies. */
  points: z.number().int().min(0).max(100).nullable().default(null),
  contactPhone: zPhone.nullable().default(null)
})
export type VolunteerActivityFields = z.input<typeof zVolunteerActivityFields>

export const zShiftFields = z
  .object({
    label: zText().max(20).default(''),
    startAt: zInstant,
    endAt: zInstant,
    place: zPlace,
    capacity: z.number().int().min(1).max(2000).nullable(),
    skills: z.array(zSkill).max(8).default([])
  })
  .refine((s) => s.endAt > s.startAt, { message: '结束时间要晚于开始时间', path: ['endAt'] })
  .refine((s) => s.endAt - s.startAt <= MAX_SHIFT_MINUTES * 60_000, {
    message: '一个班次最长 12 小时，请分成几个班次',
    path: ['endAt']
  })
export type ShiftFields = z.input<typeof zShiftFields>

export const zTeamFields = z.object({
  name: zText().min(2, '请填写队伍名称').max(30),
  kind: z.enum(TEAM_KINDS),
  orgUnitId: zId,
  branchId: zId.nullable().default(null),
  description: zLongText.default(''),
  leaderPersonId: zId.nullable().default(null)
})
export type TeamFields = z.input<typeof zTeamFields>

const zShift = z.object({ shiftId: zId })
const zDirection = z.enum(['in', 'out'])

export const volunteerActions = {
  // ---- everybody (viewing and sign-ups may be done for an elder: 代办) ----
  'volunteer.teams': defineAction<{ items: TeamCard[] }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  }),
  'volunteer.team': defineAction<TeamDetail>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ id: zId })
  }),
  /** Ask to join a team; the leader or staff decide. Asking again after leaving or a refusal is allowed. */
  'volunteer.joinTeam': defineAction<{ teamId: string; status: MembershipStatus; already: boolean }>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({ teamId: zId, note: zText().max(100).default('') })
  }),
  'volunteer.leaveTeam': defineAction<{ teamId: string; status: MembershipStatus; already: boolean }>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({ teamId: zId })
  }),
  /** Published volunteer activities with shifts still to come, soonest first. */
  'volunteer.activities': defineAction<{ items: VolunteerActivityCard[] }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  }),
  'volunteer.activity': defineAction<VolunteerActivityDetail>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ id: zId })
  }),
  /** 报名 a shift; when it is full, the waitlist (候补). The same capacity pool as activities. */
  'volunteer.signup': defineAction<ShiftSignupResult>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: zShift
  }),
  /** Cancel before the shift starts; a freed place goes to the first on the waitlist, who is told. */
  'volunteer.cancelSignup': defineAction<ShiftSignupResult>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: zShift
  }),
  /** The subject's shifts (upcoming and past, with attendance) and total hours. */
  'volunteer.mine': defineAction<MyShifts>()({ kind: 'query', access: ANY_ROLE, proxy: true, input: z.object({}) }),
  /** The subject's hours ledger, newest first. */
  'volunteer.hours': defineAction<HoursView>()({ kind: 'query', access: ANY_ROLE, proxy: true, input: z.object({}) }),
  /**
   * The volunteer scanned a shift's check-in or check-out code (in person only). `scannedAt` as for
   * activities: an offline scan is judged at its claimed time when it arrives (within 24 h).
   */
  'volunteer.scan': defineAction<ShiftScanResult>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ token: zText().min(1, '请输入签到码').max(200), scannedAt: zInstant })
  }),
  /**
   * 志愿服务证明 from the hours ledger. The same hours give the same certificate (and code); new hours give a
   * new one. Staff may issue one for a person in their scope (`personId`).
   */
  'volunteer.issueCertificate': defineAction<CertificateView>()({
    kind: 'mutation',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ personId: zId.optional() })
  }),
  /** Public (no login): the facts of the certificate with this code, for whoever is shown it. */
  'volunteer.verifyCertificate': defineAction<CertificateFacts>()({
    kind: 'query',
    access: 'public',
    input: z.object({ code: zCode })
  }),
  /** 银发人才库: the caller's own skills profile, the skill choices and the intake age limit. */
  'volunteer.profile': defineAction<ProfilePage>()({ kind: 'query', access: ANY_ROLE, input: z.object({}) }),
  'volunteer.saveProfile': defineAction<ProfilePage>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({
      skills: z.array(zSkill).min(1, '请至少选一项特长').max(8),
      availability: zText().max(60).default(''),
      available: z.boolean().default(true)
    })
  }),
  'volunteer.settings': defineAction<VolunteerSettingsView>()({ kind: 'query', access: ANY_ROLE, input: z.object({}) }),

  // ---- team leaders and staff ----
  'volunteer.decideJoin': defineAction<{ teamId: string; personId: string; status: MembershipStatus }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ teamId: zId, personId: zId, approve: z.boolean(), reason: zReason })
  }),

  // ---- staff (scoped to their org unit) ----
  'volunteer.staff.desk': defineAction<VolunteerDesk>()({ kind: 'query', access: STAFF_OR_ADMIN, input: z.object({}) }),
  'volunteer.staff.teamSave': defineAction<{ id: string }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId.optional(), fields: zTeamFields })
  }),
  /** A new volunteer activity (a draft) or new fields for one. */
  'volunteer.staff.activitySave': defineAction<{ id: string }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId.optional(), fields: zVolunteerActivityFields })
  }),
  'volunteer.staff.activityPublish': defineAction<{ id: string; status: VolunteerActivityStatus }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId })
  }),
  /** A new shift, or new fields for one (places may not drop below those taken; more places promote the waitlist). */
  'volunteer.staff.shiftSave': defineAction<{ id: string; promoted: number; notified: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ activityId: zId, shiftId: zId.optional(), fields: zShiftFields })
  }),
  /** Cancel a shift, telling everyone who holds a place or waits. Nothing is deleted. */
  'volunteer.staff.shiftCancel': defineAction<{ id: string; notified: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ shiftId: zId, reason: zReason })
  }),
  'volunteer.staff.shiftRoster': defineAction<ShiftRoster>()({ kind: 'query', access: STAFF_OR_ADMIN, input: zShift }),
  /** The rotating check-in (`in`) or check-out (`out`) code to show full-screen. */
  'volunteer.staff.shiftCode': defineAction<{ token: string; refreshAt: number; serverNow: number }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ shiftId: zId, direction: zDirection })
  }),
  /** Staff scanned a volunteer's own 签到码 to check them in or out. */
  'volunteer.staff.scan': defineAction<ShiftScanResult>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      shiftId: zId,
      direction: zDirection,
      token: zText().min(1, '请输入签到码').max(200),
      scannedAt: zInstant
    })
  }),
  /** 代签 a check-in or check-out from the roster (reason required, audited); `at` for 补录 from a paper list. */
  'volunteer.staff.mark': defineAction<ShiftScanResult>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ shiftId: zId, personId: zId, direction: zDirection, at: zInstant.optional(), reason: zReason })
  }),
  /** Set the minutes credited for one person's shift; the difference is a new ledger entry with the reason. */
  'volunteer.staff.correctHours': defineAction<{
    shiftId: string
    personId: string
    minutes: number
    delta: number
    totalMinutes: number
  }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      shiftId: zId,
      personId: zId,
      minutes: z.number().int().min(0).max(MAX_SHIFT_MINUTES),
      reason: zReason
    })
  }),
  /** A flagged (forgotten check-out) credit checked and found right: the flag is cleared, nothing else changes. */
  'volunteer.staff.confirmHours': defineAction<{ shiftId: string; personId: string }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ shiftId: zId, personId: zId })
  }),
  /** 结算: credit everyone still checked in after the check-out time, to the shift's end, flagged. Idempotent. */
  'volunteer.staff.settleShift': defineAction<{ shiftId: string; settled: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: zShift
  }),
  /** 银发人才库 search in the caller's scope, by skill and county. */
  'volunteer.staff.searchPool': defineAction<{ items: PoolHit[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({
      skill: zSkill.optional(),
      orgUnitId: zId.optional(),
      q: zText().max(20).optional(),
      availableOnly: z.boolean().default(false)
    })
  }),
  'volunteer.staff.settingsUpdate': defineAction<VolunteerSettingsView>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ intakeMaxAge: z.number().int().min(50).max(100) })
  })
}
