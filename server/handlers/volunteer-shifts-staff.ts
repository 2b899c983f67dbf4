/**
 * Volunteer shifts, staff's side, scoped to their org unit: shifts (add, change, cancel), the shift roster with
 * its rotating check-in/out codes, scanning a volunteer's own 签到码, 代签 and 补录 with a reason, hours
 * corrections with a reason, and settling forgotten check-outs (结算).
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import type { RosterLine } from '../../types/actions/volunteer'
import { formatDateTime } from '../../types/time'
import { SHIFT_CODE_KINDS } from '../../types/volunteer-rules'
import type { VolunteerShiftDoc } from '../storage/schema'
import { openPool, resize, touch, assertSameVersion } from '../domain/capacity/capacity-pool'
import { resolveScan } from '../domain/checkin/scan-claim'
import { newId } from '../domain/ids'
import { loadOrgUnits } from '../domain/org/org-scope'
import { issueCode } from '../domain/tokens/rotating-code'
import { loadHelpSettings } from '../domain/help/help-settings'
import {
  recordCheckIn,
  recordCheckOut,
  settleDue,
  settleForgotten,
  type MarkRequest
} from '../domain/volunteer/attendance'
import { checkinOpensAt, checkoutClosesAt, isSettleDue } from '../domain/volunteer/crediting'
import { correctShift } from '../domain/volunteer/hours-ledger'
import { attendanceId, shiftCounterId, shiftPool } from '../domain/volunteer/shift-pool'
import { attendanceView, shiftCards } from '../domain/volunteer/volunteer-view'
import { tellShiftCancelled, tellShiftChanged, tellShiftPromoted } from '../domain/volunteer/volunteer-notices'
import { audit, loadPerson, managedActivity, managedShift } from '../domain/volunteer/staff-scope'
import { shiftHolders } from '../domain/volunteer/shift-holders'

async function mark(ctx: Ctx, req: Omit<MarkRequest, 'now' | 'actorAccountId'>) {
  const full: MarkRequest = { ...req, now: ctx.now, actorAccountId: ctx.actor.accountId }
  return ctx.write((tx) => (req.direction === 'in' ? recordCheckIn(tx, full) : recordCheckOut(tx, full)))
}

export const volunteerShiftStaffHandlers = {
  'volunteer.staff.shiftSave': {
    run: async (ctx, { activityId, shiftId, fields }) => {
      const activity = await managedActivity(ctx, activityId)
      if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', '这个活动已取消，不能再加班次')
      const help = await loadHelpSettings(ctx.store)
      const unknown = fields.skills.find((s) => !help.skills.includes(s))
      if (unknown) throw new AppError('VALIDATION', `「${unknown}」不在特长列表里，请重新选择`, { field: 'skills' })
      if (!shiftId) {
        if (fields.startAt < ctx.now)
          throw new AppError('VALIDATION', '班次的开始时间已经过了，请重新选择', { field: 'startAt' })
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
      const seen = moved ? await shiftHolders(ctx, shiftId) : { version: 0, list: [] }
      return ctx.write(async (tx) => {
        const current = await tx.get('volunteerShifts', shiftId)
        if (!current) throw new AppError('NOT_FOUND')
        const next: VolunteerShiftDoc = {
          ...current,
          label: fields.label,
          startAt: fields.startAt,
          endAt: fields.endAt,
          place: fields.place,
          capacity: fields.capacity,
          skills: fields.skills,
          updatedAt: ctx.now
        }
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

  'volunteer.staff.shiftCancel': {
    run: async (ctx, { shiftId, reason }) => {
      const { shift, activity } = await managedShift(ctx, shiftId)
      if (shift.status === 'cancelled') throw new AppError('ALREADY_DONE', '这个班次已经取消了')
      if (ctx.now >= shift.startAt) throw new AppError('ILLEGAL_TRANSITION', '班次已经开始，不能再取消')
      const seen = await shiftHolders(ctx, shiftId)
      return ctx.write(async (tx) => {
        assertSameVersion(seen.version, await touch(tx, shiftCounterId(shiftId)))
        await tx.update('volunteerShifts', shiftId, {
          status: 'cancelled',
          cancelReason: reason.trim() || null,
          updatedAt: ctx.now
        })
        if (activity.status === 'published')
          for (const h of seen.list) await tellShiftCancelled(tx, activity, shift, h.personId, reason.trim(), ctx.now)
        await audit(ctx, tx, 'volunteer.shift.cancel', `volunteerShifts/${shiftId}`, null, {
          reason: reason.trim() || null
        })
        return { id: shiftId, notified: activity.status === 'published' ? seen.list.length : 0 }
      })
    }
  },

  'volunteer.staff.shiftRoster': {
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
      const actorIds = [
        ...new Set(
          [
            ...signups.map((s) => s.actorAccountId),
            ...attendance.flatMap((a) => [a.checkInBy, a.checkOutBy ?? ''])
          ].filter(Boolean)
        )
      ]
      const [persons, actors] = await Promise.all([
        personIds.length ? ctx.store.find('persons', { where: { _id: { in: personIds } } }) : Promise.resolve([]),
        actorIds.length ? ctx.store.find('accounts', { where: { _id: { in: actorIds } } }) : Promise.resolve([])
      ])
      const waitlisted = signups
        .filter((s) => s.status === 'waitlisted')
        .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))
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
            a?.checkOutBy && a.checkOutMethod !== 'auto'
              ? by(a.checkOutBy, personId, a.checkOutMethod === 'proxy' ? '代签退' : '扫码签退')
              : null
          ].filter((x): x is string => !!x)
        }
      })
      // Who needs something first: flagged, then still in, then signed up and not here, then the rest.
      const rank = (l: RosterLine) =>
        l.attendance?.flagged
          ? 0
          : l.attendance && l.attendance.checkOutAt === null
            ? 1
            : l.signup === 'signed' && !l.attendance
              ? 2
              : l.attendance
                ? 3
                : 4
      lines.sort(
        (x, y) =>
          rank(x) - rank(y) ||
          (x.waitlistPosition ?? 0) - (y.waitlistPosition ?? 0) ||
          x.name.localeCompare(y.name, 'zh')
      )
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

  'volunteer.staff.shiftCode': {
    run: async (ctx, { shiftId, direction }) => {
      const { shift, activity } = await managedShift(ctx, shiftId)
      if (shift.status === 'cancelled' || activity.status === 'cancelled')
        throw new AppError('ACTIVITY_CANCELLED', '这个班次已取消')
      if (activity.status !== 'published')
        throw new AppError('ACTIVITY_NOT_OPEN', '活动还没有发布，发布后才能出示签到码')
      const code = issueCode(ctx.secrets.tokenKey, { kind: SHIFT_CODE_KINDS[direction], id: shiftId }, ctx.now)
      return { token: code.token, refreshAt: code.refreshAt, serverNow: ctx.now }
    }
  },

  'volunteer.staff.scan': {
    run: async (ctx, { shiftId, direction, token, scannedAt }) => {
      await managedShift(ctx, shiftId)
      const scan = resolveScan(ctx.secrets.tokenKey, token, 'person', ctx.now, scannedAt)
      const person = await loadPerson(ctx, scan.target.id)
      return mark(ctx, { shiftId, person, direction, method: 'staff-scan', at: scan.at, reason: null })
    }
  },

  'volunteer.staff.mark': {
    run: async (ctx, { shiftId, personId, direction, at, reason }) => {
      const why = reason.trim()
      if (why.length < 2) throw new AppError('REASON_REQUIRED', '代签要写明原因，例如「本人到场，不会用手机」')
      await managedShift(ctx, shiftId)
      const person = await loadPerson(ctx, personId)
      return mark(ctx, { shiftId, person, direction, method: 'proxy', at: at ?? ctx.now, reason: why })
    }
  },

  'volunteer.staff.correctHours': {
    run: async (ctx, { shiftId, personId, minutes, reason }) => {
      const why = reason.trim()
      if (why.length < 2) throw new AppError('REASON_REQUIRED', '更正时长要写明原因，例如「实际 11:30 离开，忘了签退」')
      const { activity } = await managedShift(ctx, shiftId)
      await settleDue(ctx.store, { shiftId }, ctx.now)
      return ctx.write(async (tx) => {
        const shift = (await tx.get('volunteerShifts', shiftId))!
        const attendance = await tx.get('shiftAttendance', attendanceId(shiftId, personId))
        if (!attendance)
          throw new AppError('NOT_CHECKED_IN', '这位没有这个班次的签到记录；到场了的话，请先代签到和签退')
        const r = await correctShift(tx, {
          shift,
          activity,
          attendance,
          minutes,
          reason: why,
          staffAccountId: ctx.actor.accountId,
          actorAccountId: ctx.actor.accountId,
          now: ctx.now
        })
        await audit(ctx, tx, 'volunteer.hours.correct', `shiftAttendance/${attendance._id}`, personId, {
          shiftId,
          from: attendance.creditedMinutes,
          to: minutes,
          reason: why
        })
        return { shiftId, personId, minutes, delta: r.delta, totalMinutes: r.total }
      })
    }
  },

  'volunteer.staff.confirmHours': {
    run: async (ctx, { shiftId, personId }) => {
      await managedShift(ctx, shiftId)
      return ctx.write(async (tx) => {
        const a = await tx.get('shiftAttendance', attendanceId(shiftId, personId))
        if (!a) throw new AppError('NOT_FOUND')
        if (!a.flag) throw new AppError('ALREADY_DONE', '这条时长已经核对过了')
        await tx.update('shiftAttendance', a._id, {
          flag: null,
          flagClearedBy: ctx.actor.accountId,
          updatedAt: ctx.now
        })
        await audit(ctx, tx, 'volunteer.hours.confirm', `shiftAttendance/${a._id}`, personId, {
          shiftId,
          minutes: a.creditedMinutes
        })
        return { shiftId, personId }
      })
    }
  },

  'volunteer.staff.settleShift': {
    run: async (ctx, { shiftId }) => {
      const { shift } = await managedShift(ctx, shiftId)
      if (!isSettleDue(shift, ctx.now)) {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `签退到 ${formatDateTime(checkoutClosesAt(shift))} 才截止，过了这个时间再结算`
        )
      }
      const open = await ctx.store.find('shiftAttendance', { where: { shiftId, checkOutAt: null }, limit: 1000 })
      return ctx.write(async (tx) => {
        let settled = 0
        for (const a of open) if (await settleForgotten(tx, shiftId, a.personId, ctx.now)) settled += 1
        if (settled) await audit(ctx, tx, 'volunteer.shift.settle', `volunteerShifts/${shiftId}`, null, { settled })
        return { shiftId, settled }
      })
    }
  }
} satisfies Partial<HandlerTable>
