/**
 * Recording a check-in, the same way for all three methods (the person scans staff's code; staff scan the
 * person's code; staff 代签). One check-in per person per activity: its `_id` is `<activityId>:<personId>`, and a
 * second one answers 'already' with the first time and awards nothing. The activity's points are awarded in
 * the same transaction (award, source `checkin:<activityId>`), so a check-in and its points commit
 * together or not at all.
 *
 * A person without a sign-up is a walk-in: accepted while places remain (through the capacity pool, which
 * makes a 'signed' record for them), if the activity allows walk-ins — staff 代签 may admit one either way.
 */
import type { CheckinMethod } from '../../../types/activity-types'
import type { CheckinResult } from '../../../types/actions/checkin'
import { AppError } from '../../core/app-error'
import type { Tx } from '../../storage/port'
import type { ActivityDoc, CheckinDoc, PersonDoc } from '../../storage/schema'
import { join } from '../capacity/capacity-pool'
import { inAudience } from '../activities/audience'
import { activityPool, checkinId, newSignup, signupId } from '../activities/activity-pool'
import { award } from '../points/points-ledger'
import { activityPoints, loadPointsRules } from '../points/points-rules'
import { newId } from '../ids'

export interface CheckinRequest {
  activityId: string
  person: PersonDoc
  method: CheckinMethod
  /** When the person was there (the scan time for scans; now for 代签). */
  at: number
  now: number
  actorAccountId: string
  reason: string | null
}

export function alreadyResult(activity: ActivityDoc, person: PersonDoc, prior: CheckinDoc): CheckinResult {
  return {
    result: 'already',
    activityId: activity._id,
    activityTitle: activity.title,
    personId: person._id,
    personName: person.name,
    at: prior.scannedAt,
    method: prior.method,
    points: 0,
    pointsNote: null,
    walkIn: prior.walkIn
  }
}

export function assertCheckinActivity(activity: ActivityDoc | null): asserts activity is ActivityDoc {
  if (!activity || activity.status === 'draft') throw new AppError('NOT_FOUND')
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
}

const staffSide = (m: CheckinMethod) => m !== 'scan'

/** Only people in the activity's audience may check in; the refusal speaks of 签到, not 报名. */
export function assertCheckinAudience(activity: ActivityDoc, person: PersonDoc, method: CheckinMethod): void {
  if (inAudience(activity.audience, person)) return
  throw new AppError(
    'NOT_IN_AUDIENCE',
    staffSide(method)
      ? `${person.name}不在这个活动的参加范围内，不能签到`
      : '这个活动只面向特定人员，您不在范围内，不能签到。如有疑问，请问现场工作人员'
  )
}

export async function recordCheckin(tx: Tx, req: CheckinRequest): Promise<CheckinResult> {
  const activity = await tx.get('activities', req.activityId)
  assertCheckinActivity(activity)
  const { person } = req
  const _id = checkinId(activity._id, person._id)
  const prior = await tx.get('checkins', _id)
  if (prior) return alreadyResult(activity, person, prior)

  const signup = await tx.get('signups', signupId(activity._id, person._id))
  let walkIn = false
  if (signup?.status !== 'signed') {
    if (signup?.status === 'waitlisted') {
      throw new AppError(
        'STILL_WAITLISTED',
        staffSide(req.method) ? `${person.name}还在候补名单上，名额已满。如确需参加，请先增加名额` : undefined
      )
    }
    if (!staffSide(req.method) && !activity.allowWalkIn) {
      throw new AppError('NOT_SIGNED_UP', '您没有报名这个活动，这个活动不能现场报名，请找工作人员')
    }
    const taken = await join(tx, activityPool(activity._id), {
      holderId: signupId(activity._id, person._id),
      now: req.now,
      waitlist: false,
      create: newSignup(activity._id, person._id, req.actorAccountId, req.now),
      patch: { actorAccountId: req.actorAccountId }
    })
    if (taken.outcome === 'full') {
      throw new AppError(
        'NO_PLACES_LEFT',
        staffSide(req.method)
          ? `名额已满，${person.name}没有报名，不能代签。如确需参加，请先点「修改活动」把名额改大（增加名额），再代签`
          : '名额已满，不能现场报名了，请找现场工作人员'
      )
    }
    walkIn = true
  }

  await tx.create('checkins', {
    _id,
    activityId: activity._id,
    personId: person._id,
    method: req.method,
    at: req.now,
    scannedAt: req.at,
    actorAccountId: req.actorAccountId,
    reason: req.reason,
    walkIn
  })
  const rules = await loadPointsRules(tx)
  const amount = activityPoints(activity, rules)
  const awarded =
    amount <= 0
      ? null
      : await award(tx, {
          personId: person._id,
          amount,
          rules,
          reason: `参加「${activity.title}」`,
          source: { kind: 'checkin', id: activity._id },
          actorAccountId: req.actorAccountId,
          at: req.at
        })
  if (staffSide(req.method)) {
    await tx.create('audit', {
      _id: newId('au_'),
      at: req.now,
      actorAccountId: req.actorAccountId,
      subjectPersonId: person._id,
      action: req.method === 'proxy' ? 'checkin.staff.proxy' : 'checkin.staff.scan',
      target: `checkins/${_id}`,
      detail: { activityId: activity._id, reason: req.reason, walkIn }
    })
  }
  return {
    result: 'checked-in',
    activityId: activity._id,
    activityTitle: activity.title,
    personId: person._id,
    personName: person.name,
    at: req.at,
    method: req.method,
    points: awarded?.amount ?? 0,
    pointsNote: awarded?.note ?? null,
    walkIn
  }
}
