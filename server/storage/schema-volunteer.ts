/**
 * Documents of the volunteer service (志愿服务): teams and their members, volunteer activities and their shifts,
 * shift sign-ups (holders of the generic capacity pool), attendance, the hours ledger and its balances, and
 * the certificates issued from it. Listed in `Collections` / `INDEXES` in schema.ts like every other collection.
 * The skills pool extends `volunteerProfiles` (schema-help.ts) rather than adding a second profile collection.
 */
import type { AttendanceMethod, MembershipStatus, TeamKind } from '../../types/volunteer-rules'
import type { CertificateItem } from '../../types/actions/volunteer'

/** A volunteer team (志愿服务队 / 五老宣讲团 / 关爱团). Never deleted: closing changes the status. */
export interface VolunteerTeamDoc {
  _id: string
  name: string
  kind: TeamKind
  /** The county (or the bureau) it belongs to: the staff scope. */
  orgUnitId: string
  /** For a party branch's team. */
  branchId: string | null
  description: string
  /** The leader may decide join requests (no staff role needed). */
  leaderPersonId: string | null
  status: 'active' | 'closed'
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** A person's membership (`_id`: `${teamId}:${personId}`): one record per person per team, never deleted. */
export interface TeamMemberDoc {
  _id: string
  teamId: string
  personId: string
  status: MembershipStatus
  role: 'leader' | 'member'
  note: string | null
  requestedAt: number
  requestedBy: string
  decidedAt: number | null
  decidedBy: string | null
  reason: string | null
  updatedAt: number
}

/** A volunteer activity (a service project); its shifts carry the times, places and places. */
export interface VolunteerActivityDoc {
  _id: string
  title: string
  /** 服务项目, as the certificate names it. */
  serviceItem: string
  description: string
  orgUnitId: string
  teamId: string | null
  teamOnly: boolean
  /** Points per shift served; null: the rule (pointsRules.volunteerShift). */
  points: number | null
  contactPhone: string | null
  status: 'draft' | 'published' | 'cancelled'
  cancelReason: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** One shift of a volunteer activity. Its places are the capacity pool `counters/shift:<id>`. */
export interface VolunteerShiftDoc {
  _id: string
  activityId: string
  /** Copied from the activity: the staff scope and list filters work without a join. */
  orgUnitId: string
  label: string
  startAt: number
  endAt: number
  place: string
  capacity: number | null
  skills: string[]
  status: 'open' | 'cancelled'
  cancelReason: string | null
  createdAt: number
  updatedAt: number
}

/** A shift sign-up (`_id`: `${shiftId}:${personId}`): a holder of the capacity pool. Never deleted. */
export interface ShiftSignupDoc {
  _id: string
  shiftId: string
  activityId: string
  personId: string
  status: 'signed' | 'waitlisted' | 'cancelled'
  waitlistSeq: number | null
  actorAccountId: string
  createdAt: number
  updatedAt: number
}

/**
 * Attendance at a shift (`_id`: `${shiftId}:${personId}`): one record per person per shift, made at check-in
 * and completed at check-out (or settled, when the check-out was forgotten). `creditedMinutes` mirrors the sum
 * of the person's hours entries for this shift (credit + corrections), written in the same transactions.
 */
export interface ShiftAttendanceDoc {
  _id: string
  shiftId: string
  activityId: string
  personId: string
  checkInAt: number
  checkInMethod: AttendanceMethod
  checkInBy: string
  checkInReason: string | null
  checkOutAt: number | null
  checkOutMethod: AttendanceMethod | null
  checkOutBy: string | null
  checkOutReason: string | null
  /** Took a place at the door (no sign-up before). */
  walkIn: boolean
  creditedMinutes: number | null
  /** A forgotten check-out credited to the end: staff check it (confirm or correct). */
  flag: 'forgot-checkout' | null
  flagClearedBy: string | null
  createdAt: number
  updatedAt: number
}

/**
 * One entry of a person's hours ledger. Append-only: a correction is a new entry with the staff id and the
 * reason. The credit of a shift has the deterministic `_id` `credit:<shiftId>:<personId>`, so a shift counts
 * once; corrections are `correction:<personId>:<seq>`. Minutes are whole minutes, signed.
 */
export interface HoursEntryDoc {
  _id: string
  personId: string
  kind: 'credit' | 'correction'
  minutes: number
  shiftId: string
  activityId: string
  /** Plain words for the history: 「关爱空巢老人上门探访」上午班. */
  text: string
  /** The shift's business day (Asia/Shanghai). */
  day: string
  at: number
  /** The span a credit counts (after the crediting rules). */
  from: number | null
  to: number | null
  actorAccountId: string
  staffAccountId: string | null
  reason: string | null
  /** How the rules applied, in words (迟到，从 09:12 起计; 未签退，按班次结束时间计). */
  notes: string[]
  /** The person's entry number (1, 2, 3, …), given by the balance's counter in the same transaction. */
  seq: number
}

/** The stored total, changed in the same transaction as each entry (`_id` = personId). */
export interface HoursBalanceDoc {
  _id: string
  minutes: number
  entries: number
  updatedAt: number
}

/**
 * A 志愿服务证明 as issued: a snapshot of the facts (`_id`: `${personId}:${entries}`, so the same ledger state
 * gives the same certificate). `code` is random and unguessable; the public verification looks it up.
 */
export interface VolunteerCertificateDoc {
  _id: string
  code: string
  personId: string
  name: string
  gender: 'male' | 'female'
  birthYear: string
  countyName: string
  /** 志愿者编号 and the masked ID number (if kept) when issued; absent on certificates issued before. */
  volunteerNo?: string | null
  idMasked?: string | null
  items: CertificateItem[]
  totalMinutes: number
  issuerName: string
  issuerUnit: string | null
  ledgerEntries: number
  throughDay: string
  issuedAt: number
  issuedDay: string
  issuedBy: string
  status: 'valid' | 'revoked'
}
