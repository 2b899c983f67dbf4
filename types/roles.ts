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
