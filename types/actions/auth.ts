import { z } from 'zod'
import { STAFF_OR_ADMIN } from '../roles'
import { defineAction, zId, zText } from '../define'
import type { Role } from '../roles'

export interface PersonSummary {
  id: string
  name: string
  orgUnitId: string
  orgUnitName: string
  branchId: string | null
  branchName: string | null
  partyMember: boolean
}

/** Who the caller is, as the server decided it. */
export interface Me {
  accountId: string
  /** false for a WeChat user whose openid is not yet bound to anybody (they see the activation page). */
  registered: boolean
  displayName: string
  roles: Role[]
  /** The roster person this account is (a retiree or volunteer); null for family members and staff. */
  person: PersonSummary | null
  /** For staff: the org unit their powers are scoped to. */
  orgUnit: { id: string; name: string } | null
  /** The liaison phone of the caller's org unit (联系我们), if known. */
  liaisonPhone: string | null
}

export const authActions = {
  'auth.whoami': defineAction<Me>()({ kind: 'query', access: 'signed-in', input: z.object({}) }),
  /** Bind the calling account (a WeChat openid) to a roster person with a staff-issued code. */
  'account.activate': defineAction<Me>()({
    kind: 'mutation',
    access: 'signed-in',
    input: z.object({ code: zText().regex(/^\d{6}$/, '激活码是 6 位数字') })
  }),
  /** Staff: a one-time code (valid 7 days) that lets a retiree bind their WeChat to their roster record. */
  'person.staff.issueActivationCode': defineAction<{ code: string; expiresAt: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ personId: zId })
  })
}
