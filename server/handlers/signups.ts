import type { HandlerTable } from '../core/context'
import type { Ctx } from '../core/context'
import { AppError } from '../core/app-error'
import type { MySignup } from '../../types/actions/signups'
import { join, leave } from '../domain/capacity/capacity-pool'
import { activityPool, checkinId, newSignup, signupId } from '../domain/activities/activity-pool'
import { assertCancelOpen, assertSignupOpen } from '../domain/activities/signup-rules'
import { tellPromoted } from '../domain/activities/activity-notices'
import { toCards, waitlistPosition } from '../domain/activities/activity-view'

/** The person a sign-up is for: oneself, or the elder while acting for them (代办). */
async function subject(ctx: Ctx) {
  if (!ctx.subjectPersonId) throw new AppError('FORBIDDEN', '报名需要老同志本人的账号；家属请先在「我的」里为长辈代办')
  const person = await ctx.store.get('persons', ctx.subjectPersonId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

export const signupHandlers = {
  'signup.create': {
    run: async (ctx, { activityId }) => {
      const person = await subject(ctx)
      assertSignupOpen(await ctx.store.get('activities', activityId), person, ctx.now)
      return ctx.write(async (tx) => {
        // Again inside the transaction: the activity may have been cancelled or closed meanwhile.
        assertSignupOpen(await tx.get('activities', activityId), person, ctx.now)
        const r = await join(tx, activityPool(activityId), {
          holderId: signupId(activityId, person._id),
          now: ctx.now,
          waitlist: true,
          create: newSignup(activityId, person._id, ctx.actor.accountId, ctx.now),
          patch: { actorAccountId: ctx.actor.accountId }
        })
        return {
          activityId,
          status: r.holder!.status,
          already: r.outcome === 'already-signed' || r.outcome === 'already-waitlisted',
          waitlistPosition: r.waitlistPosition
        }
      })
    }
  },

  'signup.cancel': {
    run: async (ctx, { activityId }) => {
      const person = await subject(ctx)
      const activity = await ctx.store.get('activities', activityId)
      assertCancelOpen(activity, ctx.now)
      if (await ctx.store.get('checkins', checkinId(activityId, person._id))) {
        throw new AppError('ALREADY_DONE', '您已经签到了，不能再取消报名')
      }
      return ctx.write(async (tx) => {
        const current = await tx.get('activities', activityId)
        assertCancelOpen(current, ctx.now)
        const r = await leave(tx, activityPool(activityId), {
          holderId: signupId(activityId, person._id),
          now: ctx.now,
          patch: { actorAccountId: ctx.actor.accountId }
        })
        for (const promoted of r.promoted) await tellPromoted(tx, current, promoted, ctx.now)
        return { activityId, status: 'cancelled' as const, already: r.outcome === 'not-held', waitlistPosition: null }
      })
    }
  },

  'signup.mine': {
    run: async (ctx) => {
      if (!ctx.subjectPersonId) return { items: [] }
      const personId = ctx.subjectPersonId
      const signups = await ctx.store.find('signups', {
        where: { personId },
        orderBy: [['createdAt', 'desc']],
        limit: 300
      })
      if (signups.length === 0) return { items: [] }
      const ids = signups.map((s) => s.activityId)
      const [activities, checkins] = await Promise.all([
        ctx.store.find('activities', { where: { _id: { in: ids } } }),
        ctx.store.find('checkins', { where: { personId, activityId: { in: ids } } })
      ])
      const visible = activities.filter((a) => a.status !== 'draft').sort((a, b) => b.startAt - a.startAt)
      const cards = await toCards(ctx, visible, personId)
      const items: MySignup[] = []
      for (const card of cards) {
        const s = signups.find((x) => x.activityId === card.id)!
        const c = checkins.find((x) => x.activityId === card.id)
        items.push({
          activity: card,
          status: s.status,
          waitlistPosition: s.status === 'waitlisted' ? await waitlistPosition(ctx, card.id, s.waitlistSeq) : null,
          signedUpAt: s.updatedAt,
          checkin: c ? { at: c.scannedAt, method: c.method } : null
        })
      }
      return { items }
    }
  }
} satisfies Partial<HandlerTable>
