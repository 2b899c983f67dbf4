/**
 * Reading activities as a given person sees them: audience filtering, places left from the capacity counter,
 * and the person's own sign-up and check-in.
 */
import type { ActivityCard, ActivityDetail } from '../../../types/actions/activities'
import type { Ctx } from '../../core/context'
import { isStaff } from '../../core/identity'
import type { ActivityDoc, CounterDoc, PersonDoc } from '../../storage/schema'
import { activityPoints, loadPointsRules } from '../points/points-rules'
import { coveredUnits, loadOrgUnits } from '../org/org-scope'
import { audienceLabel, inAudience } from './audience'
import { checkinId, counterId, signupId } from './activity-pool'

export { counterId }

/** The person whose eyes we read with: the subject (self, or the elder in 代办). */
export async function viewer(ctx: Ctx): Promise<PersonDoc | null> {
  return ctx.subjectPersonId ? ctx.store.get('persons', ctx.subjectPersonId) : null
}

/** May this caller see this activity? Staff see what their scope covers; others see published ones for them. */
export function canSee(activity: ActivityDoc, person: PersonDoc | null, staffUnits: Set<string> | null): boolean {
  if (staffUnits && staffUnits.has(activity.orgUnitId)) return true
  if (activity.status === 'draft') return false
  if (!person) return activity.audience.kind === 'all'
  return inAudience(activity.audience, person)
}

export async function staffUnitsOf(ctx: Ctx): Promise<Set<string> | null> {
  if (ctx.actingFor || !isStaff(ctx.actor)) return null
  return coveredUnits(ctx.actor, await loadOrgUnits(ctx.store))
}

export async function toCards(ctx: Ctx, activities: ActivityDoc[], personId: string | null): Promise<ActivityCard[]> {
  if (activities.length === 0) return []
  const ids = activities.map((a) => a._id)
  const [counters, units, rules, signups] = await Promise.all([
    ctx.store.find('counters', { where: { _id: { in: ids.map(counterId) } } }),
    loadOrgUnits(ctx.store),
    loadPointsRules(ctx.store),
    personId ? ctx.store.find('signups', { where: { personId, activityId: { in: ids } } }) : Promise.resolve([])
  ])
  const counterById = new Map<string, CounterDoc>(counters.map((c) => [c._id, c]))
  return activities.map((a) => {
    const counter = counterById.get(counterId(a._id))
    const signup = signups.find((s) => s.activityId === a._id && s.status !== 'cancelled')
    return {
      id: a._id,
      title: a.title,
      type: a.type,
      startAt: a.startAt,
      endAt: a.endAt,
      place: a.place,
      orgUnitName: units.find((u) => u._id === a.orgUnitId)?.name ?? '',
      capacity: a.capacity,
      placesLeft: a.capacity === null ? null : Math.max(0, a.capacity - (counter?.taken ?? 0)),
      status: a.status,
      points: activityPoints(a, rules),
      mySignup: signup ? (signup.status as 'signed' | 'waitlisted') : null
    }
  })
}

/** 1 for the first in line: waitlisted sign-ups of the activity with a lower waitlist number, plus one. */
export async function waitlistPosition(
  ctx: Pick<Ctx, 'store'>,
  activityId: string,
  seq: number | null
): Promise<number | null> {
  if (seq === null) return null
  const ahead = await ctx.store.count('signups', { activityId, status: 'waitlisted', waitlistSeq: { lt: seq } })
  return ahead + 1
}

export async function toDetail(ctx: Ctx, activity: ActivityDoc, personId: string | null): Promise<ActivityDetail> {
  const [card] = await toCards(ctx, [activity], personId)
  const [units, branches, counter, checkin, signup, staffUnits] = await Promise.all([
    loadOrgUnits(ctx.store),
    ctx.store.find('branches'),
    ctx.store.get('counters', counterId(activity._id)),
    personId ? ctx.store.get('checkins', checkinId(activity._id, personId)) : Promise.resolve(null),
    personId ? ctx.store.get('signups', signupId(activity._id, personId)) : Promise.resolve(null),
    staffUnitsOf(ctx)
  ])
  return {
    ...card,
    description: activity.description,
    signupDeadline: activity.signupDeadline,
    contactPhone: activity.contactPhone,
    audience: activity.audience,
    audienceLabel: audienceLabel(activity.audience, units, branches),
    checkinOpensAt: activity.startAt - activity.checkinOpensBeforeMin * 60_000,
    allowWalkIn: activity.allowWalkIn,
    waitlistCount: counter?.waitlisted ?? 0,
    myWaitlistPosition:
      signup?.status === 'waitlisted' ? await waitlistPosition(ctx, activity._id, signup.waitlistSeq) : null,
    myCheckin: checkin ? { at: checkin.scannedAt, method: checkin.method } : null,
    cancelReason: activity.cancelReason ?? null,
    canManage: !!staffUnits?.has(activity.orgUnitId),
    orgUnitId: activity.orgUnitId,
    customPoints: activity.points,
    checkinOpensBeforeMin: activity.checkinOpensBeforeMin
  }
}
