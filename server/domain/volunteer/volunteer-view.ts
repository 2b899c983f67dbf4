/**
 * Reading the volunteer service as a given person sees it: shifts with places left (from the pool's counter),
 * the reader's own sign-up, waitlist position and attendance; activity and team cards.
 */
import type {
  MyAttendance,
  ShiftCard,
  TeamCard,
  VolunteerActivityCard,
  VolunteerActivityDetail
} from '../../../types/actions/volunteer'
import { hoursText } from '../../../types/volunteer-rules'
import type { Ctx } from '../../core/context'
import { isStaff } from '../../core/identity'
import type {
  CounterDoc,
  OrgUnitDoc,
  ShiftAttendanceDoc,
  ShiftSignupDoc,
  TeamMemberDoc,
  VolunteerActivityDoc,
  VolunteerShiftDoc,
  VolunteerTeamDoc
} from '../../storage/schema'
import { coveredUnits, loadOrgUnits } from '../org/org-scope'
import { loadPointsRules } from '../points/points-rules'
import { creditFor } from './crediting'
import { shiftPoints } from './hours-ledger'
import { memberId, shiftCounterId } from './shift-pool'

/** The org units the caller manages as staff (null when not staff, or while acting for an elder). */
export async function staffScope(ctx: Ctx, units?: OrgUnitDoc[]): Promise<Set<string> | null> {
  if (ctx.actingFor || !isStaff(ctx.actor)) return null
  return coveredUnits(ctx.actor, units ?? (await loadOrgUnits(ctx.store)))
}

export function attendanceView(
  shift: Pick<VolunteerShiftDoc, 'startAt' | 'endAt'>,
  a: ShiftAttendanceDoc
): MyAttendance {
  const done = a.checkOutAt !== null
  const credit = done ? creditFor(shift, a.checkInAt, a.checkOutMethod === 'auto' ? null : a.checkOutAt) : null
  const notes = [...(credit?.notes ?? [])]
  if (credit && a.creditedMinutes !== null && a.creditedMinutes !== credit.minutes)
    notes.push(`工作人员更正为 ${hoursText(a.creditedMinutes)}`)
  if (a.flag) notes.push('等工作人员核对')
  else if (a.checkOutMethod === 'auto' && a.flagClearedBy) notes.push('工作人员已核对')
  return {
    checkInAt: a.checkInAt,
    checkInMethod: a.checkInMethod,
    checkOutAt: a.checkOutAt,
    checkOutMethod: a.checkOutMethod,
    creditedMinutes: a.creditedMinutes,
    notes,
    flagged: a.flag !== null
  }
}

/** 1 for the first in line: waitlisted sign-ups of the shift with a lower number, plus one. */
export async function shiftWaitlistPosition(
  ctx: Pick<Ctx, 'store'>,
  shiftId: string,
  seq: number | null
): Promise<number | null> {
  if (seq === null) return null
  return (await ctx.store.count('shiftSignups', { shiftId, status: 'waitlisted', waitlistSeq: { lt: seq } })) + 1
}

const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((d) => [d._id, d]))

export async function shiftCards(
  ctx: Ctx,
  shifts: VolunteerShiftDoc[],
  personId: string | null,
  units?: OrgUnitDoc[]
): Promise<ShiftCard[]> {
  if (shifts.length === 0) return []
  const ids = shifts.map((s) => s._id)
  const activityIds = [...new Set(shifts.map((s) => s.activityId))]
  const [counters, activities, allUnits, signups, attendance] = await Promise.all([
    ctx.store.find('counters', { where: { _id: { in: ids.map(shiftCounterId) } } }),
    ctx.store.find('volunteerActivities', { where: { _id: { in: activityIds } } }),
    units ? Promise.resolve(units) : loadOrgUnits(ctx.store),
    personId
      ? ctx.store.find('shiftSignups', { where: { personId, shiftId: { in: ids } } })
      : Promise.resolve([] as ShiftSignupDoc[]),
    personId
      ? ctx.store.find('shiftAttendance', { where: { personId, shiftId: { in: ids } } })
      : Promise.resolve([] as ShiftAttendanceDoc[])
  ])
  const teamIds = [...new Set(activities.map((a) => a.teamId).filter((t): t is string => !!t))]
  const teams = teamIds.length ? await ctx.store.find('volunteerTeams', { where: { _id: { in: teamIds } } }) : []
  const counterById = byId<CounterDoc>(counters)
  const activityById = byId(activities)
  const out: ShiftCard[] = []
  for (const s of shifts) {
    const counter = counterById.get(shiftCounterId(s._id))
    const activity = activityById.get(s.activityId)
    const signup = signups.find((x) => x.shiftId === s._id)
    const att = attendance.find((x) => x.shiftId === s._id)
    const team = activity?.teamId ? teams.find((t) => t._id === activity.teamId) : undefined
    out.push({
      id: s._id,
      activityId: s.activityId,
      activityTitle: activity?.title ?? '',
      label: s.label,
      startAt: s.startAt,
      endAt: s.endAt,
      place: s.place,
      capacity: s.capacity,
      placesLeft: s.capacity === null ? null : Math.max(0, s.capacity - (counter?.taken ?? 0)),
      waitlistCount: counter?.waitlisted ?? 0,
      skills: s.skills,
      status: activity?.status === 'cancelled' ? 'cancelled' : s.status,
      orgUnitName: allUnits.find((u) => u._id === s.orgUnitId)?.name ?? '',
      teamName: team?.name ?? null,
      mySignup: signup ? signup.status : null,
      myWaitlistPosition:
        signup?.status === 'waitlisted' ? await shiftWaitlistPosition(ctx, s._id, signup.waitlistSeq) : null,
      myAttendance: att ? attendanceView(s, att) : null
    })
  }
  return out
}

/** Cards of volunteer activities: their shifts still to come, places open, and whether the reader is in one. */
export async function activityCards(
  ctx: Ctx,
  activities: VolunteerActivityDoc[],
  personId: string | null,
  units?: OrgUnitDoc[]
): Promise<VolunteerActivityCard[]> {
  if (activities.length === 0) return []
  const ids = activities.map((a) => a._id)
  const [shifts, allUnits, mine] = await Promise.all([
    ctx.store.find('volunteerShifts', {
      where: { activityId: { in: ids } },
      orderBy: [['startAt', 'asc']],
      limit: 1000
    }),
    units ? Promise.resolve(units) : loadOrgUnits(ctx.store),
    personId
      ? ctx.store.find('shiftSignups', {
          where: { personId, activityId: { in: ids }, status: { in: ['signed', 'waitlisted'] } }
        })
      : Promise.resolve([] as ShiftSignupDoc[])
  ])
  const teamIds = [...new Set(activities.map((a) => a.teamId).filter((t): t is string => !!t))]
  const [teams, counters] = await Promise.all([
    teamIds.length
      ? ctx.store.find('volunteerTeams', { where: { _id: { in: teamIds } } })
      : Promise.resolve([] as VolunteerTeamDoc[]),
    shifts.length
      ? ctx.store.find('counters', { where: { _id: { in: shifts.map((s) => shiftCounterId(s._id)) } } })
      : Promise.resolve([] as CounterDoc[])
  ])
  return activities.map((a) => {
    const coming = shifts.filter((s) => s.activityId === a._id && s.status === 'open' && s.endAt >= ctx.now)
    let openPlaces: number | null = 0
    for (const s of coming) {
      if (s.capacity === null || openPlaces === null) {
        openPlaces = null
        continue
      }
      openPlaces += Math.max(0, s.capacity - (counters.find((c) => c._id === shiftCounterId(s._id))?.taken ?? 0))
    }
    return {
      id: a._id,
      title: a.title,
      serviceItem: a.serviceItem,
      orgUnitName: allUnits.find((u) => u._id === a.orgUnitId)?.name ?? '',
      teamId: a.teamId,
      teamName: teams.find((t) => t._id === a.teamId)?.name ?? null,
      teamOnly: a.teamOnly,
      status: a.status,
      nextShiftAt: coming[0]?.startAt ?? null,
      shiftCount: coming.length,
      openPlaces: coming.length ? openPlaces : 0,
      // Holding a place (or waiting) in a shift still to come; past shifts served are not "signed up".
      mine: mine.some((m) => coming.some((s) => s._id === m.shiftId))
    }
  })
}

export async function activityDetail(
  ctx: Ctx,
  a: VolunteerActivityDoc,
  personId: string | null
): Promise<VolunteerActivityDetail> {
  const units = await loadOrgUnits(ctx.store)
  const [[card], shifts, rules, scope, member] = await Promise.all([
    activityCards(ctx, [a], personId, units),
    ctx.store.find('volunteerShifts', { where: { activityId: a._id }, orderBy: [['startAt', 'asc']], limit: 200 }),
    loadPointsRules(ctx.store),
    staffScope(ctx, units),
    personId && a.teamId ? ctx.store.get('teamMembers', memberId(a.teamId, personId)) : Promise.resolve(null)
  ])
  const canManage = !!scope?.has(a.orgUnitId)
  // Readers see the shifts still to come and those they were part of; staff see all.
  const cards = await shiftCards(ctx, shifts, personId, units)
  const visible = canManage ? cards : cards.filter((c) => c.endAt >= ctx.now || c.mySignup || c.myAttendance)
  let signupBlock: string | null = null
  if (!personId) signupBlock = '报名要用老同志本人的账号；家属请先在「我的长辈」里选择为哪位长辈代办'
  else if (a.teamOnly && a.teamId && member?.status !== 'member')
    signupBlock = `这个活动只面向「${card.teamName ?? '本队'}」的队员，请先申请加入`
  return {
    ...card,
    description: a.description,
    orgUnitId: a.orgUnitId,
    contactPhone: a.contactPhone,
    points: shiftPoints(a, rules),
    customPoints: a.points,
    cancelReason: a.cancelReason,
    shifts: visible,
    canManage,
    signupBlock
  }
}

export async function teamCards(
  ctx: Ctx,
  teams: VolunteerTeamDoc[],
  personId: string | null,
  units?: OrgUnitDoc[]
): Promise<TeamCard[]> {
  if (teams.length === 0) return []
  const ids = teams.map((t) => t._id)
  const [members, allUnits, scope] = await Promise.all([
    ctx.store.find('teamMembers', {
      where: { teamId: { in: ids }, status: { in: ['member', 'pending'] } },
      limit: 1000
    }),
    units ? Promise.resolve(units) : loadOrgUnits(ctx.store),
    staffScope(ctx, units)
  ])
  const mine = personId
    ? await ctx.store.find('teamMembers', { where: { personId, teamId: { in: ids } } })
    : ([] as TeamMemberDoc[])
  const leaderIds = [...new Set(teams.map((t) => t.leaderPersonId).filter((p): p is string => !!p))]
  const leaders = leaderIds.length ? await ctx.store.find('persons', { where: { _id: { in: leaderIds } } }) : []
  return teams.map((t) => {
    const manage =
      !!scope?.has(t.orgUnitId) || (!ctx.actingFor && !!ctx.actor.personId && ctx.actor.personId === t.leaderPersonId)
    return {
      id: t._id,
      name: t.name,
      kind: t.kind,
      orgUnitName: allUnits.find((u) => u._id === t.orgUnitId)?.name ?? '',
      description: t.description,
      leaderName: leaders.find((p) => p._id === t.leaderPersonId)?.name ?? null,
      memberCount: members.filter((m) => m.teamId === t._id && m.status === 'member').length,
      myStatus: mine.find((m) => m.teamId === t._id)?.status ?? null,
      pendingCount: manage ? members.filter((m) => m.teamId === t._id && m.status === 'pending').length : null,
      status: t.status
    }
  })
}
