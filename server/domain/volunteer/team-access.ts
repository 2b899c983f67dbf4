/**
 * Who may decide a team's join requests: its leader (a volunteer, no staff role needed) and staff whose scope
 * covers the team's unit. Approval makes the person a volunteer (the `volunteer` role on their accounts), which
 * is what lets them take help requests that fit their skills.
 */
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import type { Tx } from '../../storage/port'
import type { VolunteerTeamDoc } from '../../storage/schema'
import { staffCovers } from '../org/org-scope'
import { assignVolunteerNumber } from './volunteer-number'

export async function canManageTeam(ctx: Ctx, team: VolunteerTeamDoc): Promise<boolean> {
  if (ctx.actingFor) return false
  if (ctx.actor.personId && ctx.actor.personId === team.leaderPersonId) return true
  return staffCovers(ctx.store, ctx.actor, team.orgUnitId)
}

export async function requireTeamManager(ctx: Ctx, team: VolunteerTeamDoc): Promise<void> {
  if (!(await canManageTeam(ctx, team))) throw new AppError('FORBIDDEN', '只有队长和工作人员能审核入队申请')
}

/**
 * Makes the person a volunteer: the volunteer role on their accounts (read before the transaction; written by
 * id inside it) and, the first time, their 志愿者编号.
 */
export async function grantVolunteerRole(tx: Tx, accountIds: string[], personId: string, now: number): Promise<void> {
  for (const id of accountIds) {
    const account = await tx.get('accounts', id)
    if (account && !account.roles.includes('volunteer'))
      await tx.update('accounts', id, { roles: [...account.roles, 'volunteer'] })
  }
  await assignVolunteerNumber(tx, personId, now)
}
