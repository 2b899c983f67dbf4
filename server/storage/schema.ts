/**
 * The documents the backend stores, one interface per collection. Both adapters store exactly these shapes;
 * `_id` is the document key. Instants are epoch milliseconds, days are 'YYYY-MM-DD' in Asia/Shanghai.
 *
 * `INDEXES` names the fields that queries filter or sort on: the SQLite adapter builds expression indexes on
 * them, and the same list documents the indexes to create in the CloudBase console.
 */
import type { Role } from '../../types/roles'
import type { ActivityStatus, ActivityType, Audience, CheckinMethod } from '../../types/actions/activities'
import type { Envelope } from '../../types/envelope'
import type {
  FamilyInviteDoc,
  HelpEventDoc,
  HelpRequestDoc,
  HelpSettingsDoc,
  UploadDoc,
  VolunteerProfileDoc
} from './schema-help'

export type {
  FamilyInviteDoc,
  HelpEventDoc,
  HelpRequestDoc,
  HelpSettingsDoc,
  UploadDoc,
  VolunteerProfileDoc
} from './schema-help'
import type {
  HoursBalanceDoc,
  HoursEntryDoc,
  ShiftAttendanceDoc,
  ShiftSignupDoc,
  TeamMemberDoc,
  VolunteerActivityDoc,
  VolunteerCertificateDoc,
  VolunteerShiftDoc,
  VolunteerTeamDoc
} from './schema-volunteer'

export type {
  HoursBalanceDoc,
  HoursEntryDoc,
  ShiftAttendanceDoc,
  ShiftSignupDoc,
  TeamMemberDoc,
  VolunteerActivityDoc,
  VolunteerCertificateDoc,
  VolunteerShiftDoc,
  VolunteerTeamDoc
} from './schema-volunteer'

export interface OrgUnitDoc {
  _id: string
  name: string
  kind: 'bureau' | 'county'
  parentId: string | null
  liaisonPhone: string | null
  dutyPhone: string | null
  order: number
}

export interface BranchDoc {
  _id: string
  name: string
  orgUnitId: string
}

/** The bureau's roster: a retired cadre (or a volunteer on the roster). Separate from any login account. */
export interface PersonDoc {
  _id: string
  name: string
  gender: 'male' | 'female'
  birthDate: string
  birthCalendar: 'solar' | 'lunar'
  phone: string | null
  formerUnit: string
  retirementLevel: string
  orgUnitId: string
  branchId: string | null
  partyMember: boolean
  /** Staff may mark a frail member (e.g. exempt from 践诺评星). */
  frail: boolean
  createdAt: number
  updatedAt: number
  /** 志愿者编号, given when the person first joins a volunteer team (domain/volunteer/volunteer-number.ts). */
  volunteerNo?: string | null
  /** 身份证号, only where the deployment keeps ID numbers in its roster; shown only masked. */
  idNumber?: string | null
}

/** A way to log in: a WeChat openid (`wx:<openid>`) or a local account (`local:<username>`). */
export interface AccountDoc {
  _id: string
  kind: 'wechat' | 'local'
  displayName: string
  roles: Role[]
  personId: string | null
  /** Staff scope; null for everybody else. */
  orgUnitId: string | null
  phone: string | null
  /** scrypt hash for local accounts: 'scrypt$<salt>$<hash>' */
  passwordHash: string | null
  /** Seeded demo accounts show on the 演示登录 page (in demo mode only). */
  demo: { label: string; order: number } | null
  createdAt: number
  /** A local account made by `npm run admin:create`: only the password change is allowed until it is done. */
  mustChangePassword?: boolean
  passwordChangedAt?: number
}

export interface SessionDoc {
  _id: string // sha256 of the bearer token
  accountId: string
  createdAt: number
  expiresAt: number
}

/** A one-time code that binds a WeChat account to a roster person. `_id` is the code itself. */
export interface ActivationCodeDoc {
  _id: string
  personId: string
  issuedBy: string
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
}

/** The processed-mutation record, written in the same transaction as the mutation's effect. */
export interface MutationDoc {
  _id: string // `${accountId}:${mutationId}`
  accountId: string
  action: string
  result: Envelope
  at: number
}

export interface ActivityDoc {
  _id: string
  title: string
  type: ActivityType
  description: string
  place: string
  startAt: number
  endAt: number
  signupDeadline: number
  capacity: number | null
  /** Points awarded on check-in; null: the rule for the activity type applies. */
  points: number | null
  audience: Audience
  orgUnitId: string
  status: ActivityStatus
  checkinOpensBeforeMin: number
  allowWalkIn: boolean
  contactPhone: string | null
  /** Why staff cancelled it (shown to those who had signed up). */
  cancelReason?: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

/**
 * A capacity counter, changed in the same transaction as the record it guards (`_id`: `activity:<id>` …).
 * Maintained only by server/domain/capacity/capacity-pool.ts (see its contract).
 */
export interface CounterDoc {
  _id: string
  capacity: number | null
  taken: number
  waitlisted: number
  /** Monotonic number handed to the next waitlist entry, so promotion order is first come, first served. */
  nextWaitlistSeq: number
  /** The lowest waitlist number that may still be waiting (promotion starts looking here). Missing = 1. */
  waitlistHead?: number
  /** Bumped by every change, so a writer can tell the pool changed since it last read it. Missing = 0. */
  version?: number
}

/**
 * The waitlist's order: slot `<counterId>#<seq>` points at the holder that got number `seq`. Never changed or
 * removed; a slot whose holder has left (or re-joined with a later number) is skipped on promotion.
 */
export interface WaitlistSlotDoc {
  _id: string
  counterId: string
  seq: number
  holderId: string
  at: number
}

/** `_id` is deterministic: `${activityId}:${personId}`. Never deleted: cancelling changes the status. */
export interface SignupDoc {
  _id: string
  activityId: string
  personId: string
  status: 'signed' | 'waitlisted' | 'cancelled'
  waitlistSeq: number | null
  actorAccountId: string
  createdAt: number
  updatedAt: number
}

/** `_id` is deterministic: `${activityId}:${personId}` — one check-in per person per activity. */
export interface CheckinDoc {
  _id: string
  activityId: string
  personId: string
  method: CheckinMethod
  at: number
  /** When the phone scanned (offline scans arrive later). */
  scannedAt: number
  actorAccountId: string
  reason: string | null
  walkIn: boolean
}

/** A family member's link to an elder (`_id`: `${accountId}:${personId}`). Only 'active' allows 代办. */
export interface FamilyBindingDoc {
  _id: string
  accountId: string
  personId: string
  relation: string
  status: 'pending' | 'active' | 'ended'
  createdAt: number
  confirmedAt: number | null
  confirmedBy: string | null
  endedAt: number | null
  endedBy: string | null
}

/** Append-only audit trail: who did what for whom (代办, 代签, point adjustments, reads of contact details). */
export interface AuditDoc {
  _id: string
  at: number
  actorAccountId: string
  subjectPersonId: string | null
  action: string
  target: string
  detail: Record<string, unknown>
}

/**
 * One entry of a person's points ledger. Append-only: corrections are new entries. Awards have a deterministic
 * `_id` (`award:<sourceKind>:<sourceId>:<personId>`) so one source can never be counted twice.
 */
export interface PointsEntryDoc {
  _id: string
  personId: string
  kind: 'award' | 'reversal' | 'adjustment' | 'redemption' | 'expiry'
  /** Signed amount: awards positive, redemptions negative. */
  amount: number
  /** What it was for, in plain words for the history: 参加「重阳节座谈会」. */
  reason: string
  source: { kind: string; id: string } | null
  /** The business day it counts on (Asia/Shanghai). */
  day: string
  at: number
  actorAccountId: string
  /** Staff id for adjustments and reversals. */
  staffAccountId: string | null
  /** Plain words about what changed the amount (the daily cap cut it, spent points not taken back). */
  note?: string | null
  /** What the source asked for, when the daily cap awarded less. */
  requested?: number | null
  /** The person's entry number (1, 2, 3, …), given by the balance's counter in the same transaction. */
  seq?: number
}

/** Award points counted per person per Beijing day (`_id`: `${personId}:${day}`): the daily cap's counter. */
export interface PointsDailyDoc {
  _id: string
  personId: string
  day: string
  awarded: number
}

/**
 * A settings document (`_id` names it: 'pointsRules', 'leaderboard:<branchId>'). Absent means the defaults.
 * `value` is validated by whoever reads it.
 */
export interface SettingsDoc {
  _id: string
  value: Record<string, unknown>
  updatedAt: number
  updatedBy: string
}

/** A catalogue item of 积分兑换. The item is its own stock counter: every redemption updates it. */
export interface RewardItemDoc {
  _id: string
  name: string
  description: string
  kind: 'item' | 'service'
  price: number
  /** What is left to hand out; never below zero. */
  stock: number
  /** Redemptions not cancelled (reserved or picked up). */
  redeemed: number
  perPersonLimit: number | null
  /** Whose catalogue: the bureau's items are for everybody, a county's for its people; its staff 核销. */
  orgUnitId: string
  status: 'active' | 'hidden'
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** How many of an item a person holds (not cancelled) (`_id`: `${itemId}:${personId}`): the per-person limit. */
export interface RewardQuotaDoc {
  _id: string
  itemId: string
  personId: string
  count: number
}

/** A redemption; `_id` is its 8-digit pick-up code. Never deleted: cancelling changes the status. */
export interface RedemptionDoc {
  _id: string
  itemId: string
  itemName: string
  price: number
  personId: string
  orgUnitId: string
  status: 'reserved' | 'picked' | 'cancelled'
  actorAccountId: string
  createdAt: number
  pickedAt: number | null
  pickedBy: string | null
  cancelledAt: number | null
  cancelledBy: string | null
}

/** Staff exempt a frail party member from 践诺评星 for a year (`_id`: `${year}:${personId}`). */
export interface StarExemptionDoc {
  _id: string
  year: number
  personId: string
  exempt: boolean
  reason: string
  staffAccountId: string
  at: number
}

/** A person's own points choices (`_id` = personId). */
export interface PointsPrefsDoc {
  _id: string
  leaderboardOptIn: boolean
  updatedAt: number
}

/** The stored balance, changed in the same transaction as each entry (`_id` = personId). */
export interface PointsBalanceDoc {
  _id: string
  balance: number
  entries: number
  updatedAt: number
}

/** An in-app message (站内消息) to a roster person (all their accounts see it) or to one account. */
export interface MessageDoc {
  _id: string
  toPersonId: string | null
  toAccountId: string | null
  title: string
  body: string
  /** A page to open, e.g. /packages/activity/detail/index?id=… */
  link: string | null
  at: number
  readAt: number | null
}

export interface Collections {
  orgUnits: OrgUnitDoc
  branches: BranchDoc
  persons: PersonDoc
  accounts: AccountDoc
  sessions: SessionDoc
  activationCodes: ActivationCodeDoc
  mutations: MutationDoc
  activities: ActivityDoc
  counters: CounterDoc
  waitlistSlots: WaitlistSlotDoc
  signups: SignupDoc
  checkins: CheckinDoc
  familyBindings: FamilyBindingDoc
  audit: AuditDoc
  pointsLedger: PointsEntryDoc
  pointsBalances: PointsBalanceDoc
  messages: MessageDoc
  pointsDaily: PointsDailyDoc
  settings: SettingsDoc
  rewardItems: RewardItemDoc
  rewardQuotas: RewardQuotaDoc
  redemptions: RedemptionDoc
  starExemptions: StarExemptionDoc
  pointsPrefs: PointsPrefsDoc
  helpRequests: HelpRequestDoc
  helpEvents: HelpEventDoc
  familyInvites: FamilyInviteDoc
  volunteerProfiles: VolunteerProfileDoc
  helpSettings: HelpSettingsDoc
  uploads: UploadDoc
  volunteerTeams: VolunteerTeamDoc
  teamMembers: TeamMemberDoc
  volunteerActivities: VolunteerActivityDoc
  volunteerShifts: VolunteerShiftDoc
  shiftSignups: ShiftSignupDoc
  shiftAttendance: ShiftAttendanceDoc
  hoursLedger: HoursEntryDoc
  hoursBalances: HoursBalanceDoc
  volunteerCertificates: VolunteerCertificateDoc
}

export type CollectionName = keyof Collections
export type DocOf<C extends CollectionName> = Collections[C]

export const INDEXES: { [C in CollectionName]: (keyof Collections[C] & string)[] } = {
  orgUnits: ['parentId'],
  branches: ['orgUnitId'],
  persons: ['orgUnitId', 'branchId'],
  accounts: ['personId'],
  sessions: ['accountId'],
  activationCodes: ['personId'],
  mutations: [],
  activities: ['startAt', 'status', 'orgUnitId'],
  counters: [],
  waitlistSlots: ['counterId'],
  signups: ['activityId', 'personId', 'status'],
  checkins: ['activityId', 'personId'],
  familyBindings: ['accountId', 'personId'],
  audit: ['subjectPersonId', 'actorAccountId', 'at'],
  pointsLedger: ['personId', 'day'],
  pointsBalances: [],
  messages: ['toPersonId', 'toAccountId', 'at'],
  pointsDaily: ['personId'],
  settings: [],
  rewardItems: ['orgUnitId', 'status'],
  rewardQuotas: ['personId'],
  redemptions: ['personId', 'status', 'orgUnitId'],
  starExemptions: ['year'],
  pointsPrefs: [],
  helpRequests: ['personId', 'orgUnitId', 'status', 'assigneeAccountId', 'createdAt'],
  helpEvents: ['requestId'],
  familyInvites: ['personId'],
  volunteerProfiles: ['orgUnitId'],
  helpSettings: [],
  uploads: ['ownerAccountId'],
  volunteerTeams: ['orgUnitId', 'status'],
  teamMembers: ['teamId', 'personId', 'status'],
  volunteerActivities: ['orgUnitId', 'status', 'teamId'],
  volunteerShifts: ['activityId', 'startAt', 'orgUnitId'],
  shiftSignups: ['shiftId', 'personId', 'status'],
  shiftAttendance: ['shiftId', 'personId', 'checkOutAt', 'flag'],
  hoursLedger: ['personId', 'shiftId'],
  hoursBalances: [],
  volunteerCertificates: ['code', 'personId']
}

export const COLLECTION_NAMES = Object.keys(INDEXES) as CollectionName[]
