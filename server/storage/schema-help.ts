/**
 * Documents of help requests (求助), family invites (家属绑定) and the minimal volunteer skills pool (银发人才库)
 * they need. Listed in `Collections` / `INDEXES` in schema.ts like every other collection.
 */
import type { HelpCategory, HelpPeriod, HelpStatus, HelpUrgency } from '../../types/help-rules'

/**
 * A help request. `personId` is for whom (the subject), `requesterAccountId` who pressed 提交 (the elder, or a
 * bound family member acting for them). `orgUnitId` is the subject's county when it was made: the staff scope.
 * Every change of status bumps `version` and writes one `helpEvents` entry whose `_id` is derived from it, in
 * the same transaction, so two concurrent transitions of one request cannot both commit.
 */
export interface HelpRequestDoc {
  _id: string
  personId: string
  orgUnitId: string
  requesterAccountId: string
  category: HelpCategory
  description: string
  /** References only (`local:<uploadId>` or a CloudBase fileID); the bytes live in file storage. */
  photos: string[]
  preferredDay: string | null
  preferredPeriod: HelpPeriod
  /** Contact details: masked for everyone but the requester, the assignee and staff of the county. */
  address: string
  phone: string
  urgency: HelpUrgency
  status: HelpStatus
  assigneeAccountId: string | null
  assigneeKind: 'staff' | 'volunteer' | null
  assigneeName: string | null
  returnReason: string | null
  withdrawReason: string | null
  rating: { stars: number; comment: string | null; at: number; byAccountId: string } | null
  createdAt: number
  acceptedAt: number | null
  assignedAt: number | null
  startedAt: number | null
  completedAt: number | null
  /** Withdrawn, returned or rated. */
  closedAt: number | null
  updatedAt: number
  version: number
}

/** One line of a request's timeline. `_id`: `${requestId}:${version padded}` (notes and transitions alike). */
export interface HelpEventDoc {
  _id: string
  requestId: string
  version: number
  at: number
  kind:
    | 'submitted'
    | 'accepted'
    | 'assigned'
    | 'claimed'
    | 'started'
    | 'note'
    | 'completed'
    | 'rated'
    | 'withdrawn'
    | 'returned'
    | 'released'
  fromStatus: HelpStatus | null
  toStatus: HelpStatus
  actorAccountId: string
  /** The elder, when a family member acted for them (代办). */
  subjectPersonId: string
  /** As shown then: 陈静（工作人员）. Names are copied so the timeline reads the same later. */
  actorLabel: string
  note: string | null
  /** For 'assigned'/'claimed': who got it. */
  assigneeLabel: string | null
}

/** A one-time family invite code (`_id` is the 6-digit code), valid 24 hours. */
export interface FamilyInviteDoc {
  _id: string
  personId: string
  issuedBy: string
  /** Made by staff for someone without a phone: staff then confirm the binding after checking. */
  byStaff: boolean
  createdAt: number
  expiresAt: number
  usedBy: string | null
  usedAt: number | null
}

/**
 * The skills pool (银发人才库): a person's skills, county and availability (`_id` = personId). Help requests
 * read `skills` / `orgUnitId` / `available` to suggest and admit volunteers; the volunteer service adds the
 * volunteer's own editing (availability in words) and staff search by skill and county.
 */
export interface VolunteerProfileDoc {
  _id: string
  skills: string[]
  orgUnitId: string
  /** false: paused (not suggested for help requests, shown as 暂停 in the pool). */
  available: boolean
  /** When they can serve, in their own words (周一到周五上午). Missing on profiles made before it existed. */
  availability?: string
  /** First entry into the pool (the intake age limit was checked then). */
  createdAt?: number
  updatedAt: number
}

/** Help settings (`_id` 'help'); absent means the defaults in types/help-rules.ts. */
export interface HelpSettingsDoc {
  _id: string
  acceptWorkingDays: number
  urgentAcceptMinutes: number
  skills: string[]
  categorySkills: Record<HelpCategory, string[]>
  updatedAt: number
  updatedBy: string
}

/** A photo uploaded to the local host (bytes under <data dir>/uploads/<_id>). */
export interface UploadDoc {
  _id: string
  ownerAccountId: string
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
  bytes: number
  createdAt: number
}
