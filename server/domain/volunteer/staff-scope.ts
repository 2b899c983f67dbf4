/** What staff's volunteer handlers load and write around their work: records in their scope, and the audit entry. */
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import type { VolunteerActivityDoc, VolunteerShiftDoc } from '../../storage/schema'
import { newId } from '../ids'
import { requireStaffScope } from '../org/org-scope'

export async function managedActivity(ctx: Ctx, id: string): Promise<VolunteerActivityDoc> {
  const a = await ctx.store.get('volunteerActivities', id)
  if (!a) throw new AppError('NOT_FOUND')
  await requireStaffScope(ctx.store, ctx.actor, a.orgUnitId)
  return a
}

export async function managedShift(
  ctx: Ctx,
  shiftId: string
): Promise<{ shift: VolunteerShiftDoc; activity: VolunteerActivityDoc }> {
  const shift = await ctx.store.get('volunteerShifts', shiftId)
  if (!shift) throw new AppError('NOT_FOUND', '没有找到这个班次，请刷新后再看')
  const activity = await managedActivity(ctx, shift.activityId)
  return { shift, activity }
}

export async function loadPerson(ctx: Ctx, personId: string) {
  const person = await ctx.store.get('persons', personId)
  if (!person) throw new AppError('NOT_FOUND', '没有找到这位老同志，请核对后再试')
  return person
}

export async function audit(
  ctx: Ctx,
  tx: Parameters<Parameters<Ctx['write']>[0]>[0],
  action: string,
  target: string,
  subjectPersonId: string | null,
  detail: Record<string, unknown>
) {
  await tx.create('audit', {
    _id: newId('au_'),
    at: ctx.now,
    actorAccountId: ctx.actor.accountId,
    subjectPersonId,
    action,
    target,
    detail
  })
}
