/**
 * Staff's side of activities, scoped to their org unit: create, edit, publish, cancel; the sign-up and
 * attendance list; the rotating check-in code; the .xlsx export.
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import type { ManagedActivity } from '../../types/actions/activities'
import { businessDay, startOfBusinessDay } from '../../types/time'
import type { ActivityDoc } from '../storage/schema'
import { assertSameVersion, openPool, resize, touch } from '../domain/capacity/capacity-pool'
import { participants } from '../domain/activities/participants'
import { activityPool, counterId } from '../domain/activities/activity-pool'
import { toCards } from '../domain/activities/activity-view'
import { assertFieldsInScope, fieldsToDoc } from '../domain/activities/activity-form'
import { tellCancelled, tellChanged, tellPromoted } from '../domain/activities/activity-notices'
import { buildRoster } from '../domain/activities/roster'
import { attendanceWorkbook } from '../domain/activities/attendance-export'
import { coveredUnits, loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { issueCode } from '../domain/tokens/rotating-code'
import { newId } from '../domain/ids'

/** An activity the calling staff member may manage (NOT_FOUND / FORBIDDEN otherwise). */
async function managed(ctx: Ctx, id: string): Promise<ActivityDoc> {
  const activity = await ctx.store.get('activities', id)
  if (!activity) throw new AppError('NOT_FOUND')
  await requireStaffScope(ctx.store, ctx.actor, activity.orgUnitId)
  return activity
}

export const activityAdminHandlers = {
  'activity.staff.list': {
    run: async (ctx, input) => {
      const units = coveredUnits(ctx.actor, await loadOrgUnits(ctx.store))
      const today = startOfBusinessDay(businessDay(ctx.now))
      const offset = input.cursor ? parseInt(input.cursor, 36) : 0
      const found = await ctx.store.find('activities', {
        where: { startAt: input.when === 'upcoming' ? { gte: today } : { lt: today }, orgUnitId: { in: [...units] } },
        orderBy: [['startAt', input.when === 'upcoming' ? 'asc' : 'desc']],
        // One more than a page tells whether there is a next one.
        limit: input.limit + 1,
        offset
      })
      const rows = found.slice(0, input.limit)
      const nextCursor = found.length > input.limit ? (offset + input.limit).toString(36) : null
      const cards = await toCards(ctx, rows, null)
      const items: ManagedActivity[] = await Promise.all(
        cards.map(async (card) => {
          const [counter, checkedInCount] = await Promise.all([
            ctx.store.get('counters', counterId(card.id)),
            ctx.store.count('checkins', { activityId: card.id })
          ])
          return { ...card, signedCount: counter?.taken ?? 0, waitlistCount: counter?.waitlisted ?? 0, checkedInCount }
        })
      )
      return { items, nextCursor }
    }
  },

  'activity.staff.create': {
    run: async (ctx, fields) => {
      await assertFieldsInScope(ctx, fields)
      const id = newId('a_')
      return ctx.write(async (tx) => {
        await tx.create('activities', {
          _id: id,
          ...fieldsToDoc(fields),
          status: 'draft',
          createdBy: ctx.actor.accountId,
          createdAt: ctx.now,
          updatedAt: ctx.now
        })
        await openPool(tx, counterId(id), fields.capacity)
        return { id }
      })
    }
  },

  'activity.staff.update': {
    run: async (ctx, { id, fields }) => {
      const before = await managed(ctx, id)
      if (before.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '活动已取消，不能再修改')
      await assertFieldsInScope(ctx, fields)
      const moved =
        before.status === 'published' &&
        (before.startAt !== fields.startAt || before.endAt !== fields.endAt || before.place !== fields.place)
      const seen = moved ? await participants(ctx, id) : null
      return ctx.write(async (tx) => {
        const current = await tx.get('activities', id)
        if (!current) throw new AppError('NOT_FOUND')
        if (current.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '活动已取消，不能再修改')
        const next: ActivityDoc = { ...current, ...fieldsToDoc(fields), updatedAt: ctx.now }
        await tx.put('activities', next)
        await openPool(tx, counterId(id), current.capacity)
        let notified = 0
        if (seen) {
          const version = await touch(tx, counterId(id))
          assertSameVersion(seen.version, version)
          for (const s of seen.list) await tellChanged(tx, next, s.personId, ctx.now, version)
          notified = seen.list.length
        }
        const { promoted } = await resize(tx, activityPool(id), { capacity: fields.capacity, now: ctx.now })
        if (next.status === 'published') for (const p of promoted) await tellPromoted(tx, next, p, ctx.now)
        return { id, promoted: promoted.length, notified }
      })
    }
  },

  'activity.staff.publish': {
    run: async (ctx, { id }) => {
      const activity = await managed(ctx, id)
      if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '活动已取消，不能再发布')
      if (activity.status === 'published') return { id, status: activity.status }
      return ctx.write(async (tx) => {
        const current = await tx.get('activities', id)
        if (!current || current.status === 'cancelled')
          throw new AppError('ACTIVITY_CANCELLED', '活动已取消，不能再发布')
        await tx.update('activities', id, { status: 'published', updatedAt: ctx.now })
        return { id, status: 'published' as const }
      })
    }
  },

  'activity.staff.cancel': {
    run: async (ctx, { id, reason }) => {
      const activity = await managed(ctx, id)
      if (activity.status === 'cancelled') return { id, status: activity.status, notified: 0 }
      const seen = await participants(ctx, id)
      const why = reason.trim()
      return ctx.write(async (tx) => {
        const current = await tx.get('activities', id)
        if (!current) throw new AppError('NOT_FOUND')
        if (current.status === 'cancelled') return { id, status: current.status, notified: 0 }
        await openPool(tx, counterId(id), current.capacity)
        assertSameVersion(seen.version, await touch(tx, counterId(id)))
        const next: ActivityDoc = { ...current, status: 'cancelled', cancelReason: why || null, updatedAt: ctx.now }
        await tx.put('activities', next)
        // Drafts had nobody signed up; a published activity tells everyone holding a place or waiting.
        for (const s of seen.list) await tellCancelled(tx, next, s.personId, why, ctx.now)
        await tx.create('audit', {
          _id: newId('au_'),
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: null,
          action: 'activity.staff.cancel',
          target: `activities/${id}`,
          detail: { reason: why, notified: seen.list.length }
        })
        return { id, status: 'cancelled' as const, notified: seen.list.length }
      })
    }
  },

  'activity.staff.roster': {
    run: async (ctx, { id }) => buildRoster(ctx, await managed(ctx, id))
  },

  'activity.staff.checkinCode': {
    run: async (ctx, { id }) => {
      const activity = await managed(ctx, id)
      if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
      if (activity.status !== 'published') throw new AppError('ACTIVITY_NOT_OPEN', '活动还没发布，发布后才能出示签到码')
      const code = issueCode(ctx.secrets.tokenKey, { kind: 'activity', id }, ctx.now)
      return { token: code.token, refreshAt: code.refreshAt, serverNow: ctx.now }
    }
  },

  'activity.staff.exportAttendance': {
    run: async (ctx, { id }) => attendanceWorkbook(await buildRoster(ctx, await managed(ctx, id)), ctx.now)
  }
} satisfies Partial<HandlerTable>
