import { z } from 'zod'
import { FAMILY_ONLY, RETIREE_FAMILY_OR_STAFF, RETIREE_ONLY, RETIREE_OR_STAFF, STAFF_OR_ADMIN } from '../roles'
import { defineAction, zId, zPhone, zText } from '../define'
import { FAMILY_RELATIONS, type BindingStatus } from '../help-rules'

/** A family member's view of one elder they are (or asked to be) bound to. */
export interface ElderBinding {
  bindingId: string
  personId: string
  name: string
  relation: string
  status: BindingStatus
  orgUnitName: string
  createdAt: number
  confirmedAt: number | null
}

/** An elder's (or staff's) view of one family member bound to them. */
export interface FamilyMemberBinding {
  bindingId: string
  personId: string
  personName: string
  memberName: string
  /** Masked (138****0021): enough to recognise a child's number, not to copy it. */
  memberPhone: string | null
  relation: string
  status: BindingStatus
  createdAt: number
  confirmedAt: number | null
  /** 本人确认 / 工作人员 陈静 确认 */
  confirmedByLabel: string | null
}

/** One thing somebody did for the elder (代办 by family, or staff on their behalf). */
export interface DoneForMeItem {
  id: string
  at: number
  /** 张晓燕（女儿） / 陈静（工作人员） */
  actor: string
  /** 报名了活动「太极拳晨练」 */
  text: string
  /** A page to open for details, if any. */
  link: string | null
}

export interface PersonHit {
  id: string
  name: string
  orgUnitName: string
  /** Has a login of their own (can confirm a binding on their phone). */
  hasAccount: boolean
  birthYear: string
}

export const familyActions = {
  /**
   * A one-time code (valid 24 hours) a family member enters to ask to be bound. A retiree makes one for
   * themself; staff make one for a person in their scope (someone without a phone).
   */
  'family.createInvite': defineAction<{ code: string; expiresAt: number; personName: string }>()({
    kind: 'mutation',
    access: RETIREE_OR_STAFF,
    input: z.object({ personId: zId.optional() })
  }),
  /** The family member enters the code and says how they are related; the binding then waits for confirmation. */
  'family.acceptInvite': defineAction<ElderBinding>()({
    kind: 'mutation',
    access: 'signed-in',
    input: z.object({
      code: zText().regex(/^\d{6}$/, '邀请码是 6 位数字'),
      relation: z.enum(FAMILY_RELATIONS),
      /** How the elder and staff will see you; required the first time (a new WeChat user has no name here yet). */
      name: zText().min(1, '请写上您的姓名').max(20).optional(),
      /** So staff can call you back when they check a binding. */
      phone: zPhone.optional()
    })
  }),
  /** The elder (on their own phone) or staff (after checking) confirm a pending binding. */
  'family.confirm': defineAction<FamilyMemberBinding>()({
    kind: 'mutation',
    access: RETIREE_OR_STAFF,
    input: z.object({ bindingId: z.string().min(3).max(140) })
  }),
  'family.reject': defineAction<FamilyMemberBinding>()({
    kind: 'mutation',
    access: RETIREE_OR_STAFF,
    input: z.object({ bindingId: z.string().min(3).max(140) })
  }),
  /** Either side (or staff) ends a binding; 代办 stops at once. */
  'family.unbind': defineAction<FamilyMemberBinding>()({
    kind: 'mutation',
    access: RETIREE_FAMILY_OR_STAFF,
    input: z.object({ bindingId: z.string().min(3).max(140) })
  }),
  /** Family member: the elders I am bound to or waiting for. */
  'family.myElders': defineAction<{ items: ElderBinding[] }>()({
    kind: 'query',
    access: FAMILY_ONLY,
    input: z.object({})
  }),
  /** Retiree: the family members bound to me, and those waiting for my confirmation. */
  'family.myFamily': defineAction<{ items: FamilyMemberBinding[] }>()({
    kind: 'query',
    access: RETIREE_ONLY,
    input: z.object({})
  }),
  /** Retiree: what others did for me (代办 by family, and staff acting on my behalf), newest first. */
  'family.doneForMe': defineAction<{ items: DoneForMeItem[]; nextCursor: string | null }>()({
    kind: 'query',
    access: RETIREE_ONLY,
    input: z.object({ limit: z.number().int().min(1).max(50).default(30), cursor: z.string().max(20).optional() })
  }),
  /** Staff: bindings waiting for confirmation in my scope, or all bindings of one person. */
  'family.staff.bindings': defineAction<{ items: FamilyMemberBinding[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ personId: zId.optional() })
  }),
  /** Staff: find a person on the roster by name, in my scope. */
  'family.staff.searchPersons': defineAction<{ items: PersonHit[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ q: zText().min(1, '请输入姓名').max(20) })
  })
}
