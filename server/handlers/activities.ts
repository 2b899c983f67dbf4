import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { addDays, businessDay, startOfBusinessDay } from '../../types/time'
import { canSee, staffUnitsOf, toCards, toDetail, viewer } from '../domain/activities/activity-view'

export const activityHandlers = {
  'activity.list': {
    run: async (ctx, input) => {
      const from = input.from ?? businessDay(ctx.now)
      const to = input.to
      const [person, staffUnits] = await Promise.all([viewer(ctx), staffUnitsOf(ctx)])
      const rows = await ctx.store.find('activities', {
        where: {
          startAt: to
            ? { gte: startOfBusinessDay(from), lt: startOfBusinessDay(addDays(to, 1)) }
            : { gte: startOfBusinessDay(from) },
          status: staffUnits ? { in: ['published', 'draft', 'cancelled'] } : { in: ['published', 'cancelled'] },
          ...(input.type ? { type: input.type } : {})
        },
        orderBy: [['startAt', 'asc']],
        limit: 500
      })
      const visible = rows.filter((a) => canSee(a, person, staffUnits))
      const offset = input.cursor ? Number.parseInt(input.cursor, 36) || 0 : 0
      const page = visible.slice(offset, offset + input.limit)
      const next = offset + input.limit < visible.length ? (offset + input.limit).toString(36) : null
      return { items: await toCards(ctx, page, person?._id ?? null), nextCursor: next }
    }
  },

  'activity.get': {
    run: async (ctx, { id }) => {
      const activity = await ctx.store.get('activities', id)
      const [person, staffUnits] = await Promise.all([viewer(ctx), staffUnitsOf(ctx)])
      if (!activity || !canSee(activity, person, staffUnits)) throw new AppError('NOT_FOUND')
      return toDetail(ctx, activity, person?._id ?? null)
    }
  }
} satisfies Partial<HandlerTable>
