/**
 * Checking in and out of a volunteer shift, the same way for every method (the volunteer scans the shift's
 * `shift-in` / `shift-out` code; staff scan the volunteer's own 签到码; staff 代签 from the roster), and settling
 * forgotten check-outs. One attendance record per person per shift (`shiftAttendance/<shiftId>:<personId>`):
 *
 * - check-in makes it (a person without a sign-up takes a place through the pool, like a walk-in at an
 *   activity); a repeat answers 'already' with the first time;
 * - check-out completes it and credits the shift in the same transaction (hours + points, hours-ledger.ts);
 *   a repeat answers 'already' and credits nothing;
 * - a check-in still open after the check-out time (end + 30 minutes) is settled: credited to the shift's end,
 *   flagged for staff, and the volunteer is told. Settling happens at the first read after that time that
 *   concerns the person or the shift (their 我的志愿服务 / 时长 / 证明, the staff roster and desk), or when
 *   staff press 结算 — idempotent whichever comes first, because every path writes the same attendance record
 *   and the same deterministic credit id.
 *
 * Every function here runs inside the caller's transaction.
 */
import type { ShiftDirection, ShiftScanResult } from '../../../types/actions/volunteer'
import { formatClock, formatDateTime } from '../../../types/time'
import { AppError } from '../../core/app-error'
import type { StoragePort, Tx } from '../../storage/port'
import { DuplicateIdError, TxConflictError } from '../../storage/port'
import type { PersonDoc, ShiftAttendanceDoc, VolunteerActivityDoc, VolunteerShiftDoc } from '../../storage/schema'
import { join } from '../capacity/capacity-pool'
import { newId } from '../ids'
import { sendMessage } from '../messages/inbox'
import { tooEarlyMessage } from '../checkin/checkin-window'
import { checkinOpensAt, checkoutClosesAt, creditFor, isSettleDue, staffMarkClosesAt } from './crediting'
import { creditShift, shiftText } from './hours-ledger'
import { attendanceId, memberId, newShiftSignup, shiftPool, shiftSignupId } from './shift-pool'

export type MarkMethod = 'scan' | 'staff-scan' | 'proxy'

export interface MarkRequest {
  shiftId: string
  person: PersonDoc
  direction: ShiftDirection
  method: MarkMethod
  /** When the person was there (the scan time; for 代签 the time staff give, default now). */
  at: number
  now: number
  actorAccountId: string
  reason: string | null
}

export const volunteerLink = (activityId: string) =>
  `/packages/volunteer/activity/index?id=${encodeURIComponent(activityId)}`

const staffSide = (m: MarkMethod) => m !== 'scan'

/** The shift and its activity, as they are in this transaction; refuses cancelled or unpublished ones. */
export async function loadShift(
  tx: Pick<Tx, 'get'>,
  shiftId: string
): Promise<{ shift: VolunteerShiftDoc; activity: VolunteerActivityDoc }> {
  const shift = await tx.get('volunteerShifts', shiftId)
  const activity = shift ? await tx.get('volunteerActivities', shift.activityId) : null
  if (!shift || !activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', '没有找到这个志愿服务班次，请刷新后再看')
  if (activity.status === 'cancelled' || shift.status === 'cancelled')
    throw new AppError('ACTIVITY_CANCELLED', '这个班次已取消，不用签到了')
  return { shift, activity }
}

function result(
  req: MarkRequest,
  shift: VolunteerShiftDoc,
  activity: VolunteerActivityDoc,
  over: Partial<ShiftScanResult>
): ShiftScanResult {
  return {
    direction: req.direction,
    result: 'done',
    shiftId: shift._id,
    title: shiftText(activity, shift),
    personId: req.person._id,
    personName: req.person.name,
    at: req.at,
    creditedMinutes: null,
    points: 0,
    notes: [],
    walkIn: false,
    ...over
  }
}

/** The time checks for a check-in or check-out at `at` (staff 代签 may be entered up to three days late). */
function assertWindow(shift: VolunteerShiftDoc, req: MarkRequest, attendance: ShiftAttendanceDoc | null): void {
  if (req.at > req.now + 2 * 60_000) throw new AppError('VALIDATION', '签到时间不能晚于现在，请重新选择时间')
  if (req.method === 'proxy' && req.now > staffMarkClosesAt(shift)) {
    throw new AppError('CHECKIN_CLOSED', '班次结束已超过三天，不能再补录了；如需调整时长，请用「更正时长」')
  }
  if (req.direction === 'in') {
    if (req.at < checkinOpensAt(shift)) {
      throw new AppError('CHECKIN_NOT_OPEN', tooEarlyMessage(checkinOpensAt(shift), shift.endAt, req.at, req.now), {
        opensAt: checkinOpensAt(shift)
      })
    }
    if (req.at > shift.endAt)
      throw new AppError('CHECKIN_CLOSED', '这个班次已经结束，不能再签到了；如需补签请找工作人员')
    return
  }
  if (req.at < shift.startAt)
    throw new AppError('CHECKIN_NOT_OPEN', `班次 ${formatClock(shift.startAt)} 才开始，现在还不能签退`)
  if (attendance && req.at < attendance.checkInAt)
    throw new AppError('VALIDATION', `签退时间不能早于签到时间 ${formatClock(attendance.checkInAt)}`)
  if (req.at > checkoutClosesAt(shift)) {
    throw new AppError(
      'CHECKIN_CLOSED',
      `签退时间已过。没有签退的，时长按班次结束 ${formatClock(shift.endAt)} 计；如有出入请找工作人员`
    )
  }
}

async function auditMark(tx: Tx, req: MarkRequest, id: string, detail: Record<string, unknown>): Promise<void> {
  if (!staffSide(req.method)) return
  await tx.create('audit', {
    _id: newId('au_'),
    at: req.now,
    actorAccountId: req.actorAccountId,
    subjectPersonId: req.person._id,
    action: req.method === 'proxy' ? `volunteer.proxy.${req.direction}` : `volunteer.staff.scan.${req.direction}`,
    target: `shiftAttendance/${id}`,
    detail: { ...detail, reason: req.reason, at: req.at }
  })
}

export async function recordCheckIn(tx: Tx, req: MarkRequest): Promise<ShiftScanResult> {
  const { shift, activity } = await loadShift(tx, req.shiftId)
  const { person } = req
  const _id = attendanceId(shift._id, person._id)
  const prior = await tx.get('shiftAttendance', _id)
  if (prior) return result(req, shift, activity, { result: 'already', at: prior.checkInAt, walkIn: prior.walkIn })
  assertWindow(shift, req, null)

  const signup = await tx.get('shiftSignups', shiftSignupId(shift._id, person._id))
  let walkIn = false
  if (signup?.status !== 'signed') {
    if (signup?.status === 'waitlisted') {
      throw new AppError(
        'STILL_WAITLISTED',
        staffSide(req.method) ? `${person.name}还在候补名单上，名额已满。如确需参加，请先增加名额` : undefined
      )
    }
    if (activity.teamOnly && activity.teamId && !staffSide(req.method)) {
      const member = await tx.get('teamMembers', memberId(activity.teamId, person._id))
      if (member?.status !== 'member')
        throw new AppError('NOT_TEAM_MEMBER', '您没有报名这个班次，它只面向队员，请找工作人员')
    }
    const taken = await join(tx, shiftPool(shift._id), {
      holderId: shiftSignupId(shift._id, person._id),
      now: req.now,
      waitlist: false,
      create: newShiftSignup(shift._id, activity._id, person._id, req.actorAccountId, req.now),
      patch: { actorAccountId: req.actorAccountId }
    })
    if (taken.outcome === 'full')
      throw new AppError('NO_PLACES_LEFT', '这个班次名额已满，不能现场报名了，请联系工作人员')
    walkIn = true
  }
  await tx.create('shiftAttendance', {
    _id,
    shiftId: shift._id,
    activityId: activity._id,
    personId: person._id,
    checkInAt: req.at,
    checkInMethod: req.method,
    checkInBy: req.actorAccountId,
    checkInReason: req.reason,
    checkOutAt: null,
    checkOutMethod: null,
    checkOutBy: null,
    checkOutReason: null,
    walkIn,
    creditedMinutes: null,
    flag: null,
    flagClearedBy: null,
    createdAt: req.now,
    updatedAt: req.now
  })
  await auditMark(tx, req, _id, { shiftId: shift._id, walkIn })
  return result(req, shift, activity, { walkIn })
}

export async function recordCheckOut(tx: Tx, req: MarkRequest): Promise<ShiftScanResult> {
  const { shift, activity } = await loadShift(tx, req.shiftId)
  const _id = attendanceId(shift._id, req.person._id)
  const attendance = await tx.get('shiftAttendance', _id)
  if (!attendance) {
    throw new AppError(
      'NOT_CHECKED_IN',
      staffSide(req.method) ? `${req.person.name}还没有签到，请先为他（她）签到` : '您还没有签到这个班次，请先扫签到码'
    )
  }
  if (attendance.checkOutAt !== null) {
    return result(req, shift, activity, {
      result: 'already',
      at: attendance.checkOutAt,
      creditedMinutes: attendance.creditedMinutes,
      walkIn: attendance.walkIn
    })
  }
  assertWindow(shift, req, attendance)
  const credit = creditFor(shift, attendance.checkInAt, req.at)
  await tx.update('shiftAttendance', _id, {
    checkOutAt: req.at,
    checkOutMethod: req.method,
    checkOutBy: req.actorAccountId,
    checkOutReason: req.reason,
    creditedMinutes: credit.minutes,
    updatedAt: req.now
  })
  const credited = await creditShift(tx, {
    shift,
    activity,
    personId: req.person._id,
    credit,
    actorAccountId: req.actorAccountId,
    staffAccountId: staffSide(req.method) ? req.actorAccountId : null,
    now: req.now
  })
  await auditMark(tx, req, _id, { shiftId: shift._id, minutes: credit.minutes })
  const notes = credited.pointsNote ? [...credit.notes, credited.pointsNote] : credit.notes
  return result(req, shift, activity, {
    creditedMinutes: credit.minutes,
    points: credited.points,
    notes,
    walkIn: attendance.walkIn
  })
}

/**
 * Settles a forgotten check-out: credited to the shift's end, flagged, and the volunteer told. Answers whether
 * it settled anything (false: not due yet, already checked out, or no check-in).
 */
export async function settleForgotten(tx: Tx, shiftId: string, personId: string, now: number): Promise<boolean> {
  const attendance = await tx.get('shiftAttendance', attendanceId(shiftId, personId))
  if (!attendance || attendance.checkOutAt !== null) return false
  const shift = await tx.get('volunteerShifts', shiftId)
  const activity = shift ? await tx.get('volunteerActivities', shift.activityId) : null
  if (!shift || !activity || !isSettleDue(shift, now)) return false
  const credit = creditFor(shift, attendance.checkInAt, null)
  await tx.update('shiftAttendance', attendance._id, {
    checkOutAt: shift.endAt,
    checkOutMethod: 'auto',
    checkOutBy: 'system',
    creditedMinutes: credit.minutes,
    flag: 'forgot-checkout',
    updatedAt: now
  })
  await creditShift(tx, { shift, activity, personId, credit, actorAccountId: 'system', staffAccountId: null, now })
  await sendMessage(tx, {
    id: `forgot-checkout:${attendance._id}`,
    toPersonId: personId,
    title: `没有签退：${shiftText(activity, shift)}`,
    body: `您在 ${formatDateTime(shift.startAt)} 的志愿服务没有签退，时长已按班次结束时间 ${formatClock(shift.endAt)} 计入，工作人员会核对。如有出入，请联系工作人员。`,
    link: volunteerLink(activity._id),
    at: now
  })
  return true
}

/**
 * Settles every forgotten check-out that is due, for a person or for a shift, each in its own small transaction.
 * Reads call this before they read hours, so what they show is already settled. Safe to run concurrently: two
 * settlers of the same record write the same documents, and the loser finds it settled.
 */
export async function settleDue(
  store: StoragePort,
  where: { personId: string } | { shiftId: string },
  now: number
): Promise<number> {
  const open = await store.find('shiftAttendance', { where: { ...where, checkOutAt: null }, limit: 200 })
  if (open.length === 0) return 0
  const shifts = await store.find('volunteerShifts', {
    where: { _id: { in: [...new Set(open.map((a) => a.shiftId))] } }
  })
  let settled = 0
  for (const a of open) {
    const shift = shifts.find((s) => s._id === a.shiftId)
    if (!shift || !isSettleDue(shift, now)) continue
    try {
      if (await store.transaction((tx) => settleForgotten(tx, a.shiftId, a.personId, now))) settled += 1
    } catch (err) {
      // Somebody else settled (or checked out) at the same moment: what they wrote stands.
      if (!(err instanceof TxConflictError) && !(err instanceof DuplicateIdError)) throw err
    }
  }
  return settled
}
