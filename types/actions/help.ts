import { z } from 'zod'
import { ANY_ROLE, NOT_STAFF, STAFF_OR_ADMIN, VOLUNTEER_ONLY, VOLUNTEER_OR_STAFF } from '../roles'
import { defineAction, zDay, zId, zReason, zText } from '../define'
import {
  HELP_CATEGORIES,
  HELP_PERIODS,
  HELP_STATUSES,
  MAX_HELP_PHOTOS,
  type HelpCategory,
  type HelpPeriod,
  type HelpStatus,
  type HelpUrgency
} from '../help-rules'

export { HELP_CATEGORIES, HELP_STATUSES, type HelpCategory, type HelpPeriod, type HelpStatus, type HelpUrgency }

/** A photo reference as stored: `local:<uploadId>` (local host) or a CloudBase fileID (`cloud://…`). */
export const zPhotoRef = z
  .string()
  .max(300)
  .regex(/^(local:[A-Za-z0-9_-]{8,64}|cloud:\/\/[A-Za-z0-9._\-/]+)$/, '照片没有上传成功，请重新选择')

const zNote = zText().min(2, '请至少写两个字').max(500, '最多写 500 个字')

/** One line of a list: enough for a big card. Contact details never appear here. */
export interface HelpCard {
  id: string
  /** Short reference to read out on the phone: the last six characters of the id. */
  no: string
  category: HelpCategory
  status: HelpStatus
  urgency: HelpUrgency
  /** The first words of the description. */
  summary: string
  /** For whom (the elder). */
  personName: string
  orgUnitName: string
  createdAt: number
  preferredDay: string | null
  preferredPeriod: HelpPeriod
  assigneeName: string | null
  /** When it must be accepted by (response-time target); null once accepted or closed. */
  acceptDueAt: number | null
  /** Not accepted by its target time. */
  overdue: boolean
  photoCount: number
  /** Always masked in lists: the county and stars (肃州区****). */
  addressMasked: string
}

export interface HelpEventView {
  id: string
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
  /** Plain words: 已派单给 王建国（志愿者）. */
  text: string
  /** Who pressed: 张晓燕（家属）代 张桂兰 / 陈静（工作人员）. */
  actor: string
  note: string | null
}

export interface HelpCan {
  withdraw: boolean
  rate: boolean
  accept: boolean
  return: boolean
  assign: boolean
  claim: boolean
  start: boolean
  note: boolean
  complete: boolean
  release: boolean
  /** May reveal the full address and phone (every reveal is written to the audit trail). */
  reveal: boolean
}

export interface HelpDetail extends HelpCard {
  /** How the caller relates to it (what the page offers): the elder or family acting for them, a bound family
   *  member just following it, staff, the assignee, or a volunteer who may take it. */
  viewer: 'requester' | 'family' | 'staff' | 'assignee' | 'candidate'
  description: string
  /** Signed, short-lived addresses of the photos; null when the caller may not see them. */
  photos: { ref: string; url: string }[] | null
  /** Masked unless the caller is the requester themself (others with the right reveal them with help.revealContact). */
  contact: { address: string; phone: string; masked: boolean }
  /** 本人 / 张晓燕（女儿）代办 / 工作人员代录. */
  submittedBy: string
  assigneeKind: 'staff' | 'volunteer' | null
  returnReason: string | null
  withdrawReason: string | null
  rating: { stars: number; comment: string | null; at: number } | null
  timeline: HelpEventView[]
  can: HelpCan
  /** The duty phone of the request's county: one tap away on an urgent request. */
  dutyPhone: string | null
}

export interface HelpSettingsView {
  targets: { acceptWorkingDays: number; urgentAcceptMinutes: number }
  /** The 规则 text in plain words. */
  rules: string[]
  skills: string[]
  categorySkills: Record<HelpCategory, string[]>
}

export interface HelpRules extends HelpSettingsView {
  /** Duty phone for the caller (the subject's county, else the bureau). */
  dutyPhone: string | null
  /** The phone on the subject's roster record, to prefill the form (it is their own). */
  defaultPhone: string | null
}

export interface AssigneeCandidate {
  accountId: string
  name: string
  kind: 'staff' | 'volunteer'
  orgUnitName: string
  /** The volunteer's skills that match the category (empty for staff). */
  matchedSkills: string[]
  /** Open requests assigned to them now. */
  openTasks: number
  sameCounty: boolean
}

export interface HelpQueue {
  items: HelpCard[]
  /** Open requests per status, in the caller's scope. */
  counts: Record<HelpStatus, number>
  overdue: number
  nextCursor: string | null
}

export interface VolunteerTasks {
  mine: HelpCard[]
  open: HelpCard[]
  profile: { skills: string[]; available: boolean; orgUnitName: string } | null
  /** Why no open requests will show (no skills registered, too old for the 银发人才库, paused); null otherwise. */
  notice: string | null
}

/** What a change answers: the client then reloads the detail (its timeline is read after the commit). */
export interface HelpChange {
  id: string
  no: string
  status: HelpStatus
  version: number
}

const zId1 = z.object({ id: zId })

export const helpActions = {
  /** Response-time targets, the duty phone and the 规则 text (for the form and the staff screens). */
  'help.rules': defineAction<HelpRules>()({ kind: 'query', access: ANY_ROLE, proxy: true, input: z.object({}) }),
  /** Ask for help, for oneself or (代办) for a bound elder. */
  'help.create': defineAction<HelpChange>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({
      category: z.enum(HELP_CATEGORIES),
      description: zText().min(4, '请多写几个字，说清楚需要什么帮助').max(1000, '最多写 1000 个字'),
      photos: z.array(zPhotoRef).max(MAX_HELP_PHOTOS, `最多 ${MAX_HELP_PHOTOS} 张照片`).default([]),
      preferredDay: zDay.nullable().default(null),
      preferredPeriod: z.enum(HELP_PERIODS).default('any'),
      address: zText().min(4, '请写清楚住址').max(120),
      phone: zText().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不对'),
      urgency: z.enum(['normal', 'urgent']).default('normal')
    })
  }),
  /** The subject's own requests, newest first. */
  'help.mine': defineAction<{ items: HelpCard[] }>()({
    kind: 'query',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({})
  }),
  'help.get': defineAction<HelpDetail>()({ kind: 'query', access: ANY_ROLE, proxy: true, input: zId1 }),
  /** The requester takes it back before anybody has started on it. */
  'help.withdraw': defineAction<HelpChange>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({ id: zId, reason: zText().max(200).optional() })
  }),
  'help.rate': defineAction<HelpChange>()({
    kind: 'mutation',
    access: NOT_STAFF,
    proxy: true,
    input: z.object({ id: zId, stars: z.number().int().min(1).max(5), comment: zText().max(200).optional() })
  }),
  /** The full address and phone, for those who may see them; every call is written to the audit trail. */
  'help.revealContact': defineAction<{ address: string; phone: string }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    proxy: true,
    input: zId1
  }),

  // staff
  'help.staff.queue': defineAction<HelpQueue>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({
      status: z
        .union([z.enum(HELP_STATUSES), z.literal('open'), z.literal('overdue'), z.literal('all')])
        .default('open'),
      urgency: z.enum(['normal', 'urgent']).optional(),
      limit: z.number().int().min(1).max(100).default(30),
      cursor: z.string().max(20).optional()
    })
  }),
  'help.staff.accept': defineAction<HelpChange>()({ kind: 'mutation', access: STAFF_OR_ADMIN, input: zId1 }),
  'help.staff.return': defineAction<HelpChange>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId, reason: zReason })
  }),
  /** Volunteers whose skills fit the category (same county first) and the county's staff. */
  'help.staff.suggestAssignees': defineAction<{ candidates: AssigneeCandidate[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: zId1
  }),
  'help.staff.assign': defineAction<HelpChange>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ id: zId, assigneeAccountId: z.string().min(3).max(100), note: zText().max(200).optional() })
  }),
  'help.staff.settingsUpdate': defineAction<HelpSettingsView>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      acceptWorkingDays: z.number().int().min(1).max(10),
      urgentAcceptMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60),
      skills: z.array(zText().min(1).max(12)).min(1).max(30).optional(),
      categorySkills: z.record(z.enum(HELP_CATEGORIES), z.array(zText().min(1).max(12)).max(10)).optional()
    })
  }),

  // assignees (volunteers; staff assigned to a request use the same actions)
  'help.tasks': defineAction<VolunteerTasks>()({ kind: 'query', access: VOLUNTEER_ONLY, input: z.object({}) }),
  'help.claim': defineAction<HelpChange>()({ kind: 'mutation', access: VOLUNTEER_ONLY, input: zId1 }),
  'help.start': defineAction<HelpChange>()({ kind: 'mutation', access: VOLUNTEER_OR_STAFF, input: zId1 }),
  'help.note': defineAction<HelpChange>()({
    kind: 'mutation',
    access: VOLUNTEER_OR_STAFF,
    input: z.object({ id: zId, note: zNote })
  }),
  'help.complete': defineAction<HelpChange>()({
    kind: 'mutation',
    access: VOLUNTEER_OR_STAFF,
    input: z.object({ id: zId, note: zNote })
  }),
  /** The assignee (or staff) gives it back to the queue, with a reason. */
  'help.release': defineAction<HelpChange>()({
    kind: 'mutation',
    access: VOLUNTEER_OR_STAFF,
    input: z.object({ id: zId, reason: zReason })
  })
}
