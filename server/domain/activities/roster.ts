/** An activity's sign-up and attendance list, as staff see it (names, no contact details). */
import type { ActivityRoster, RosterEntry } from '../../../types/actions/activities'
import type { Ctx } from '../../core/context'
import type { ActivityDoc } from '../../storage/schema'
import { loadOrgUnits } from '../org/org-scope'
import { OFFLINE_AFTER_MS } from '../checkin/scan-claim'
import { toDetail } from './activity-view'

export async function buildRoster(ctx: Ctx, activity: ActivityDoc): Promise<ActivityRoster> {
  const [detail, signups, checkins, units, branches] = await Promise.all([
    toDetail(ctx, activity, null),
    ctx.store.find('signups', { where: { activityId: activity._id }, limit: 1000 }),
    ctx.store.find('checkins', { where: { activityId: activity._id }, limit: 1000 }),
    loadOrgUnits(ctx.store),
    ctx.store.find('branches')
  ])
  const personIds = [...new Set([...signups.map((s) => s.personId), ...checkins.map((c) => c.personId)])]
  const actorIds = [...new Set([...signups.map((s) => s.actorAccountId), ...checkins.map((c) => c.actorAccountId)])]
  const [persons, actors] = await Promise.all([
    personIds.length ? ctx.store.find('persons', { where: { _id: { in: personIds } } }) : Promise.resolve([]),
    actorIds.length ? ctx.store.find('accounts', { where: { _id: { in: actorIds } } }) : Promise.resolve([])
  ])
  const personById = new Map(persons.map((p) => [p._id, p]))
  const actorById = new Map(actors.map((a) => [a._id, a]))
  /** Who pressed the button, unless it was the person themselves. */
  const by = (accountId: string, personId: string) => {
    const a = actorById.get(accountId)
    return a && a.personId !== personId ? a.displayName : null
  }
  const waitlisted = signups
    .filter((s) => s.status === 'waitlisted')
    .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))

  const entries: RosterEntry[] = signups.map((s) => {
    const p = personById.get(s.personId)
    const c = checkins.find((x) => x.personId === s.personId)
    return {
      personId: s.personId,
      name: p?.name ?? '（已移出名册）',
      orgUnitName: units.find((u) => u._id === p?.orgUnitId)?.name ?? '',
      branchName: branches.find((b) => b._id === p?.branchId)?.name ?? null,
      signup: s.status,
      waitlistPosition: s.status === 'waitlisted' ? waitlisted.indexOf(s) + 1 : null,
      signedUpAt: s.createdAt,
      signedUpBy: by(s.actorAccountId, s.personId),
      checkin: c
        ? {
            at: c.scannedAt,
            method: c.method,
            walkIn: c.walkIn,
            offline: c.at - c.scannedAt > OFFLINE_AFTER_MS,
            reason: c.reason,
            by: by(c.actorAccountId, c.personId)
          }
        : null
    }
  })
  // Checked in first (by time), then signed up, then the waitlist in order, then cancellations.
  const rank = (e: RosterEntry) => (e.checkin ? 0 : e.signup === 'signed' ? 1 : e.signup === 'waitlisted' ? 2 : 3)
  entries.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.checkin?.at ?? 0) - (b.checkin?.at ?? 0) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.signedUpAt - b.signedUpAt
  )
  return {
    activity: detail,
    signedCount: signups.filter((s) => s.status === 'signed').length,
    waitlistCount: waitlisted.length,
    checkedInCount: checkins.length,
    entries
  }
}
