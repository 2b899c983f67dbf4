import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import type { CheckinMethod } from '../../types/activity-types'
import type { ActivityDoc, PersonDoc } from '../storage/schema'
import { checkinId } from '../domain/activities/activity-pool'
import { assertInWindow } from '../domain/checkin/checkin-window'
import { resolveScan } from '../domain/checkin/scan-claim'
import {
  alreadyResult,
  assertCheckinActivity,
  assertCheckinAudience,
  recordCheckin
} from '../domain/checkin/record-checkin'
import { requireStaffScope } from '../domain/org/org-scope'
import { issueCode } from '../domain/tokens/rotating-code'

async function loadPerson(ctx: Ctx, personId: string): Promise<PersonDoc> {
  const person = await ctx.store.get('persons', personId)
  if (!person) throw new AppError('NOT_FOUND', '没有找到这位老同志，请核对后再试')
  return person
}

/** The checks every method shares, then the one transaction. A repeat answers 已签到 without writing. */
async function checkIn(
  ctx: Ctx,
  activity: ActivityDoc,
  person: PersonDoc,
  method: CheckinMethod,
  at: number,
  reason: string | null
) {
  const prior = await ctx.store.get('checkins', checkinId(activity._id, person._id))
  if (prior) return alreadyResult(activity, person, prior)
  assertCheckinAudience(activity, person, method)
  assertInWindow(activity, at, method, ctx.now)
  return ctx.write((tx) =>
    recordCheckin(tx, {
      activityId: activity._id,
      person,
      method,
      at,
      now: ctx.now,
      actorAccountId: ctx.actor.accountId,
      reason
    })
  )
}

export const checkinHandlers = {
  'checkin.scan': {
    run: async (ctx, { token, scannedAt }) => {
      if (!ctx.actor.personId) throw new AppError('FORBIDDEN', '签到要用老同志本人的微信扫码')
      const scan = resolveScan(ctx.secrets.tokenKey, token, 'activity', ctx.now, scannedAt)
      const activity = await ctx.store.get('activities', scan.target.id)
      assertCheckinActivity(activity)
      return checkIn(ctx, activity, await loadPerson(ctx, ctx.actor.personId), 'scan', scan.at, null)
    }
  },

  'checkin.staff.scan': {
    run: async (ctx, { activityId, token, scannedAt }) => {
      const activity = await ctx.store.get('activities', activityId)
      assertCheckinActivity(activity)
      await requireStaffScope(ctx.store, ctx.actor, activity.orgUnitId)
      const scan = resolveScan(ctx.secrets.tokenKey, token, 'person', ctx.now, scannedAt)
      return checkIn(ctx, activity, await loadPerson(ctx, scan.target.id), 'staff-scan', scan.at, null)
    }
  },

  'checkin.staff.proxy': {
    run: async (ctx, { activityId, personId, reason }) => {
      const why = reason.trim()
      if (why.length < 2) throw new AppError('REASON_REQUIRED', '代签要写明原因，例如「本人到场，不会用手机」')
      const activity = await ctx.store.get('activities', activityId)
      assertCheckinActivity(activity)
      await requireStaffScope(ctx.store, ctx.actor, activity.orgUnitId)
      return checkIn(ctx, activity, await loadPerson(ctx, personId), 'proxy', ctx.now, why)
    }
  },

  'checkin.myCode': {
    run: async (ctx) => {
      if (!ctx.actor.personId) throw new AppError('FORBIDDEN', '签到码只有老同志本人的账号才有')
      const person = await loadPerson(ctx, ctx.actor.personId)
      const code = issueCode(ctx.secrets.tokenKey, { kind: 'person', id: person._id }, ctx.now)
      return { token: code.token, refreshAt: code.refreshAt, serverNow: ctx.now, personName: person.name }
    }
  }
} satisfies Partial<HandlerTable>
