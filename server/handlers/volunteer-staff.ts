/**
 * Volunteer service (志愿服务), staff's side, scoped to their org unit: the desk, teams, volunteer activities,
 * the 银发人才库 search and the intake age limit. Shifts, their rosters and codes, attendance and hours:
 * volunteer-shifts-staff.ts.
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole } from '../core/identity'
import type { FlaggedHours, ManagedVolunteerActivity, PoolHit } from '../../types/actions/volunteer'
import { businessDay } from '../../types/time'
import type { VolunteerActivityDoc } from '../storage/schema'
import { newId } from '../domain/ids'
import { coveredUnits, loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { loadPointsRules } from '../domain/points/points-rules'
import { loadHelpSettings } from '../domain/help/help-settings'
import { settleDue } from '../domain/volunteer/attendance'
import { isSettleDue } from '../domain/volunteer/crediting'
import { shiftText } from '../domain/volunteer/hours-ledger'
import { memberId, shiftCounterId } from '../domain/volunteer/shift-pool'
import { activityCards, teamCards } from '../domain/volunteer/volunteer-view'
import { grantVolunteerRole } from '../domain/volunteer/team-access'
import { VOLUNTEER_SETTINGS_ID, ageOn, loadVolunteerSettings } from '../domain/volunteer/volunteer-settings'
import { audit, loadPerson, managedActivity } from '../domain/volunteer/staff-scope'

/** The shifts of the caller's scope whose forgotten check-outs are due, settled before staff look. */
async function settleScope(ctx: Ctx, scope: Set<string>): Promise<void> {
  const open = await ctx.store.find('shiftAttendance', { where: { checkOutAt: null }, limit: 500 })
  if (open.length === 0) return
  const shifts = await ctx.store.find('volunteerShifts', {
    where: { _id: { in: [...new Set(open.map((a) => a.shiftId))] } }
  })
  for (const s of shifts)
    if (scope.has(s.orgUnitId) && isSettleDue(s, ctx.now)) await settleDue(ctx.store, { shiftId: s._id }, ctx.now)
}

export const volunteerStaffHandlers = {
  'volunteer.staff.desk': {
    run: async (ctx) => {
      const units = await loadOrgUnits(ctx.store)
      const scope = coveredUnits(ctx.actor, units)
      await settleScope(ctx, scope)
      const [activities, teams, flaggedDocs] = await Promise.all([
        ctx.store.find('volunteerActivities', {
          where: { orgUnitId: { in: [...scope] } },
          orderBy: [['updatedAt', 'desc']],
          limit: 200
        }),
        ctx.store.find('volunteerTeams', { where: { orgUnitId: { in: [...scope] }, status: 'active' }, limit: 200 }),
        ctx.store.find('shiftAttendance', { where: { flag: 'forgot-checkout' }, limit: 500 })
      ])
      const cards = await activityCards(ctx, activities, null, units)
      const shifts = await ctx.store.find('volunteerShifts', {
        where: { activityId: { in: activities.map((a) => a._id) } },
        limit: 1000
      })
      const counters = shifts.length
        ? await ctx.store.find('counters', { where: { _id: { in: shifts.map((s) => shiftCounterId(s._id)) } } })
        : []
      const items: ManagedVolunteerActivity[] = cards.map((c) => {
        const coming = shifts.filter((s) => s.activityId === c.id && s.endAt >= ctx.now && s.status === 'open')
        const cs = coming.map((s) => counters.find((x) => x._id === shiftCounterId(s._id)))
        return {
          ...c,
          signedCount: cs.reduce((a, x) => a + (x?.taken ?? 0), 0),
          waitlistCount: cs.reduce((a, x) => a + (x?.waitlisted ?? 0), 0)
        }
      })
      // Drafts and activities with shifts to come first; finished ones after.
      const rank = (a: ManagedVolunteerActivity) => (a.status === 'draft' ? 0 : a.nextShiftAt !== null ? 1 : 2)
      items.sort((a, b) => rank(a) - rank(b) || (a.nextShiftAt ?? Infinity) - (b.nextShiftAt ?? Infinity))

      const flaggedShifts = flaggedDocs.length
        ? await ctx.store.find('volunteerShifts', {
            where: { _id: { in: [...new Set(flaggedDocs.map((f) => f.shiftId))] } }
          })
        : []
      const inScope = flaggedDocs.filter((f) =>
        scope.has(flaggedShifts.find((s) => s._id === f.shiftId)?.orgUnitId ?? '')
      )
      const [persons, flaggedActivities] = await Promise.all([
        inScope.length
          ? ctx.store.find('persons', { where: { _id: { in: inScope.map((f) => f.personId) } } })
          : Promise.resolve([]),
        inScope.length
          ? ctx.store.find('volunteerActivities', {
              where: { _id: { in: [...new Set(inScope.map((f) => f.activityId))] } }
            })
          : Promise.resolve([])
      ])
      const flagged: FlaggedHours[] = inScope.map((f) => {
        const shift = flaggedShifts.find((s) => s._id === f.shiftId)!
        const activity = flaggedActivities.find((a) => a._id === f.activityId)
        return {
          shiftId: f.shiftId,
          personId: f.personId,
          name: persons.find((p) => p._id === f.personId)?.name ?? '',
          title: activity ? shiftText(activity, shift) : '',
          day: businessDay(shift.startAt),
          creditedMinutes: f.creditedMinutes ?? 0,
          checkInAt: f.checkInAt
        }
      })
      flagged.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
      return { activities: items, teams: await teamCards(ctx, teams, null, units), flagged }
    }
  },

  'volunteer.staff.teamSave': {
    run: async (ctx, { id, fields }) => {
      await requireStaffScope(ctx.store, ctx.actor, fields.orgUnitId)
      const existing = id ? await ctx.store.get('volunteerTeams', id) : null
      if (id && !existing) throw new AppError('NOT_FOUND')
      if (existing) await requireStaffScope(ctx.store, ctx.actor, existing.orgUnitId)
      if (fields.branchId) {
        const branch = await ctx.store.get('branches', fields.branchId)
        if (!branch || branch.orgUnitId !== fields.orgUnitId)
          throw new AppError('VALIDATION', '这个党支部不属于所选的区县，请重新选择', { field: 'branchId' })
      }
      const leader = fields.leaderPersonId ? await loadPerson(ctx, fields.leaderPersonId) : null
      const leaderAccounts = leader ? await ctx.store.find('accounts', { where: { personId: leader._id } }) : []
      const teamId = existing?._id ?? newId('vt_')
      return ctx.write(async (tx) => {
        const now = ctx.now
        await tx.put('volunteerTeams', {
          _id: teamId,
          name: fields.name,
          kind: fields.kind,
          orgUnitId: fields.orgUnitId,
          branchId: fields.branchId,
          description: fields.description,
          leaderPersonId: fields.leaderPersonId,
          status: existing?.status ?? 'active',
          createdBy: existing?.createdBy ?? ctx.actor.accountId,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now
        })
        // The leader is a member with the leader's role; a former leader stays a member.
        if (existing?.leaderPersonId && existing.leaderPersonId !== fields.leaderPersonId) {
          const old = await tx.get('teamMembers', memberId(teamId, existing.leaderPersonId))
          if (old) await tx.update('teamMembers', old._id, { role: 'member', updatedAt: now })
        }
        if (leader) {
          const mid = memberId(teamId, leader._id)
          const m = await tx.get('teamMembers', mid)
          await tx.put('teamMembers', {
            _id: mid,
            teamId,
            personId: leader._id,
            status: 'member',
            role: 'leader',
            note: m?.note ?? null,
            requestedAt: m?.requestedAt ?? now,
            requestedBy: m?.requestedBy ?? ctx.actor.accountId,
            decidedAt: now,
            decidedBy: ctx.actor.accountId,
            reason: null,
            updatedAt: now
          })
          await grantVolunteerRole(
            tx,
            leaderAccounts.map((a) => a._id),
            leader._id,
            now
          )
        }
        await audit(
          ctx,
          tx,
          existing ? 'volunteer.team.update' : 'volunteer.team.create',
          `volunteerTeams/${teamId}`,
          null,
          { name: fields.name, leaderPersonId: fields.leaderPersonId }
        )
        return { id: teamId }
      })
    }
  },

  'volunteer.staff.activitySave': {
    run: async (ctx, { id, fields }) => {
      await requireStaffScope(ctx.store, ctx.actor, fields.orgUnitId)
      const existing = id ? await managedActivity(ctx, id) : null
      if (fields.teamId) {
        const team = await ctx.store.get('volunteerTeams', fields.teamId)
        if (!team || team.status !== 'active')
          throw new AppError('VALIDATION', '没有找到这支队伍，请重新选择', { field: 'teamId' })
      }
      if (fields.teamOnly && !fields.teamId)
        throw new AppError('VALIDATION', '只面向队员的活动要先选一支队伍', { field: 'teamId' })
      const shifts =
        existing && existing.orgUnitId !== fields.orgUnitId
          ? await ctx.store.find('volunteerShifts', { where: { activityId: existing._id }, limit: 1000 })
          : []
      const activityId = existing?._id ?? newId('va_')
      return ctx.write(async (tx) => {
        const doc: VolunteerActivityDoc = {
          _id: activityId,
          title: fields.title,
          serviceItem: fields.serviceItem,
          description: fields.description,
          orgUnitId: fields.orgUnitId,
          teamId: fields.teamId,
          teamOnly: fields.teamOnly,
          points: fields.points,
          contactPhone: fields.contactPhone,
          status: existing?.status ?? 'draft',
          cancelReason: existing?.cancelReason ?? null,
          createdBy: existing?.createdBy ?? ctx.actor.accountId,
          createdAt: existing?.createdAt ?? ctx.now,
          updatedAt: ctx.now
        }
        await tx.put('volunteerActivities', doc)
        // The shifts carry the unit for scope checks: they move with the activity.
        for (const s of shifts)
          await tx.update('volunteerShifts', s._id, { orgUnitId: fields.orgUnitId, updatedAt: ctx.now })
        return { id: activityId }
      })
    }
  },

  'volunteer.staff.activityPublish': {
    run: async (ctx, { id }) => {
      const activity = await managedActivity(ctx, id)
      if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '这个活动已取消，不能再发布')
      if (activity.status === 'published') return ctx.write(async () => ({ id, status: 'published' as const }))
      if ((await ctx.store.count('volunteerShifts', { activityId: id, status: 'open' })) === 0) {
        throw new AppError('VALIDATION', '请先添加至少一个班次，再发布', { field: 'shifts' })
      }
      return ctx.write(async (tx) => {
        await tx.update('volunteerActivities', id, { status: 'published', updatedAt: ctx.now })
        return { id, status: 'published' as const }
      })
    }
  },

  'volunteer.staff.searchPool': {
    run: async (ctx, { skill, orgUnitId, q, availableOnly }) => {
      const units = await loadOrgUnits(ctx.store)
      const scope = coveredUnits(ctx.actor, units)
      if (orgUnitId && !scope.has(orgUnitId)) throw new AppError('FORBIDDEN', '这个区县不归您所在的单位管理')
      const profiles = (
        await ctx.store.find('volunteerProfiles', {
          where: {
            orgUnitId: orgUnitId ? orgUnitId : { in: [...scope] },
            ...(availableOnly ? { available: true } : {})
          },
          limit: 1000
        })
      ).filter((p) => !skill || p.skills.includes(skill))
      if (profiles.length === 0) return { items: [] }
      const ids = profiles.map((p) => p._id)
      const [persons, balances, memberships, accounts] = await Promise.all([
        ctx.store.find('persons', { where: { _id: { in: ids } } }),
        ctx.store.find('hoursBalances', { where: { _id: { in: ids } } }),
        ctx.store.find('teamMembers', { where: { personId: { in: ids }, status: 'member' }, limit: 1000 }),
        ctx.store.find('accounts', { where: { personId: { in: ids } } })
      ])
      const teams = memberships.length
        ? await ctx.store.find('volunteerTeams', {
            where: { _id: { in: [...new Set(memberships.map((m) => m.teamId))] } }
          })
        : []
      const today = businessDay(ctx.now)
      const items: PoolHit[] = []
      for (const p of profiles) {
        const person = persons.find((x) => x._id === p._id)
        if (!person || (q && !person.name.includes(q))) continue
        items.push({
          personId: p._id,
          name: person.name,
          age: ageOn(person.birthDate, today),
          orgUnitName: units.find((u) => u._id === p.orgUnitId)?.name ?? '',
          skills: p.skills,
          availability: p.availability ?? '',
          available: p.available,
          updatedAt: p.updatedAt,
          teams: memberships
            .filter((m) => m.personId === p._id)
            .map((m) => teams.find((t) => t._id === m.teamId)?.name ?? '')
            .filter(Boolean),
          totalMinutes: balances.find((b) => b._id === p._id)?.minutes ?? 0,
          isVolunteer: accounts.some((a) => a.personId === p._id && a.roles.includes('volunteer'))
        })
      }
      items.sort(
        (a, b) =>
          Number(b.available) - Number(a.available) ||
          b.totalMinutes - a.totalMinutes ||
          a.name.localeCompare(b.name, 'zh')
      )
      return { items: items.slice(0, 200) }
    }
  },

  'volunteer.staff.settingsUpdate': {
    run: async (ctx, { intakeMaxAge }) => {
      const unit = ctx.actor.orgUnitId ? await ctx.store.get('orgUnits', ctx.actor.orgUnitId) : null
      if (!hasRole(ctx.actor, 'admin') && unit?.kind !== 'bureau')
        throw new AppError('FORBIDDEN', '志愿服务设置由市老干部局的工作人员修改')
      const [before, help, rules] = await Promise.all([
        loadVolunteerSettings(ctx.store),
        loadHelpSettings(ctx.store),
        loadPointsRules(ctx.store)
      ])
      return ctx.write(async (tx) => {
        await tx.put('settings', {
          _id: VOLUNTEER_SETTINGS_ID,
          value: { intakeMaxAge },
          updatedAt: ctx.now,
          updatedBy: ctx.actor.accountId
        })
        await audit(ctx, tx, 'volunteer.staff.settingsUpdate', `settings/${VOLUNTEER_SETTINGS_ID}`, null, {
          before: before.intakeMaxAge,
          after: intakeMaxAge
        })
        return { intakeMaxAge, skills: help.skills, shiftPoints: rules.volunteerShift }
      })
    }
  }
} satisfies Partial<HandlerTable>
