/**
 * The hours ledger's write side (志愿服务时长), kept apart from points and with the same discipline:
 *
 * - append-only entries, each with the person's entry number `seq` from the balance's counter, and a stored
 *   total (`hoursBalances/<personId>`) changed in the same transaction as each entry;
 * - one credit per shift per person: its `_id` is `credit:<shiftId>:<personId>`, so no retry, double tap or
 *   race counts a shift twice;
 * - a correction is a new entry (`correction:<personId>:<seq>`) with the staff id and the reason, for the
 *   difference between what was credited and what staff set;
 * - the shift's points are awarded with `awardPoints` (source `{ kind: 'shift', id: shiftId }`) in the same
 *   transaction as the credit, so hours and points commit together and a shift awards points once.
 *
 * Every function runs inside the caller's transaction.
 */
import type { PointsRules } from '../../../types/actions/points'
import { businessDay } from '../../../types/time'
import { AppError } from '../../core/app-error'
import type { Tx } from '../../storage/port'
import type { HoursEntryDoc, ShiftAttendanceDoc, VolunteerActivityDoc, VolunteerShiftDoc } from '../../storage/schema'
import { award, awardPoints, reverseAward } from '../points/points-ledger'
import { loadPointsRules } from '../points/points-rules'
import type { Credit } from './crediting'

export const creditEntryId = (shiftId: string, personId: string) => `credit:${shiftId}:${personId}`
export const correctionEntryId = (personId: string, seq: number) => `correction:${personId}:${seq}`
export const shiftSource = (shiftId: string) => ({ kind: 'shift', id: shiftId })

/** 「关爱空巢老人上门探访」上午班 */
export const shiftText = (activity: Pick<VolunteerActivityDoc, 'title'>, shift: Pick<VolunteerShiftDoc, 'label'>) =>
  `「${activity.title}」${shift.label}`

/** Points for serving one shift: the activity's own points, else the rule. */
export function shiftPoints(
  activity: Pick<VolunteerActivityDoc, 'points'>,
  rules: Pick<PointsRules, 'volunteerShift'>
): number {
  return activity.points ?? rules.volunteerShift ?? 0
}

/** Appends an entry and moves the stored total by its minutes, in the same transaction. Returns the new total. */
export async function appendHours(tx: Tx, entry: Omit<HoursEntryDoc, 'seq'>): Promise<{ total: number; seq: number }> {
  const balance = await tx.get('hoursBalances', entry.personId)
  const total = (balance?.minutes ?? 0) + entry.minutes
  if (total < 0) throw new AppError('VALIDATION', '更正后总时长不能少于 0')
  const seq = (balance?.entries ?? 0) + 1
  await tx.create('hoursLedger', { ...entry, seq })
  await tx.put('hoursBalances', { _id: entry.personId, minutes: total, entries: seq, updatedAt: entry.at })
  return { total, seq }
}

export interface CreditInput {
  shift: VolunteerShiftDoc
  activity: VolunteerActivityDoc
  personId: string
  credit: Credit
  actorAccountId: string
  staffAccountId: string | null
  now: number
}

/**
 * Credits a shift once: the entry with the deterministic id and the shift's points. Answers the minutes and
 * the points awarded by this call (0 and 0 when the shift was credited before).
 */
export async function creditShift(
  tx: Tx,
  input: CreditInput
): Promise<{ minutes: number; points: number; pointsNote: string | null; already: boolean }> {
  const { shift, activity, personId, credit } = input
  const _id = creditEntryId(shift._id, personId)
  if (await tx.get('hoursLedger', _id)) return { minutes: 0, points: 0, pointsNote: null, already: true }
  await appendHours(tx, {
    _id,
    personId,
    kind: 'credit',
    minutes: credit.minutes,
    shiftId: shift._id,
    activityId: activity._id,
    text: shiftText(activity, shift),
    day: businessDay(shift.startAt),
    at: input.now,
    from: credit.from,
    to: credit.to,
    actorAccountId: input.actorAccountId,
    staffAccountId: input.staffAccountId,
    reason: null,
    notes: credit.notes
  })
  let points = 0
  let pointsNote: string | null = null
  const rules = credit.minutes > 0 ? await loadPointsRules(tx) : null
  const amount = rules ? shiftPoints(activity, rules) : 0
  if (rules && amount > 0) {
    const awarded = await award(tx, {
      personId,
      amount,
      reason: `志愿服务${shiftText(activity, shift)}`,
      source: shiftSource(shift._id),
      actorAccountId: input.actorAccountId,
      staffAccountId: input.staffAccountId,
      // When the service ended (the shift's day): the daily cap counts it there, whenever it is settled.
      at: credit.to,
      rules
    })
    points = awarded.amount
    pointsNote = awarded.note
  }
  return { minutes: credit.minutes, points, pointsNote, already: false }
}

export interface CorrectionInput {
  shift: VolunteerShiftDoc
  activity: VolunteerActivityDoc
  attendance: ShiftAttendanceDoc
  minutes: number
  reason: string
  staffAccountId: string
  actorAccountId: string
  now: number
}

/**
 * Staff set the minutes of one person's shift. The difference to what is credited is a new entry with the
 * reason and the staff id; the attendance mirrors the new minutes and its flag is cleared. The shift's points
 * follow: taken back when it drops to 0, awarded (once) when it rises from 0.
 */
export async function correctShift(tx: Tx, input: CorrectionInput): Promise<{ delta: number; total: number }> {
  const { shift, activity, attendance } = input
  const reason = input.reason.trim()
  if (reason.length < 2) throw new AppError('REASON_REQUIRED', '更正时长要写明原因，例如「实际 11:30 离开，忘了签退」')
  if (attendance.creditedMinutes === null)
    throw new AppError('NOT_CHECKED_IN', '这位还没有签退或结算，先签退（或结算）后再更正时长')
  const delta = input.minutes - attendance.creditedMinutes
  if (delta === 0) throw new AppError('ALREADY_DONE', '时长和现在记的一样，不用更正；核对无误请点「核对无误」')
  const balance = await tx.get('hoursBalances', attendance.personId)
  const seq = (balance?.entries ?? 0) + 1
  const { total } = await appendHours(tx, {
    _id: correctionEntryId(attendance.personId, seq),
    personId: attendance.personId,
    kind: 'correction',
    minutes: delta,
    shiftId: shift._id,
    activityId: activity._id,
    text: shiftText(activity, shift),
    day: businessDay(shift.startAt),
    at: input.now,
    from: null,
    to: null,
    actorAccountId: input.actorAccountId,
    staffAccountId: input.staffAccountId,
    reason,
    notes: [`工作人员更正：${reason}`]
  })
  await tx.update('shiftAttendance', attendance._id, {
    creditedMinutes: input.minutes,
    flag: null,
    flagClearedBy: attendance.flag ? input.staffAccountId : attendance.flagClearedBy,
    updatedAt: input.now
  })
  const rules = await loadPointsRules(tx)
  if (input.minutes === 0) {
    await reverseAward(tx, {
      personId: attendance.personId,
      source: shiftSource(shift._id),
      reason: `撤销：志愿服务${shiftText(activity, shift)}（时长更正为 0）`,
      actorAccountId: input.actorAccountId,
      staffAccountId: input.staffAccountId,
      at: input.now
    })
  } else if (attendance.creditedMinutes === 0) {
    await awardPoints(tx, {
      personId: attendance.personId,
      amount: shiftPoints(activity, rules),
      reason: `志愿服务${shiftText(activity, shift)}`,
      source: shiftSource(shift._id),
      actorAccountId: input.actorAccountId,
      staffAccountId: input.staffAccountId,
      at: input.now,
      rules
    })
  }
  return { delta, total }
}
