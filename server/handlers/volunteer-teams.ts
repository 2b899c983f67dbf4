/**
 * Volunteer teams (志愿服务队) and the 银发人才库 profile: browse teams, ask to join, leave; leaders (and staff)
 * decide on requests; the caller's own skills profile and the intake age limit. Viewing and team requests may be
 * done for a bound elder (代办); the skills profile is in person only (see `proxy` in types/actions/volunteer.ts).
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import type { ProfilePage, TeamMemberView } from '../../types/actions/volunteer'
import { businessDay } from '../../types/time'
import type { PersonDoc, TeamMemberDoc, VolunteerProfileDoc } from '../storage/schema'
import { loadOrgUnits } from '../domain/org/org-scope'
import { loadPointsRules } from '../domain/points/points-rules'
import { loadHelpSettings } from '../domain/help/help-settings'
import { sendMessage } from '../domain/messages/inbox'
import { memberId } from '../domain/volunteer/shift-pool'
import { shiftCards, teamCards } from '../domain/volunteer/volunteer-view'
import { tellTeamDecision } from '../domain/volunteer/volunteer-notices'
import { canManageTeam, grantVolunteerRole, requireTeamManager } from '../domain/volunteer/team-access'
import { ageOn, intakeRefusal, loadVolunteerSettings } from '../domain/volunteer/volunteer-settings'
import { self, subject } from '../domain/volunteer/volunteer-subject'

async function loadTeam(ctx: Ctx, id: string) {
  const team = await ctx.store.get('volunteerTeams', id)
  if (!team) throw new AppError('NOT_FOUND', '没有找到这支队伍，请刷新后再看')
  return team
}

function memberView(
  m: TeamMemberDoc,
  persons: PersonDoc[],
  unitName: (id: string) => string,
  minutes: Map<string, number> | null
): TeamMemberView {
  const p = persons.find((x) => x._id === m.personId)
  return {
    personId: m.personId,
    name: p?.name ?? '',
    role: m.role,
    status: m.status,
    orgUnitName: p ? unitName(p.orgUnitId) : '',
    minutes: minutes ? (minutes.get(m.personId) ?? 0) : null,
    requestedAt: m.requestedAt,
    note: m.note
  }
}

async function profilePage(ctx: Ctx, person: PersonDoc, profile: VolunteerProfileDoc | null): Promise<ProfilePage> {
  const [settings, help, units] = await Promise.all([
    loadVolunteerSettings(ctx.store),
    loadHelpSettings(ctx.store),
    loadOrgUnits(ctx.store)
  ])
  const age = ageOn(person.birthDate, businessDay(ctx.now))
  const refusal = profile ? null : intakeRefusal(age, settings)
  return {
    profile: profile
      ? {
          personId: person._id,
          name: person.name,
          age,
          orgUnitName: units.find((u) => u._id === profile.orgUnitId)?.name ?? '',
          skills: profile.skills,
          availability: profile.availability ?? '',
          available: profile.available,
          updatedAt: profile.updatedAt
        }
      : null,
    skillOptions: help.skills,
    intakeMaxAge: settings.intakeMaxAge,
    age,
    eligible: refusal === null,
    refusal
  }
}

export const volunteerTeamHandlers = {
  'volunteer.teams': {
    run: async (ctx) => {
      const person = ctx.subjectPersonId ? await ctx.store.get('persons', ctx.subjectPersonId) : null
      const teams = await ctx.store.find('volunteerTeams', { where: { status: 'active' }, limit: 500 })
      // The reader's own county first, then the bureau's, then the rest.
      const rank = (orgUnitId: string) =>
        orgUnitId === person?.orgUnitId ? 0 : orgUnitId === ctx.actor.orgUnitId ? 0 : 1
      teams.sort((a, b) => rank(a.orgUnitId) - rank(b.orgUnitId) || a.name.localeCompare(b.name, 'zh'))
      return { items: await teamCards(ctx, teams, person?._id ?? null) }
    }
  },

  'volunteer.team': {
    run: async (ctx, { id }) => {
      const team = await loadTeam(ctx, id)
      const units = await loadOrgUnits(ctx.store)
      const personId = ctx.subjectPersonId
      const [[card], canManage, records, activities] = await Promise.all([
        teamCards(ctx, [team], personId, units),
        canManageTeam(ctx, team),
        ctx.store.find('teamMembers', { where: { teamId: id, status: { in: ['member', 'pending'] } }, limit: 1000 }),
        ctx.store.find('volunteerActivities', { where: { teamId: id, status: 'published' }, limit: 200 })
      ])
      const persons = records.length
        ? await ctx.store.find('persons', { where: { _id: { in: records.map((r) => r.personId) } } })
        : []
      const balances =
        canManage && records.length
          ? await ctx.store.find('hoursBalances', { where: { _id: { in: records.map((r) => r.personId) } } })
          : []
      const minutes = canManage ? new Map(balances.map((b) => [b._id, b.minutes])) : null
      const unitName = (uid: string) => units.find((u) => u._id === uid)?.name ?? ''
      const shifts = activities.length
        ? await ctx.store.find('volunteerShifts', {
            where: {
              activityId: { in: activities.map((a) => a._id) },
              status: 'open',
              startAt: { gte: ctx.now - 12 * 3600_000 }
            },
            orderBy: [['startAt', 'asc']],
            limit: 20
          })
        : []
      const members = records
        .filter((r) => r.status === 'member')
        .map((r) => memberView(r, persons, unitName, minutes))
        .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'zh') : a.role === 'leader' ? -1 : 1))
      return {
        ...card,
        orgUnitId: team.orgUnitId,
        branchId: team.branchId,
        leaderPersonId: team.leaderPersonId,
        members,
        requests: canManage
          ? records.filter((r) => r.status === 'pending').map((r) => memberView(r, persons, unitName, minutes))
          : [],
        upcoming: (await shiftCards(ctx, shifts, personId, units)).filter((s) => s.endAt >= ctx.now),
        canManage
      }
    }
  },

  'volunteer.joinTeam': {
    run: async (ctx, { teamId, note }) => {
      const person = await subject(ctx)
      const team = await loadTeam(ctx, teamId)
      if (team.status !== 'active') throw new AppError('ILLEGAL_TRANSITION', '这支队伍已经停止招募了')
      const id = memberId(teamId, person._id)
      return ctx.write(async (tx) => {
        const existing = await tx.get('teamMembers', id)
        if (existing?.status === 'member' || existing?.status === 'pending')
          return { teamId, status: existing.status, already: true }
        await tx.put('teamMembers', {
          _id: id,
          teamId,
          personId: person._id,
          status: 'pending',
          role: existing?.role ?? 'member',
          note: note || null,
          requestedAt: ctx.now,
          requestedBy: ctx.actor.accountId,
          decidedAt: null,
          decidedBy: null,
          reason: null,
          updatedAt: ctx.now
        })
        if (team.leaderPersonId && team.leaderPersonId !== person._id) {
          await sendMessage(tx, {
            id: `team-request:${id}:${ctx.now}`,
            toPersonId: team.leaderPersonId,
            title: `入队申请：${person.name}`,
            body: `${person.name}申请加入「${team.name}」，请在队伍页面审核。`,
            link: `/packages/volunteer/team/index?id=${encodeURIComponent(teamId)}`,
            at: ctx.now
          })
        }
        return { teamId, status: 'pending' as const, already: false }
      })
    }
  },

  'volunteer.leaveTeam': {
    run: async (ctx, { teamId }) => {
      const person = await subject(ctx)
      const team = await loadTeam(ctx, teamId)
      if (team.leaderPersonId === person._id)
        throw new AppError('ILLEGAL_TRANSITION', '您是队长，退出前请先请工作人员更换队长')
      const id = memberId(teamId, person._id)
      return ctx.write(async (tx) => {
        const existing = await tx.get('teamMembers', id)
        if (!existing || (existing.status !== 'member' && existing.status !== 'pending'))
          return { teamId, status: existing?.status ?? ('left' as const), already: true }
        await tx.update('teamMembers', id, {
          status: 'left',
          updatedAt: ctx.now,
          decidedAt: ctx.now,
          decidedBy: ctx.actor.accountId
        })
        return { teamId, status: 'left' as const, already: false }
      })
    }
  },

  'volunteer.decideJoin': {
    run: async (ctx, { teamId, personId, approve, reason }) => {
      const team = await loadTeam(ctx, teamId)
      await requireTeamManager(ctx, team)
      const why = reason.trim()
      if (!approve && why.length < 2) throw new AppError('REASON_REQUIRED', '不通过要写明原因，会告诉申请人')
      const accounts = approve ? await ctx.store.find('accounts', { where: { personId } }) : []
      const id = memberId(teamId, personId)
      return ctx.write(async (tx) => {
        const m = await tx.get('teamMembers', id)
        if (!m) throw new AppError('NOT_FOUND', '没有找到这份申请')
        if (m.status !== 'pending') {
          if ((m.status === 'member') === approve)
            throw new AppError('ALREADY_DONE', approve ? '已经是队员了' : '这份申请已经处理过了')
          throw new AppError('ILLEGAL_TRANSITION', '这份申请已经处理过了，请刷新后再看')
        }
        const status = approve ? ('member' as const) : ('rejected' as const)
        await tx.update('teamMembers', id, {
          status,
          decidedAt: ctx.now,
          decidedBy: ctx.actor.accountId,
          reason: why || null,
          updatedAt: ctx.now
        })
        if (approve)
          await grantVolunteerRole(
            tx,
            accounts.map((a) => a._id),
            personId,
            ctx.now
          )
        await tellTeamDecision(tx, team, personId, approve, why, ctx.now, ctx.now)
        await tx.create('audit', {
          _id: `team:${id}:${ctx.now}`,
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: personId,
          action: approve ? 'volunteer.team.approve' : 'volunteer.team.reject',
          target: `teamMembers/${id}`,
          detail: { teamId, reason: why || null }
        })
        return { teamId, personId, status }
      })
    }
  },

  'volunteer.profile': {
    run: async (ctx) => {
      const person = await self(ctx, '银发人才库')
      return profilePage(ctx, person, await ctx.store.get('volunteerProfiles', person._id))
    }
  },

  'volunteer.saveProfile': {
    run: async (ctx, input) => {
      const person = await self(ctx, '银发人才库')
      const [existing, help, settings] = await Promise.all([
        ctx.store.get('volunteerProfiles', person._id),
        loadHelpSettings(ctx.store),
        loadVolunteerSettings(ctx.store)
      ])
      // The age limit is for intake: someone already in the pool keeps editing their profile.
      if (!existing) {
        const refusal = intakeRefusal(ageOn(person.birthDate, businessDay(ctx.now)), settings)
        if (refusal) throw new AppError('AGE_LIMIT', refusal)
      }
      const skills = [...new Set(input.skills)]
      const unknown = skills.find((s) => !help.skills.includes(s))
      if (unknown) throw new AppError('VALIDATION', `「${unknown}」不在特长列表里，请重新选择`, { field: 'skills' })
      const doc: VolunteerProfileDoc = {
        _id: person._id,
        skills,
        orgUnitId: person.orgUnitId,
        available: input.available,
        availability: input.availability,
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now
      }
      const page = await profilePage(ctx, person, doc)
      return ctx.write(async (tx) => {
        await tx.put('volunteerProfiles', doc)
        return page
      })
    }
  },

  'volunteer.settings': {
    run: async (ctx) => {
      const [settings, help, rules] = await Promise.all([
        loadVolunteerSettings(ctx.store),
        loadHelpSettings(ctx.store),
        loadPointsRules(ctx.store)
      ])
      return { intakeMaxAge: settings.intakeMaxAge, skills: help.skills, shiftPoints: rules.volunteerShift }
    }
  }
} satisfies Partial<HandlerTable>
