/** Staff may only place activities, and aim their audiences, inside their own scope. */
import type { z } from 'zod'
import type { zActivityFields } from '../../../types/actions/activities'
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import type { ActivityDoc } from '../../storage/schema'
import { requireStaffScope } from '../org/org-scope'

export type ParsedActivityFields = z.output<typeof zActivityFields>

export async function assertFieldsInScope(ctx: Ctx, f: ParsedActivityFields): Promise<void> {
  await requireStaffScope(ctx.store, ctx.actor, f.orgUnitId)
  if (f.audience.kind === 'county') {
    if (!(await ctx.store.get('orgUnits', f.audience.orgUnitId)))
      throw new AppError('VALIDATION', '参加对象里的区县不存在', { field: 'audience' })
    await requireStaffScope(ctx.store, ctx.actor, f.audience.orgUnitId)
  }
  if (f.audience.kind === 'branch') {
    const branch = await ctx.store.get('branches', f.audience.branchId)
    if (!branch) throw new AppError('VALIDATION', '参加对象里的党支部不存在', { field: 'audience' })
    await requireStaffScope(ctx.store, ctx.actor, branch.orgUnitId)
  }
}

/** The stored fields from the form (status and authorship are the caller's). */
export function fieldsToDoc(
  f: ParsedActivityFields
): Omit<ActivityDoc, '_id' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'> {
  return {
    title: f.title,
    type: f.type,
    description: f.description,
    place: f.place,
    startAt: f.startAt,
    endAt: f.endAt,
    signupDeadline: f.signupDeadline,
    capacity: f.capacity,
    points: f.points,
    audience: f.audience,
    orgUnitId: f.orgUnitId,
    checkinOpensBeforeMin: f.checkinOpensBeforeMin,
    allowWalkIn: f.allowWalkIn,
    contactPhone: f.contactPhone,
    cancelReason: null
  }
}
