/**
 * Volunteer service (志愿服务), staff's side, scoped to their org unit: teams, volunteer activities and their
 * shifts, the shift roster with its rotating check-in/out codes, scanning a volunteer's own 签到码, 代签 and
 * 补录 with a reason, hours corrections with a reason, settling forgotten check-outs (结算), the 银发人才库
 * search and the intake age limit.
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole } from '../core/identity'
import type { FlaggedHours, ManagedVolunteerActivity, PoolHit, RosterLine } from '../../types/actions/volunteer'
import { businessDay, formatDateTime } from '../../types/time'
import { SHIFT_CODE_KINDS } from '../../types/volunteer-rules'
import type { ShiftSignupDoc, VolunteerActivityDoc, VolunteerShiftDoc } from '../storage/schema'
import { openPool, resize, touch } from '../domain/capacity/capacity-pool'
import { resolveScan } from '../domain/checkin/scan-claim'
import { newId } from '../domain/ids'
import { coveredUnits, loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { issueCode } from '../domain/tokens/rotating-code'
import { loadPointsRules } from '../domain/points/points-rules'
import { loadHelpSettings } from '../domain/help/help-settings'
import { recordCheckIn, recordCheckOut, settleDue, settleForgotten, type MarkRequest } from '../domain/volunteer/attendance'
import { checkinOpensAt, checkoutClosesAt, isSettleDue } from '../domain/volunteer/crediting'
import { correctShift, shiftText } from '../domain/volunteer/hours-ledger'
import { attendanceId, memberId, shiftCounterId, shiftPool } from '../domain/volunteer/shift-pool'
import { activityCards, attendanceView, shiftCards, teamCards } from '../domain/volunteer/volunteer-view'
import { tellShiftCancelled, tellShiftChanged, tellShiftPromoted } from '../domain/volunteer/volunteer-notices'
import { grantVolunteerRole } from '../domain/volunteer/team-access'
import { VOLUNTEER_SETTINGS_ID, ageOn, loadVolunteerSettings } from '../domain/volunteer/volunteer-settings'

const STAFF = ['staff', 'admin'] as const

async function managedActivity(ctx: Ctx, id: string): Promise<VolunteerActivityDoc> {
  const a = await ctx.store.get('volunteerActivities', id)
  if (!a) throw new AppError('NOT_FOUND')
  await requireStaffScope(ctx.store, ctx.actor, a.orgUnitId)
  return a
}

async function managedShift(ctx: Ctx, shiftId: string): Promise<{ shift: VolunteerShiftDoc; activity: VolunteerActivityDoc }> {
  const shift = await ctx.store.get('volunteerShifts', shiftId)
  if (!shift) throw new AppError('NOT_FOUND', '没有找到这个班次，请刷新后再看')
  const activity = await managedActivity(ctx, shift.activityId)
  return { shift, activity }
}

async function loadPerson(ctx: Ctx, personId: string) {
  const person = await ctx.store.get('persons', personId)
  if (!person) throw new AppError('NOT_FOUND', '没有找到这位老同志，请核对后再试')
  return person
}

/** Holders of a shift's places and waitlist, with the pool's version (see activity-admin.ts `participants`). */
async function holders(ctx: Ctx, shiftId: string): Promise<{ version: number; list: ShiftSignupDoc[] }> {
  const counter = await ctx.store.get('counters', shiftCounterId(shiftId))
  const list = await ctx.store.find('shiftSignups', { where: { shiftId, status: { in: ['signed', 'waitlisted'] } }, limit: 1000 })
  return { version: counter?.version ?? 0, list }
}

function assertSameVersion(seen: number, now: number): void {
  if (seen !== now) throw new AppError('BUSY', '正好有人在报名，请再点一次')
}

async function audit(ctx: Ctx, tx: Parameters<Parameters<Ctx['write']>[0]>[0], action: string, target: string, subjectPersonId: string | null, detail: Record<string, unknown>) {
  await tx.create('audit', { _id: newId('au_'), at: ctx.now, actorAccountId: ctx.actor.accountId, subjectPersonId, action, target, detail })
}

/** The shifts of the caller's scope whose forgotten check-outs are due, settled before staff look. */
async function settleScope(ctx: Ctx, scope: Set<string>): Promise<void> {
  const open = await ctx.store.find('shiftAttendance', { where: { checkOutAt: null }, limit: 500 })
  if (open.length === 0) return
  const shifts = await ctx.store.find('volunteerShifts', { where: { _id: { in: [...new Set(open.map((a) => a.shiftId))] } } })
  for (const s of shifts) if (scope.has(s.orgUnitId) && isSettleDue(s, ctx.now)) await settleDue(ctx.store, { shiftId: s._id }, ctx.now)
}

async function mark(ctx: Ctx, req: Omit<MarkRequest, 'now' | 'actorAccountId'>) {
  const full: MarkRequest = { ...req, now: ctx.now, actorAccountId: ctx.actor.accountId }
  return ctx.write((tx) => (req.direction === 'in' ? recordCheckIn(tx, full) : recordCheckOut(tx, full)))
}

export const volunteerStaffHandlers = {
  'volunteer.desk': {
    access: STAFF,
    run: async (ctx) => {
      const units = await loadOrgUnits(ctx.store)
      const scope = coveredUnits(ctx.actor, units)
      await settleScope(ctx, scope)
      const [activities, teams, flaggedDocs] = await Promise.all([
        ctx.store.find('volunteerActivities', { where: { orgUnitId: { in: [...scope] } }, orderBy: [['updatedAt', 'desc']], limit: 200 }),
        ctx.store.find('volunteerTeams', { where: { orgUnitId: { in: [...scope] }, status: 'active' }, limit: 200 }),
        ctx.store.find('shiftAttendance', { where: { flag: 'forgot-checkout' }, limit: 500 })
      ])
      const cards = await activityCards(ctx, activities, null, units)
      const shifts = await ctx.store.find('volunteerShifts', { where: { activityId: { in: activities.map((a) => a._id) } }, limit: 1000 })
      const counters = shifts.length ? await ctx.store.find('counters', { where: { _id: { in: shifts.map((s) => shiftCounterId(s._id)) } } }) : []
      const items: ManagedVolunteerActivity[] = cards.map((c) => {
        const coming = shifts.filter((s) => s.activityId === c.id && s.endAt >= ctx.now && s.status === 'open')
        const cs = coming.map((s) => counters.find((x) => x._id === shiftCounterId(s._id)))
        return { ...c, signedCount: cs.reduce((a, x) => a + (x?.taken ?? 0), 0), waitlistCount: cs.reduce((a, x) => a + (x?.waitlisted ?? 0), 0) }
      })
      // Drafts and activities with shifts to come first; finished ones after.
      const rank = (a: ManagedVolunteerActivity) => (a.status === 'draft' ? 0 : a.nextShiftAt !== null ? 1 : 2)
      items.sort((a, b) => rank(a) - rank(b) || (a.nextShiftAt ?? Infinity) - (b.nextShiftAt ?? Infinity))

      const flaggedShifts = flaggedDocs.length ? await ctx.store.find('volunteerShifts', { where: { _id: { in: [...new Set(flaggedDocs.map((f) => f.shiftId))] } } }) : []
      const inScope = flaggedDocs.filter((f) => scope.has(flaggedShifts.find((s) => s._id === f.shiftId)?.orgUnitId ?? ''))
      const [persons, flaggedActivities] = await Promise.all([
        inScope.length ? ctx.store.find('persons', { where: { _id: { in: inScope.map((f) => f.personId) } } }) : Promise.resolve([]),
        inScope.length ? ctx.store.find('volunteerActivities', { where: { _id: { in: [...new Set(inScope.map((f) => f.activityId))] } } }) : Promise.resolve([])
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

  'volunteer.teamSave': {
    access: STAFF,
    run: async (ctx, { id, fields }) => {
      await requireStaffScope(ctx.store, ctx.actor, fields.orgUnitId)
      const existing = id ? await ctx.store.get('volunteerTeams', id) : null
      if (id && !existing) throw new AppError('NOT_FOUND')
      if (existing) await requireStaffScope(ctx.store, ctx.actor, existing.orgUnitId)
      if (fields.branchId) {
        const branch = await ctx.store.get('branches', fields.branchId)
        if (!branch || branch.orgUnitId !== fields.orgUnitId) throw new AppError('VALIDATION', '这个党支部不属于所选的区县，请重新选择', { field: 'branchId' })
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
          await grantVolunteerRole(tx, leaderAccounts.map((a) => a._id), leader._id, now)
        }
        await audit(ctx, tx, existing ? 'volunteer.team.update' : 'volunteer.team.create', `volunteerTeams/${teamId}`, null, { name: fields.name, leaderPersonId: fields.leaderPersonId })
        return { id: teamId }
      })
    }
  },

  'volunteer.activitySave': {
    access: STAFF,
    run: async (ctx, { id, fields }) => {
      await requireStaffScope(ctx.store, ctx.actor, fields.orgUnitId)
      const existing = id ? await managedActivity(ctx, id) : null
      if (fields.teamId) {
        const team = await ctx.store.get('volunteerTeams', fields.teamId)
        if (!team || team.status !== 'active') throw new AppError('VALIDATION', '没有找到这支队伍，请重新选择', { field: 'teamId' })
      }
      if (fields.teamOnly && !fields.teamId) throw new AppError('VALIDATION', '只面向队员的活动要先选一支队伍', { field: 'teamId' })
      const shifts = existing && existing.orgUnitId !== fields.orgUnitId ? await ctx.store.find('volunteerShifts', { where: { activityId: existing._id }, limit: 1000 }) : []
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
        for (const s of shifts) await tx.update('volunteerShifts', s._id, { orgUnitId: fields.orgUnitId, updatedAt: ctx.now })
        return { id: activityId }
      })
    }
  },

  'volunteer.activityPublish': {
    access: STAFF,
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

  'volunteer.shiftSave': {
    access: STAFF,
    run: async (ctx, { activityId, shiftId, fields }) => {
      const activity = await managedActivity(ctx, activityId)
      if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '这个活动已取消，不能再加班次')
      const help = await loadHelpSettings(ctx.store)
      const unknown = fields.skills.find((s) => !help.skills.includes(s))
      if (unknown) throw new AppError('VALIDATION', `「${unknown}」不在特长列表里，请重新选择`, { field: 'skills' })
      if (!shiftId) {
        if (fields.startAt < ctx.now) throw new AppError('VALIDATION', '班次的开始时间已经过了，请重新选择', { field: 'startAt' })
        const id = newId('vs_')
        return ctx.write(async (tx) => {
          await tx.create('volunteerShifts', {
            _id: id,
            activityId,
            orgUnitId: activity.orgUnitId,
            label: fields.label,
            startAt: fields.startAt,
            endAt: fields.endAt,
            place: fields.place,
            capacity: fields.capacity,
            skills: fields.skills,
            status: 'open',
            cancelReason: null,
            createdAt: ctx.now,
            updatedAt: ctx.now
          })
          await openPool(tx, shiftCounterId(id), fields.capacity)
          await tx.update('volunteerActivities', activityId, { updatedAt: ctx.now })
          return { id, promoted: 0, notified: 0 }
        })
      }
      const shift = await ctx.store.get('volunteerShifts', shiftId)
      if (!shift || shift.activityId !== activityId) throw new AppError('NOT_FOUND')
      if (shift.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '这个班次已取消，不能再修改')
      const moved = shift.startAt !== fields.startAt || shift.endAt !== fields.endAt || shift.place !== fields.place
      if ((shift.startAt !== fields.startAt || shift.endAt !== fields.endAt) && ctx.now >= shift.startAt) {
        throw new AppError('ILLEGAL_TRANSITION', '班次已经开始，不能再改时间；时长有出入请用「更正时长」')
      }
      const seen = moved ? await holders(ctx, shiftId) : { version: 0, list: [] }
      return ctx.write(async (tx) => {
        const current = await tx.get('volunteerShifts', shiftId)
        if (!current) throw new AppError('NOT_FOUND')
        const next: VolunteerShiftDoc = { ...current, label: fields.label, startAt: fields.startAt, endAt: fields.endAt, place: fields.place, capacity: fields.capacity, skills: fields.skills, updatedAt: ctx.now }
        await tx.put('volunteerShifts', next)
        const { promoted } = await resize(tx, shiftPool(shiftId), { capacity: fields.capacity, now: ctx.now })
        for (const p of promoted) await tellShiftPromoted(tx, activity, next, p, ctx.now)
        let notified = 0
        if (moved && activity.status === 'published') {
          assertSameVersion(seen.version, await touch(tx, shiftCounterId(shiftId)))
          for (const h of seen.list) {
            await tellShiftChanged(tx, activity, next, h.personId, ctx.now, seen.version)
            notified += 1
          }
        }
        return { id: shiftId, promoted: promoted.length, notified }
      })
    }
  },

  'volunteer.shiftCancel': {
    access: STAFF,
    run: async (ctx, { shiftId, reason }) => {
      const { shift, activity } = await managedShift(ctx, shiftId)
      if (shift.status === 'cancelled') throw new AppError('ALREADY_DONE', '这个班次已经取消了')
      if (ctx.now >= shift.startAt) throw new AppError('ILLEGAL_TRANSITION', '班次已经开始，不能再取消')
      const seen = await holders(ctx, shiftId)
      return ctx.write(async (tx) => {
        assertSameVersion(seen.version, await touch(tx, shiftCounterId(shiftId)))
        await tx.update('volunteerShifts', shiftId, { status: 'cancelled', cancelReason: reason.trim() || null, updatedAt: ctx.now })
        if (activity.status === 'published') for (const h of seen.list) await tellShiftCancelled(tx, activity, shift, h.personId, reason.trim(), ctx.now)
        await audit(ctx, tx, 'volunteer.shift.cancel', `volunteerShifts/${shiftId}`, null, { reason: reason.trim() || null })
        return { id: shiftId, notified: activity.status === 'published' ? seen.list.length : 0 }
      })
    }
  },

  'volunteer.shiftRoster': {
    access: STAFF,
    run: async (ctx, { shiftId }) => {
      const { shift, activity } = await managedShift(ctx, shiftId)
      await settleDue(ctx.store, { shiftId }, ctx.now)
      const units = await loadOrgUnits(ctx.store)
      const [[card], signups, attendance] = await Promise.all([
        shiftCards(ctx, [shift], null, units),
        ctx.store.find('shiftSignups', { where: { shiftId }, limit: 1000 }),
        ctx.store.find('shiftAttendance', { where: { shiftId }, limit: 1000 })
      ])
      const personIds = [...new Set([...signups.map((s) => s.personId), ...attendance.map((a) => a.personId)])]
      const actorIds = [...new Set([...signups.map((s) => s.actorAccountId), ...attendance.flatMap((a) => [a.checkInBy, a.checkOutBy ?? ''])].filter(Boolean))]
      const [persons, actors] = await Promise.all([
        personIds.length ? ctx.store.find('persons', { where: { _id: { in: personIds } } }) : Promise.resolve([]),
        actorIds.length ? ctx.store.find('accounts', { where: { _id: { in: actorIds } } }) : Promise.resolve([])
      ])
      const waitlisted = signups.filter((s) => s.status === 'waitlisted').sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))
      const by = (accountId: string | null, personId: string, what: string) => {
        const a = actors.find((x) => x._id === accountId)
        return a && a.personId !== personId ? `${a.displayName}（${what}）` : null
      }
      const lines: RosterLine[] = personIds.map((personId) => {
        const s = signups.find((x) => x.personId === personId)
        const a = attendance.find((x) => x.personId === personId)
        const p = persons.find((x) => x._id === personId)
        return {
          personId,
          name: p?.name ?? '',
          orgUnitName: units.find((u) => u._id === p?.orgUnitId)?.name ?? '',
          signup: s?.status ?? null,
          waitlistPosition: s?.status === 'waitlisted' ? waitlisted.findIndex((w) => w._id === s._id) + 1 : null,
          attendance: a ? attendanceView(shift, a) : null,
          by: [
            s ? by(s.actorAccountId, personId, '报名') : null,
            a ? by(a.checkInBy, personId, a.checkInMethod === 'proxy' ? '代签到' : '扫码签到') : null,
            a?.checkOutBy && a.checkOutMethod !== 'auto' ? by(a.checkOutBy, personId, a.checkOutMethod === 'proxy' ? '代签退' : '扫码签退') : null
          ].filter((x): x is string => !!x)
        }
      })
      // Who needs something first: flagged, then still in, then signed up and not here, then the rest.
      const rank = (l: RosterLine) => (l.attendance?.flagged ? 0 : l.attendance && l.attendance.checkOutAt === null ? 1 : l.signup === 'signed' && !l.attendance ? 2 : l.attendance ? 3 : 4)
      lines.sort((x, y) => rank(x) - rank(y) || (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0) || x.name.localeCompare(y.name, 'zh'))
      const open = attendance.filter((a) => a.checkOutAt === null)
      return {
        shift: card,
        activityId: activity._id,
        activityTitle: activity.title,
        signedCount: signups.filter((s) => s.status === 'signed').length,
        waitlistCount: waitlisted.length,
        checkedInCount: attendance.length,
        checkedOutCount: attendance.length - open.length,
        flaggedCount: attendance.filter((a) => a.flag).length,
        dueCount: isSettleDue(shift, ctx.now) ? open.length : 0,
        lines,
        checkinOpensAt: checkinOpensAt(shift),
        checkoutClosesAt: checkoutClosesAt(shift)
      }
    }
  },

  'volunteer.shiftCode': {
    access: STAFF,
    run: async (ctx, { shiftId, direction }) => {
      const { shift, activity } = await managedShift(ctx, shiftId)
      if (shift.status === 'cancelled' || activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '这个班次已取消')
      if (activity.status !== 'published') throw new AppError('ACTIVITY_NOT_OPEN', '活动还没有发布，发布后才能出示签到码')
      const code = issueCode(ctx.secrets.tokenKey, { kind: SHIFT_CODE_KINDS[direction], id: shiftId }, ctx.now)
      return { token: code.token, refreshAt: code.refreshAt, serverNow: ctx.now }
    }
  },

  'volunteer.staffScan': {
    access: STAFF,
    run: async (ctx, { shiftId, direction, token, scannedAt }) => {
      await managedShift(ctx, shiftId)
      const scan = resolveScan(ctx.secrets.tokenKey, token, 'person', ctx.now, scannedAt)
      const person = await loadPerson(ctx, scan.target.id)
      return mark(ctx, { shiftId, person, direction, method: 'staff-scan', at: scan.at, reason: null })
    }
  },

  'volunteer.staffMark': {
    access: STAFF,
    run: async (ctx, { shiftId, personId, direction, at, reason }) => {
      const why = reason.trim()
      if (why.length < 2) throw new AppError('REASON_REQUIRED', '代签要写明原因，例如「本人到场，不会用手机」')
      await managedShift(ctx, shiftId)
      const person = await loadPerson(ctx, personId)
      return mark(ctx, { shiftId, person, direction, method: 'proxy', at: at ?? ctx.now, reason: why })
    }
  },

  'volunteer.correctHours': {
    access: STAFF,
    run: async (ctx, { shiftId, personId, minutes, reason }) => {
      const why = reason.trim()
      if (why.length < 2) throw new AppError('REASON_REQUIRED', '更正时长要写明原因，例如「实际 11:30 离开，忘了签退」')
      const { activity } = await managedShift(ctx, shiftId)
      await settleDue(ctx.store, { shiftId }, ctx.now)
      return ctx.write(async (tx) => {
        const shift = (await tx.get('volunteerShifts', shiftId))!
        const attendance = await tx.get('shiftAttendance', attendanceId(shiftId, personId))
        if (!attendance) throw new AppError('NOT_CHECKED_IN', '这位没有这个班次的签到记录；到场了的话，请先代签到和签退')
        const r = await correctShift(tx, { shift, activity, attendance, minutes, reason: why, staffAccountId: ctx.actor.accountId, actorAccountId: ctx.actor.accountId, now: ctx.now })
        await audit(ctx, tx, 'volunteer.hours.correct', `shiftAttendance/${attendance._id}`, personId, { shiftId, from: attendance.creditedMinutes, to: minutes, reason: why })
        return { shiftId, personId, minutes, delta: r.delta, totalMinutes: r.total }
      })
    }
  },

  'volunteer.confirmHours': {
    access: STAFF,
    run: async (ctx, { shiftId, personId }) => {
      await managedShift(ctx, shiftId)
      return ctx.write(async (tx) => {
        const a = await tx.get('shiftAttendance', attendanceId(shiftId, personId))
        if (!a) throw new AppError('NOT_FOUND')
        if (!a.flag) throw new AppError('ALREADY_DONE', '这条时长已经核对过了')
        await tx.update('shiftAttendance', a._id, { flag: null, flagClearedBy: ctx.actor.accountId, updatedAt: ctx.now })
        await audit(ctx, tx, 'volunteer.hours.confirm', `shiftAttendance/${a._id}`, personId, { shiftId, minutes: a.creditedMinutes })
        return { shiftId, personId }
      })
    }
  },

  'volunteer.settleShift': {
    access: STAFF,
    run: async (ctx, { shiftId }) => {
      const { shift } = await managedShift(ctx, shiftId)
      if (!isSettleDue(shift, ctx.now)) {
        throw new AppError('ILLEGAL_TRANSITION', `签退到 ${formatDateTime(checkoutClosesAt(shift))} 才截止，过了这个时间再结算`)
      }
      const open = await ctx.store.find('shiftAttendance', { where: { shiftId, checkOutAt: null }, limit: 1000 })
      return ctx.write(async (tx) => {
        let settled = 0
        for (const a of open) if (await settleForgotten(tx, shiftId, a.personId, ctx.now)) settled += 1
        if (settled) await audit(ctx, tx, 'volunteer.shift.settle', `volunteerShifts/${shiftId}`, null, { settled })
        return { shiftId, settled }
      })
    }
  },

  'volunteer.searchPool': {
    access: STAFF,
    run: async (ctx, { skill, orgUnitId, q, availableOnly }) => {
      const units = await loadOrgUnits(ctx.store)
      const scope = coveredUnits(ctx.actor, units)
      if (orgUnitId && !scope.has(orgUnitId)) throw new AppError('FORBIDDEN', '这个区县不归您所在的单位管理')
      const profiles = (
        await ctx.store.find('volunteerProfiles', { where: { orgUnitId: orgUnitId ? orgUnitId : { in: [...scope] }, ...(availableOnly ? { available: true } : {}) }, limit: 1000 })
      ).filter((p) => !skill || p.skills.includes(skill))
      if (profiles.length === 0) return { items: [] }
      const ids = profiles.map((p) => p._id)
      const [persons, balances, memberships, accounts] = await Promise.all([
        ctx.store.find('persons', { where: { _id: { in: ids } } }),
        ctx.store.find('hoursBalances', { where: { _id: { in: ids } } }),
        ctx.store.find('teamMembers', { where: { personId: { in: ids }, status: 'member' }, limit: 1000 }),
        ctx.store.find('accounts', { where: { personId: { in: ids } } })
      ])
      const teams = memberships.length ? await ctx.store.find('volunteerTeams', { where: { _id: { in: [...new Set(memberships.map((m) => m.teamId))] } } }) : []
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
          teams: memberships.filter((m) => m.personId === p._id).map((m) => teams.find((t) => t._id === m.teamId)?.name ?? '').filter(Boolean),
          totalMinutes: balances.find((b) => b._id === p._id)?.minutes ?? 0,
          isVolunteer: accounts.some((a) => a.personId === p._id && a.roles.includes('volunteer'))
        })
      }
      items.sort((a, b) => Number(b.available) - Number(a.available) || b.totalMinutes - a.totalMinutes || a.name.localeCompare(b.name, 'zh'))
      return { items: items.slice(0, 200) }
    }
  },

  'volunteer.settingsUpdate': {
    access: STAFF,
    run: async (ctx, { intakeMaxAge }) => {
      const unit = ctx.actor.orgUnitId ? await ctx.store.get('orgUnits', ctx.actor.orgUnitId) : null
      if (!hasRole(ctx.actor, 'admin') && unit?.kind !== 'bureau') throw new AppError('FORBIDDEN', '志愿服务设置由市老干部局的工作人员修改')
      const [before, help, rules] = await Promise.all([loadVolunteerSettings(ctx.store), loadHelpSettings(ctx.store), loadPointsRules(ctx.store)])
      return ctx.write(async (tx) => {
        await tx.put('settings', { _id: VOLUNTEER_SETTINGS_ID, value: { intakeMaxAge }, updatedAt: ctx.now, updatedBy: ctx.actor.accountId })
        await audit(ctx, tx, 'volunteer.settingsUpdate', `settings/${VOLUNTEER_SETTINGS_ID}`, null, { before: before.intakeMaxAge, after: intakeMaxAge })
        return { intakeMaxAge, skills: help.skills, shiftPoints: rules.volunteerShift }
      })
    }
  }
} satisfies Partial<HandlerTable>
