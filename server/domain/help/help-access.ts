/**
 * Who may see and do what with a help request, decided from the caller (ctx.actor, ctx.subjectPersonId and
 * ctx.actingFor as the router resolved them) and the request — never from the payload.
 *
 * - requester side: the elder the request is for, or a bound family member acting for them (代办);
 * - assignee: the staff member or volunteer it is assigned to (not while acting for somebody);
 * - staff: staff (or admin) whose org scope covers the request's county;
 * - claimable: an available volunteer of the same county whose skills fit, while nobody has it;
 * - family: a bound family member who is not acting for the elder right now (opened a message, say) may
 *   follow the request but not act on it or reveal contact details until they choose 代办.
 */
import type { HelpCan } from '../../../types/actions/help'
import { HELP_WITHDRAWABLE } from '../../../types/help-rules'
import type { Ctx } from '../../core/context'
import { hasRole, isStaff } from '../../core/identity'
import type { HelpRequestDoc, VolunteerProfileDoc } from '../../storage/schema'
import { coveredUnits, loadOrgUnits } from '../org/org-scope'
import { loadHelpSettings, skillsMatch, type HelpSettings } from './help-settings'
import { ageOn, intakeRefusal, loadVolunteerSettings } from '../volunteer/volunteer-settings'
import { businessDay } from '../../../types/time'

export interface HelpViewer {
  /** Units the caller covers as staff (null: not staff, or acting for somebody). */
  staffUnits: Set<string> | null
  /** The caller's volunteer profile (null: not a volunteer, or acting for somebody). */
  profile: VolunteerProfileDoc | null
  /** Elders the caller is actively bound to (when not acting for one). */
  familyOf: Set<string>
  settings: HelpSettings
}

export interface HelpAccess {
  requesterSide: boolean
  /** The elder themself, on their own account. */
  self: boolean
  assignee: boolean
  staff: boolean
  claimable: boolean
  family: boolean
}

export async function loadViewer(ctx: Ctx): Promise<HelpViewer> {
  const acting = !!ctx.actingFor
  const [units, profile, bindings, settings] = await Promise.all([
    !acting && isStaff(ctx.actor) ? loadOrgUnits(ctx.store) : Promise.resolve(null),
    !acting && hasRole(ctx.actor, 'volunteer') && ctx.actor.personId
      ? ctx.store.get('volunteerProfiles', ctx.actor.personId)
      : Promise.resolve(null),
    !acting && hasRole(ctx.actor, 'family')
      ? ctx.store.find('familyBindings', { where: { accountId: ctx.actor.accountId, status: 'active' } })
      : Promise.resolve([]),
    loadHelpSettings(ctx.store)
  ])
  return {
    staffUnits: units ? coveredUnits(ctx.actor, units) : null,
    profile,
    familyOf: new Set(bindings.map((b) => b.personId)),
    settings
  }
}

/** May this volunteer profile claim a request of this kind in this county? */
export function canClaimAs(
  profile: VolunteerProfileDoc | null,
  req: Pick<HelpRequestDoc, 'orgUnitId' | 'category'>,
  settings: HelpSettings
): boolean {
  return (
    !!profile &&
    profile.available &&
    profile.orgUnitId === req.orgUnitId &&
    skillsMatch(profile.skills, req.category, settings).length > 0
  )
}

/**
 * What the volunteer's task list says when no open request can ever show for them, and why. Open requests
 * go to people in the 银发人才库 (a volunteer profile with skills); someone admitted to a team but past the
 * pool's intake age has the volunteer role and shifts, but no help requests — the list says so rather than
 * staying empty.
 */
export async function tasksNotice(ctx: Ctx, viewer: HelpViewer): Promise<string | null> {
  const p = viewer.profile
  if (p)
    return p.available ? null : '您在「我的特长」里选了「暂停一段时间」，所以这里不列可以接的求助。要接，请改成「可以」'
  const person = ctx.actor.personId ? await ctx.store.get('persons', ctx.actor.personId) : null
  const refusal = person
    ? intakeRefusal(ageOn(person.birthDate, businessDay(ctx.now)), await loadVolunteerSettings(ctx.store))
    : null
  if (refusal) {
    return `求助按「银发人才库」登记的特长派给志愿者。${refusal.replace('暂时不能登记特长。', '所以这里不会有可以接的求助。')}`
  }
  return '您还没有登记特长，暂时只能办派给您的事。在「志愿服务 → 我的特长」里登记后，适合您的求助会列在这里。'
}

/**
 * Why this caller may not claim a request like this one at all (whoever holds it now), in plain words; null
 * when they could. Their own request is named as such, not as "outside your service area".
 */
export function claimRefusal(
  ctx: Ctx,
  viewer: HelpViewer,
  req: Pick<HelpRequestDoc, 'orgUnitId' | 'category' | 'personId'>
): string | null {
  if (ctx.actingFor) return '为家人代办时不能认领求助，请先切回自己'
  if (ctx.actor.personId && req.personId === ctx.actor.personId)
    return '这是您自己提交的求助，不能自己认领。工作人员会安排别人来帮您'
  const p = viewer.profile
  if (!p) return '请先在「我的特长」里登记特长，再来认领求助'
  if (!p.available) return '您在「我的特长」里选了「暂停一段时间」。要认领，请先改成「可以」'
  if (p.orgUnitId !== req.orgUnitId) return '这件求助不在您所在的区县，请看看其他求助'
  if (skillsMatch(p.skills, req.category, viewer.settings).length === 0)
    return '这件事和您登记的特长不符，请看看其他求助'
  return null
}

export function accessTo(ctx: Ctx, viewer: HelpViewer, req: HelpRequestDoc): HelpAccess {
  const acting = !!ctx.actingFor
  const requesterSide = ctx.subjectPersonId === req.personId
  const open = (req.status === 'submitted' || req.status === 'accepted') && !req.assigneeAccountId
  return {
    requesterSide,
    self: requesterSide && !acting,
    assignee: !acting && req.assigneeAccountId === ctx.actor.accountId,
    staff: !!viewer.staffUnits?.has(req.orgUnitId),
    claimable:
      !acting && open && ctx.actor.personId !== req.personId && canClaimAs(viewer.profile, req, viewer.settings),
    family: !acting && viewer.familyOf.has(req.personId)
  }
}

export function canSeeRequest(a: HelpAccess): boolean {
  return a.requesterSide || a.assignee || a.staff || a.claimable || a.family
}

/** Photos: the requester side, the assignee and staff. (A volunteer deciding whether to claim sees how many.) */
export function canSeePhotos(a: HelpAccess): boolean {
  return a.requesterSide || a.family || a.assignee || a.staff
}

/**
 * May reveal the full address and phone (each reveal is audited): the requester side (the elder sees their
 * own in the detail anyway), staff, and the assignee only while the job is theirs to do.
 */
export function canRevealContact(a: HelpAccess, req: Pick<HelpRequestDoc, 'status'>): boolean {
  const working = req.status === 'assigned' || req.status === 'in_progress'
  return a.requesterSide || (a.assignee && working) || a.staff
}

export function canFlags(a: HelpAccess, req: HelpRequestDoc): HelpCan {
  const s = req.status
  const handler = a.assignee || a.staff
  return {
    withdraw: a.requesterSide && HELP_WITHDRAWABLE.includes(s),
    rate: a.requesterSide && s === 'completed',
    accept: a.staff && s === 'submitted',
    return: a.staff && (s === 'submitted' || s === 'accepted' || s === 'assigned'),
    assign: a.staff && (s === 'submitted' || s === 'accepted' || s === 'assigned'),
    claim: a.claimable,
    start: handler && s === 'assigned',
    note: handler && (s === 'assigned' || s === 'in_progress'),
    complete: handler && s === 'in_progress',
    release: handler && (s === 'assigned' || s === 'in_progress'),
    reveal: canRevealContact(a, req)
  }
}
