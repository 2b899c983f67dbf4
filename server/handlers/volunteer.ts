/**
 * Volunteer service (志愿服务), the volunteer's side: volunteer activities and their shifts (sign up through the
 * capacity pool, cancel before the start), check-in and check-out by scanning the shift's codes, hours, the
 * 志愿服务证明 and its public verification. Viewing, sign-ups and certificates may be done for a bound elder
 * (代办); check-in/out is in person only (see `proxy` in types/actions/volunteer.ts). Teams and the 银发人才库
 * profile: volunteer-teams.ts; staff's side: volunteer-staff.ts and volunteer-shifts-staff.ts.
 */
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import type { HoursItem, ShiftCard } from '../../types/actions/volunteer'
import { SHIFT_CODE_KINDS, VERIFY_PAGE, checkCertCode, normalizeCertCode } from '../../types/volunteer-rules'
import type { PersonDoc } from '../storage/schema'
import { join, leave } from '../domain/capacity/capacity-pool'
import { resolveScan } from '../domain/checkin/scan-claim'
import { loadOrgUnits, staffCovers } from '../domain/org/org-scope'
import { findAll } from '../domain/points/points-read'
import { loadShift, recordCheckIn, recordCheckOut, settleDue } from '../domain/volunteer/attendance'
import { factsOf, prepareCertificate, storeCertificate } from '../domain/volunteer/certificate'
import { memberId, newShiftSignup, shiftPool, shiftSignupId, attendanceId } from '../domain/volunteer/shift-pool'
import { activityCards, activityDetail, shiftCards, staffScope } from '../domain/volunteer/volunteer-view'
import { tellShiftPromoted } from '../domain/volunteer/volunteer-notices'
import { self, subject } from '../domain/volunteer/volunteer-subject'

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

export const volunteerHandlers = {
  'volunteer.activities': {
    run: async (ctx) => {
      const shifts = await ctx.store.find('volunteerShifts', {
        where: { startAt: { gte: ctx.now - 24 * 3600_000 }, status: 'open' },
        orderBy: [['startAt', 'asc']],
        limit: 1000
      })
      const ids = [...new Set(shifts.filter((s) => s.endAt >= ctx.now).map((s) => s.activityId))]
      const activities = ids.length
        ? await ctx.store.find('volunteerActivities', { where: { _id: { in: ids }, status: 'published' } })
        : []
      const cards = await activityCards(ctx, activities, ctx.subjectPersonId)
      return {
        items: cards.filter((c) => c.nextShiftAt !== null).sort((a, b) => (a.nextShiftAt ?? 0) - (b.nextShiftAt ?? 0))
      }
    }
  },

  'volunteer.activity': {
    run: async (ctx, { id }) => {
      const activity = await ctx.store.get('volunteerActivities', id)
      if (!activity) throw new AppError('NOT_FOUND')
      if (activity.status === 'draft' && !(await staffScope(ctx))?.has(activity.orgUnitId))
        throw new AppError('NOT_FOUND')
      return activityDetail(ctx, activity, ctx.subjectPersonId)
    }
  },

  'volunteer.signup': {
    run: async (ctx, { shiftId }) => {
      const person = await subject(ctx)
      await assertCanSignUp(ctx, shiftId, person)
      return ctx.write(async (tx) => {
        // Again inside the transaction: the shift may have been cancelled meanwhile.
        const { shift } = await loadShift(tx, shiftId)
        if (ctx.now >= shift.startAt)
          throw new AppError('SIGNUP_CLOSED', '这个班次已经开始了，不能再报名，请看看其他班次')
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
    run: async (ctx, { shiftId }) => {
      const person = await subject(ctx)
      const { shift } = await loadShift(ctx.store, shiftId)
      if (ctx.now >= shift.startAt)
        throw new AppError('CANCEL_CLOSED', '班次已经开始，不能再取消报名了；去不了请告诉工作人员')
      if (await ctx.store.get('shiftAttendance', attendanceId(shiftId, person._id)))
        throw new AppError('ALREADY_DONE', '您已经签到了，不能再取消报名')
      return ctx.write(async (tx) => {
        const fresh = await loadShift(tx, shiftId)
        if (ctx.now >= fresh.shift.startAt)
          throw new AppError('CANCEL_CLOSED', '班次已经开始，不能再取消报名了；去不了请告诉工作人员')
        const r = await leave(tx, shiftPool(shiftId), {
          holderId: shiftSignupId(shiftId, person._id),
          now: ctx.now,
          patch: { actorAccountId: ctx.actor.accountId }
        })
        for (const p of r.promoted) await tellShiftPromoted(tx, fresh.activity, fresh.shift, p, ctx.now)
        return { shiftId, status: 'cancelled' as const, already: r.outcome === 'not-held', waitlistPosition: null }
      })
    }
  },

  'volunteer.mine': {
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
        const holding =
          !c.myAttendance && c.endAt >= ctx.now && (c.mySignup === 'signed' || c.mySignup === 'waitlisted')
        if (stillIn || holding) upcoming.push(c)
        else if (c.myAttendance) past.push(c)
      }
      upcoming.sort((a, b) => a.startAt - b.startAt)
      past.sort((a, b) => b.startAt - a.startAt)
      return { totalMinutes: balance?.minutes ?? 0, upcoming, past }
    }
  },

  'volunteer.hours': {
    run: async (ctx) => {
      const person = await subject(ctx)
      await settleDue(ctx.store, { personId: person._id }, ctx.now)
      const [balance, entries] = await Promise.all([
        ctx.store.get('hoursBalances', person._id),
        findAll(ctx.store, 'hoursLedger', { where: { personId: person._id }, orderBy: [['seq', 'desc']] })
      ])
      const items: HoursItem[] = entries.map((e) => ({
        id: e._id,
        kind: e.kind,
        at: e.at,
        day: e.day,
        text: e.text,
        minutes: e.minutes,
        notes: e.notes
      }))
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
    run: async (ctx, { token, scannedAt }) => {
      const person = await self(ctx, '签到签退')
      const scan = resolveScan(
        ctx.secrets.tokenKey,
        token,
        [SHIFT_CODE_KINDS.in, SHIFT_CODE_KINDS.out],
        ctx.now,
        scannedAt
      )
      const direction = scan.target.kind === SHIFT_CODE_KINDS.in ? 'in' : 'out'
      const req = {
        shiftId: scan.target.id,
        person,
        direction,
        method: 'scan',
        at: scan.at,
        now: ctx.now,
        actorAccountId: ctx.actor.accountId,
        reason: null
      } as const
      return ctx.write((tx) => (direction === 'in' ? recordCheckIn(tx, req) : recordCheckOut(tx, req)))
    }
  },

  'volunteer.issueCertificate': {
    run: async (ctx, { personId }) => {
      let person: PersonDoc
      if (personId && personId !== ctx.subjectPersonId) {
        const p = await ctx.store.get('persons', personId)
        if (!p) throw new AppError('NOT_FOUND')
        if (ctx.actingFor || !(await staffCovers(ctx.store, ctx.actor, p.orgUnitId)))
          throw new AppError('FORBIDDEN', '只能为本单位管理的老同志出具证明')
        person = p
      } else {
        person = await subject(ctx)
      }
      await settleDue(ctx.store, { personId: person._id }, ctx.now)
      const prepared = await prepareCertificate(
        ctx.store,
        person,
        await loadOrgUnits(ctx.store),
        ctx.now,
        ctx.actor.accountId
      )
      return ctx.write(async (tx) => {
        const { doc, reused } = await storeCertificate(tx, prepared)
        return { ...factsOf(doc), verifyPath: `${VERIFY_PAGE}?code=${doc.code}`, reused }
      })
    }
  },

  'volunteer.verifyCertificate': {
    run: async (ctx, { code }) => {
      const check = checkCertCode(code)
      if (check === 'malformed')
        throw new AppError('CERTIFICATE_INVALID', '证明编号是 16 位字母和数字，请核对后重新输入')
      if (check === 'typo')
        throw new AppError('CERTIFICATE_INVALID', '证明编号有一位不对（可能抄错了），请核对后重新输入')
      const [doc] = await ctx.store.find('volunteerCertificates', {
        where: { code: normalizeCertCode(code) },
        limit: 1
      })
      if (!doc) throw new AppError('NOT_FOUND', '没有查到这份证明。请核对编号；编号无误的话，这份证明不是本系统出具的')
      if (doc.status !== 'valid') throw new AppError('CERTIFICATE_INVALID', '这份证明已经作废')
      return factsOf(doc)
    }
  }
} satisfies Partial<HandlerTable>
