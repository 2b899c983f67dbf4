/**
 * Volunteer service (志愿服务), the volunteer's side: teams (browse, ask to join, leave; leaders decide),
 * volunteer activities and their shifts (sign up through the capacity pool, cancel before the start), check-in
 * and check-out by scanning the shift's codes, hours, the 志愿服务证明 and its public verification, and the
 * 银发人才库 profile. Viewing, sign-ups, team requests and certificates may be done for a bound elder (代办);
 * check-in/out and the skills profile are in person only (see `proxy` in types/actions/volunteer.ts).
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole } from '../core/identity'
import type { HoursItem, ProfilePage, ShiftCard, TeamMemberView } from '../../types/actions/volunteer'
import { businessDay } from '../../types/time'
import { SHIFT_CODE_KINDS, VERIFY_PAGE, checkCertCode, normalizeCertCode } from '../../types/volunteer-rules'
import type { PersonDoc, TeamMemberDoc, VolunteerProfileDoc } from '../storage/schema'
import { join, leave } from '../domain/capacity/capacity-pool'
import { resolveScan } from '../domain/checkin/scan-claim'
import { loadOrgUnits, staffCovers } from '../domain/org/org-scope'
import { findAll } from '../domain/points/points-read'
import { loadPointsRules } from '../domain/points/points-rules'
import { loadHelpSettings } from '../domain/help/help-settings'
import { sendMessage } from '../domain/messages/inbox'
import { loadShift, recordCheckIn, recordCheckOut, settleDue } from '../domain/volunteer/attendance'
import { factsOf, prepareCertificate, storeCertificate } from '../domain/volunteer/certificate'
import { memberId, newShiftSignup, shiftPool, shiftSignupId, attendanceId } from '../domain/volunteer/shift-pool'
import { activityCards, activityDetail, shiftCards, staffScope, teamCards } from '../domain/volunteer/volunteer-view'
import { tellShiftPromoted, tellTeamDecision } from '../domain/volunteer/volunteer-notices'
import { canManageTeam, grantVolunteerRole, requireTeamManager } from '../domain/volunteer/team-access'
import { ageOn, intakeRefusal, loadVolunteerSettings } from '../domain/volunteer/volunteer-settings'

const ALL = ['retiree', 'family', 'volunteer', 'staff', 'admin'] as const
const PEOPLE = ['retiree', 'volunteer', 'family'] as const

/** For whom: the caller's own roster person, or the elder they act for. */
async function subject(ctx: Ctx): Promise<PersonDoc> {
  if (!ctx.subjectPersonId) {
    if (hasRole(ctx.actor, 'family')) throw new AppError('CHOOSE_ELDER')
    throw new AppError('FORBIDDEN', '这件事要用老同志本人的账号办理')
  }
  const person = await ctx.store.get('persons', ctx.subjectPersonId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

/** The caller's own roster person (in-person actions: scanning, the skills profile). */
async function self(ctx: Ctx, what: string): Promise<PersonDoc> {
  if (!ctx.actor.personId) throw new AppError('FORBIDDEN', `${what}要用老同志本人的账号`)
  const person = await ctx.store.get('persons', ctx.actor.personId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

async function loadTeam(ctx: Ctx, id: string) {
  const team = await ctx.store.get('volunteerTeams', id)
  if (!team) throw new AppError('NOT_FOUND', '没有找到这支队伍，请刷新后再看')
  return team
}

/** Sign-up is open until the shift starts, for published activities (team-only ones for members only). */
async function assertCanSignUp(ctx: Ctx, shiftId: string, person: PersonDoc) {
  const { shift, activity } = await loadShift(ctx.store, shiftId)
  if (ctx.now >= shift.startAt) throw new AppError('SIGNUP_CLOSED', '这个班次已经开始了，不能再报名，请看看其他班次')
  if (activity.teamOnly && activity.teamId) {
    const member = await ctx.store.get('teamMembers', memberId(activity.teamId, person._id))
    if (member?.status !== 'member') {
      const team = await ctx.store.get('volunteerTeams', activity.teamId)
      throw new AppError('NOT_TEAM_MEMBER', `这个活动只面向「${team?.name ?? '本队'}」的队员，请先申请加入`)
    }
  }
  return { shift, activity }
}

function memberView(m: TeamMemberDoc, persons: PersonDoc[], unitName: (id: string) => string, minutes: Map<string, number> | null): TeamMemberView {
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
  const [settings, help, units] = await Promise.all([loadVolunteerSettings(ctx.store), loadHelpSettings(ctx.store), loadOrgUnits(ctx.store)])
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

export const volunteerHandlers = {
  // ------------------------------------------------------------ teams

  'volunteer.teams': {
    access: ALL,
    run: async (ctx) => {
      const person = ctx.subjectPersonId ? await ctx.store.get('persons', ctx.subjectPersonId) : null
      const teams = await ctx.store.find('volunteerTeams', { where: { status: 'active' }, limit: 500 })
      // The reader's own county first, then the bureau's, then the rest.
      const rank = (orgUnitId: string) => (orgUnitId === person?.orgUnitId ? 0 : orgUnitId === ctx.actor.orgUnitId ? 0 : 1)
      teams.sort((a, b) => rank(a.orgUnitId) - rank(b.orgUnitId) || a.name.localeCompare(b.name, 'zh'))
      return { items: await teamCards(ctx, teams, person?._id ?? null) }
    }
  },

  'volunteer.team': {
    access: ALL,
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
      const persons = records.length ? await ctx.store.find('persons', { where: { _id: { in: records.map((r) => r.personId) } } }) : []
      const balances = canManage && records.length ? await ctx.store.find('hoursBalances', { where: { _id: { in: records.map((r) => r.personId) } } }) : []
      const minutes = canManage ? new Map(balances.map((b) => [b._id, b.minutes])) : null
      const unitName = (uid: string) => units.find((u) => u._id === uid)?.name ?? ''
      const shifts = activities.length
        ? await ctx.store.find('volunteerShifts', {
            where: { activityId: { in: activities.map((a) => a._id) }, status: 'open', startAt: { gte: ctx.now - 12 * 3600_000 } },
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
        requests: canManage ? records.filter((r) => r.status === 'pending').map((r) => memberView(r, persons, unitName, minutes)) : [],
        upcoming: (await shiftCards(ctx, shifts, personId, units)).filter((s) => s.endAt >= ctx.now),
        canManage
      }
    }
  },

  'volunteer.joinTeam': {
    access: PEOPLE,
    run: async (ctx, { teamId, note }) => {
      const person = await subject(ctx)
      const team = await loadTeam(ctx, teamId)
      if (team.status !== 'active') throw new AppError('ILLEGAL_TRANSITION', '这支队伍已经停止招募了')
      const id = memberId(teamId, person._id)
      return ctx.write(async (tx) => {
        const existing = await tx.get('teamMembers', id)
        if (existing?.status === 'member' || existing?.status === 'pending') return { teamId, status: existing.status, already: true }
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
    access: PEOPLE,
    run: async (ctx, { teamId }) => {
      const person = await subject(ctx)
      const team = await loadTeam(ctx, teamId)
      if (team.leaderPersonId === person._id) throw new AppError('ILLEGAL_TRANSITION', '您是队长，退出前请先请工作人员更换队长')
      const id = memberId(teamId, person._id)
      return ctx.write(async (tx) => {
        const existing = await tx.get('teamMembers', id)
        if (!existing || (existing.status !== 'member' && existing.status !== 'pending')) return { teamId, status: existing?.status ?? ('left' as const), already: true }
        await tx.update('teamMembers', id, { status: 'left', updatedAt: ctx.now, decidedAt: ctx.now, decidedBy: ctx.actor.accountId })
        return { teamId, status: 'left' as const, already: false }
      })
    }
  },

  'volunteer.decideJoin': {
    access: ALL,
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
          if ((m.status === 'member') === approve) throw new AppError('ALREADY_DONE', approve ? '已经是队员了' : '这份申请已经处理过了')
          throw new AppError('ILLEGAL_TRANSITION', '这份申请已经处理过了，请刷新后再看')
        }
        const status = approve ? ('member' as const) : ('rejected' as const)
        await tx.update('teamMembers', id, { status, decidedAt: ctx.now, decidedBy: ctx.actor.accountId, reason: why || null, updatedAt: ctx.now })
        if (approve) await grantVolunteerRole(tx, accounts.map((a) => a._id), personId, ctx.now)
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

  // ------------------------------------------------------------ activities and shifts

  'volunteer.activities': {
    access: ALL,
    run: async (ctx) => {
      const shifts = await ctx.store.find('volunteerShifts', { where: { startAt: { gte: ctx.now - 24 * 3600_000 }, status: 'open' }, orderBy: [['startAt', 'asc']], limit: 1000 })
      const ids = [...new Set(shifts.filter((s) => s.endAt >= ctx.now).map((s) => s.activityId))]
      const activities = ids.length ? await ctx.store.find('volunteerActivities', { where: { _id: { in: ids }, status: 'published' } }) : []
      const cards = await activityCards(ctx, activities, ctx.subjectPersonId)
      return { items: cards.filter((c) => c.nextShiftAt !== null).sort((a, b) => (a.nextShiftAt ?? 0) - (b.nextShiftAt ?? 0)) }
    }
  },

  'volunteer.activity': {
    access: ALL,
    run: async (ctx, { id }) => {
      const activity = await ctx.store.get('volunteerActivities', id)
      if (!activity) throw new AppError('NOT_FOUND')
      if (activity.status === 'draft' && !(await staffScope(ctx))?.has(activity.orgUnitId)) throw new AppError('NOT_FOUND')
      return activityDetail(ctx, activity, ctx.subjectPersonId)
    }
  },

  'volunteer.signup': {
    access: PEOPLE,
    run: async (ctx, { shiftId }) => {
      const person = await subject(ctx)
      await assertCanSignUp(ctx, shiftId, person)
      return ctx.write(async (tx) => {
        // Again inside the transaction: the shift may have been cancelled meanwhile.
        const { shift } = await loadShift(tx, shiftId)
        if (ctx.now >= shift.startAt) throw new AppError('SIGNUP_CLOSED', '这个班次已经开始了，不能再报名，请看看其他班次')
        const r = await join(tx, shiftPool(shiftId), {
          holderId: shiftSignupId(shiftId, person._id),
          now: ctx.now,
          waitlist: true,
          create: newShiftSignup(shiftId, shift.activityId, person._id, ctx.actor.accountId, ctx.now),
          patch: { actorAccountId: ctx.actor.accountId }
        })
        return {
          shiftId,
          status: r.holder!.status,
          already: r.outcome === 'already-signed' || r.outcome === 'already-waitlisted',
          waitlistPosition: r.waitlistPosition
        }
      })
    }
  },

  'volunteer.cancelSignup': {
    access: PEOPLE,
    run: async (ctx, { shiftId }) => {
      const person = await subject(ctx)
      const { shift } = await loadShift(ctx.store, shiftId)
      if (ctx.now >= shift.startAt) throw new AppError('CANCEL_CLOSED', '班次已经开始，不能再取消报名了；去不了请告诉工作人员')
      if (await ctx.store.get('shiftAttendance', attendanceId(shiftId, person._id))) throw new AppError('ALREADY_DONE', '您已经签到了，不能再取消报名')
      return ctx.write(async (tx) => {
        const fresh = await loadShift(tx, shiftId)
        if (ctx.now >= fresh.shift.startAt) throw new AppError('CANCEL_CLOSED', '班次已经开始，不能再取消报名了；去不了请告诉工作人员')
        const r = await leave(tx, shiftPool(shiftId), { holderId: shiftSignupId(shiftId, person._id), now: ctx.now, patch: { actorAccountId: ctx.actor.accountId } })
        for (const p of r.promoted) await tellShiftPromoted(tx, fresh.activity, fresh.shift, p, ctx.now)
        return { shiftId, status: 'cancelled' as const, already: r.outcome === 'not-held', waitlistPosition: null }
      })
    }
  },

  'volunteer.mine': {
    access: ALL,
    run: async (ctx) => {
      if (!ctx.subjectPersonId) return { totalMinutes: 0, upcoming: [], past: [] }
      const personId = ctx.subjectPersonId
      await settleDue(ctx.store, { personId }, ctx.now)
      const [signups, attendance, balance] = await Promise.all([
        ctx.store.find('shiftSignups', { where: { personId }, orderBy: [['createdAt', 'desc']], limit: 500 }),
        ctx.store.find('shiftAttendance', { where: { personId }, limit: 500 }),
        ctx.store.get('hoursBalances', personId)
      ])
      const ids = [...new Set([...signups.map((s) => s.shiftId), ...attendance.map((a) => a.shiftId)])]
      const shifts = ids.length ? await ctx.store.find('volunteerShifts', { where: { _id: { in: ids } } }) : []
      const cards = await shiftCards(ctx, shifts, personId)
      const upcoming: ShiftCard[] = []
      const past: ShiftCard[] = []
      for (const c of cards) {
        // Still to do: a shift to come, or one checked into and not yet out (its check-out is still open).
        const stillIn = !!c.myAttendance && c.myAttendance.checkOutAt === null
        const holding = !c.myAttendance && c.endAt >= ctx.now && (c.mySignup === 'signed' || c.mySignup === 'waitlisted')
        if (stillIn || holding) upcoming.push(c)
        else if (c.myAttendance) past.push(c)
      }
      upcoming.sort((a, b) => a.startAt - b.startAt)
      past.sort((a, b) => b.startAt - a.startAt)
      return { totalMinutes: balance?.minutes ?? 0, upcoming, past }
    }
  },

  'volunteer.hours': {
    access: ALL,
    run: async (ctx) => {
      const person = await subject(ctx)
      await settleDue(ctx.store, { personId: person._id }, ctx.now)
      const [balance, entries] = await Promise.all([
        ctx.store.get('hoursBalances', person._id),
        findAll(ctx.store, 'hoursLedger', { where: { personId: person._id }, orderBy: [['seq', 'desc']] })
      ])
      const items: HoursItem[] = entries.map((e) => ({ id: e._id, kind: e.kind, at: e.at, day: e.day, text: e.text, minutes: e.minutes, notes: e.notes }))
      return {
        personId: person._id,
        name: person.name,
        totalMinutes: balance?.minutes ?? 0,
        shifts: new Set(entries.filter((e) => e.kind === 'credit' && e.minutes > 0).map((e) => e.shiftId)).size,
        items
      }
    }
  },

  'volunteer.scan': {
    access: ALL,
    run: async (ctx, { token, scannedAt }) => {
      const person = await self(ctx, '签到签退')
      const scan = resolveScan(ctx.secrets.tokenKey, token, [SHIFT_CODE_KINDS.in, SHIFT_CODE_KINDS.out], ctx.now, scannedAt)
      const direction = scan.target.kind === SHIFT_CODE_KINDS.in ? 'in' : 'out'
      const req = { shiftId: scan.target.id, person, direction, method: 'scan', at: scan.at, now: ctx.now, actorAccountId: ctx.actor.accountId, reason: null } as const
      return ctx.write((tx) => (direction === 'in' ? recordCheckIn(tx, req) : recordCheckOut(tx, req)))
    }
  },

  // ------------------------------------------------------------ certificate

  'volunteer.issueCertificate': {
    access: ALL,
    run: async (ctx, { personId }) => {
      let person: PersonDoc
      if (personId && personId !== ctx.subjectPersonId) {
        const p = await ctx.store.get('persons', personId)
        if (!p) throw new AppError('NOT_FOUND')
        if (ctx.actingFor || !(await staffCovers(ctx.store, ctx.actor, p.orgUnitId))) throw new AppError('FORBIDDEN', '只能为本单位管理的老同志出具证明')
        person = p
      } else {
        person = await subject(ctx)
      }
      await settleDue(ctx.store, { personId: person._id }, ctx.now)
      const prepared = await prepareCertificate(ctx.store, person, await loadOrgUnits(ctx.store), ctx.now, ctx.actor.accountId)
      return ctx.write(async (tx) => {
        const { doc, reused } = await storeCertificate(tx, prepared)
        return { ...factsOf(doc), verifyPath: `${VERIFY_PAGE}?code=${doc.code}`, reused }
      })
    }
  },

  'volunteer.verifyCertificate': {
    access: 'public',
    run: async (ctx, { code }) => {
      const check = checkCertCode(code)
      if (check === 'malformed') throw new AppError('CERTIFICATE_INVALID', '证明编号是 16 位字母和数字，请核对后重新输入')
      if (check === 'typo') throw new AppError('CERTIFICATE_INVALID', '证明编号有一位不对（可能抄错了），请核对后重新输入')
      const [doc] = await ctx.store.find('volunteerCertificates', { where: { code: normalizeCertCode(code) }, limit: 1 })
      if (!doc) throw new AppError('NOT_FOUND', '没有查到这份证明。请核对编号；编号无误的话，这份证明不是本系统出具的')
      if (doc.status !== 'valid') throw new AppError('CERTIFICATE_INVALID', '这份证明已经作废')
      return factsOf(doc)
    }
  },

  // ------------------------------------------------------------ skills pool

  'volunteer.profile': {
    access: ALL,
    run: async (ctx) => {
      const person = await self(ctx, '银发人才库')
      return profilePage(ctx, person, await ctx.store.get('volunteerProfiles', person._id))
    }
  },

  'volunteer.saveProfile': {
    access: ALL,
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
    access: ALL,
    run: async (ctx) => {
      const [settings, help, rules] = await Promise.all([loadVolunteerSettings(ctx.store), loadHelpSettings(ctx.store), loadPointsRules(ctx.store)])
      return { intakeMaxAge: settings.intakeMaxAge, skills: help.skills, shiftPoints: rules.volunteerShift }
    }
  }
} satisfies Partial<HandlerTable>
