/** Roles an account can hold. Decided on the server from the account record, never from a payload. */
export const ROLES = ['retiree', 'family', 'volunteer', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  retiree: '老干部',
  family: '家属',
  volunteer: '志愿者',
  staff: '工作人员',
  admin: '管理员'
}

/**
 * The role sets actions name in their `access` (types/actions). Defined here once; an account may call an action
 * when it is registered and holds one of the roles of the set.
 */
/** Every role: any registered account. */
export const ANY_ROLE = ROLES
/** Staff of an org unit and the admin. Actions only they may call are named `<domain>.staff.<verb>`. */
export const STAFF_OR_ADMIN = ['staff', 'admin'] as const
export const ADMIN_ONLY = ['admin'] as const
/** Everyone but staff and the admin: the people the service is for (retirees, their family, volunteers). */
export const NOT_STAFF = ['retiree', 'family', 'volunteer'] as const
export const VOLUNTEER_OR_STAFF = ['volunteer', 'staff', 'admin'] as const
export const RETIREE_OR_STAFF = ['retiree', 'staff', 'admin'] as const
export const RETIREE_FAMILY_OR_STAFF = ['retiree', 'family', 'staff', 'admin'] as const
export const RETIREE_ONLY = ['retiree'] as const
export const FAMILY_ONLY = ['family'] as const
export const VOLUNTEER_ONLY = ['volunteer'] as const

/**
 * Who may call an action at all (ownership and org scope are checked inside the handler):
 * - 'public': anybody, even without logging in;
 * - 'signed-in': any authenticated caller, also a WeChat user not yet bound to the roster;
 * - a role set above: a registered account holding one of its roles.
 */
export type Access = 'public' | 'signed-in' | readonly Role[]

/** Is `access` only for staff and the admin (the `<domain>.staff.<verb>` naming rule)? */
export function staffOnly(access: Access): boolean {
  return typeof access !== 'string' && access.every((r) => r === 'staff' || r === 'admin')
}
