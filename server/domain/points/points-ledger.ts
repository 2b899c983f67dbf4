/**
 * The points ledger's write side. Every change of a balance goes through here, inside the caller's
 * transaction, so the entry and the stored balance commit together (or not at all).
 *
 * Contract for callers (check-in, volunteer shifts, staff records): call `awardPoints` inside `ctx.write`'s
 * transaction with a `source` that names what earned the points; the same source for the same person is
 * awarded at most once, whatever retries, double taps or races happen (its entry has a deterministic `_id`).
 * If the award is taken back (`reverseAward`, e.g. a check-in revoked), the same source may be awarded again
 * later as a new generation (`award:…:2`), so a source never counts more than once at any time.
 *
 * The daily cap (rules.dailyCap) is enforced here, with a per-person-per-day counter document written in the
 * same transaction, so every caller gets it; a cut award says so in its entry's `note`.
 *
 * A balance never goes below zero: a negative entry that would take it there is refused (INSUFFICIENT_POINTS),
 * except a reversal, which takes back only what is left and says so.
 */
import type { PointsRules } from '../../../types/actions/points'
import type { Tx } from '../../storage/port'
import type { PointsEntryDoc } from '../../storage/schema'
import { businessDay } from '../../../types/time'
import { AppError } from '../../core/app-error'
import { loadPointsRules } from './points-rules'

export interface Source {
  kind: string
  id: string
}

export interface AwardInput {
  personId: string
  amount: number
  reason: string
  source: Source
  actorAccountId: string
  at: number
  /** The staff member who recorded it (送学上门), if any. */
  staffAccountId?: string | null
  /** The rules in force, if the caller loaded them already (else they are read in this transaction). */
  rules?: PointsRules
}

export interface AwardResult {
  /** awarded: in full; capped: the daily cap cut it (perhaps to 0); already: this source counts already. */
  status: 'awarded' | 'capped' | 'already'
  amount: number
  entryId: string
  /** Why less than asked was awarded (the daily cap, an earlier reversal), in plain words; null in full. */
  note: string | null
}

const MAX_GENERATIONS = 100

export const awardEntryId = (source: Source, personId: string, generation = 1) =>
  `award:${source.kind}:${source.id}:${personId}${generation > 1 ? `:${generation}` : ''}`

export const reversalEntryId = (source: Source, personId: string, generation = 1) =>
  `reversal:${source.kind}:${source.id}:${personId}${generation > 1 ? `:${generation}` : ''}`

export const dailyCounterId = (personId: string, day: string) => `${personId}:${day}`

/** Appends an entry and moves the stored balance by its amount, in the same transaction. Returns the new balance. */
export async function appendEntry(tx: Tx, entry: PointsEntryDoc): Promise<number> {
  const balance = await tx.get('pointsBalances', entry.personId)
  const next = (balance?.balance ?? 0) + entry.amount
  if (entry.amount < 0 && next < 0) {
    throw new AppError('INSUFFICIENT_POINTS', `积分不够：现有 ${balance?.balance ?? 0} 分，需要 ${-entry.amount} 分`, {
      balance: balance?.balance ?? 0,
      needed: -entry.amount
    })
  }
  await tx.create('pointsLedger', { ...entry, seq: (balance?.entries ?? 0) + 1 })
  if (balance) {
    await tx.update('pointsBalances', entry.personId, {
      balance: next,
      entries: balance.entries + 1,
      updatedAt: entry.at
    })
  } else {
    await tx.create('pointsBalances', { _id: entry.personId, balance: next, entries: 1, updatedAt: entry.at })
  }
  return next
}

/** The live award of a source for a person (awarded and not reversed), and the next free generation. */
async function sourceState(
  tx: Tx,
  source: Source,
  personId: string
): Promise<{ live: PointsEntryDoc | null; generation: number; kept: number }> {
  // `kept`: what earlier, reversed generations left with the person because it was spent before the reversal.
  let kept = 0
  for (let g = 1; g <= MAX_GENERATIONS; g++) {
    const award = await tx.get('pointsLedger', awardEntryId(source, personId, g))
    if (!award) return { live: null, generation: g, kept }
    const reversal = await tx.get('pointsLedger', reversalEntryId(source, personId, g))
    if (!reversal) return { live: award, generation: g, kept }
    kept += award.amount + reversal.amount
  }
  throw new AppError('ILLEGAL_TRANSITION', '这项积分已经撤销和补记太多次了，请联系管理员核对')
}

/** Awards points for a source once, within the daily cap. */
export async function award(tx: Tx, input: AwardInput): Promise<AwardResult> {
  const { live, generation, kept } = await sourceState(tx, input.source, input.personId)
  if (live) return { status: 'already', amount: 0, entryId: live._id, note: null }
  const rules = input.rules ?? (await loadPointsRules(tx))
  const day = businessDay(input.at)
  const counterId = dailyCounterId(input.personId, day)
  const counter = await tx.get('pointsDaily', counterId)
  const used = counter?.awarded ?? 0
  let amount = input.amount
  const notes: string[] = []
  // A source counts once: what an earlier reversal could not take back is part of this award already.
  if (kept > 0) {
    const less = Math.min(kept, amount)
    notes.push(`上次撤销时有 ${kept} 分已用掉没有扣回，这次少加 ${less} 分`)
    amount -= less
  }
  if (rules.dailyCap !== null && used + amount > rules.dailyCap) {
    const room = Math.max(0, rules.dailyCap - used)
    notes.push(
      room === 0
        ? `这一天已得满 ${rules.dailyCap} 分（每天最多 ${rules.dailyCap} 分），这次不再加分`
        : `每天最多 ${rules.dailyCap} 分，这次只加 ${room} 分（本应 ${amount} 分）`
    )
    amount = room
  }
  const note = notes.length ? notes.join('；') : null
  const entryId = awardEntryId(input.source, input.personId, generation)
  await appendEntry(tx, {
    _id: entryId,
    personId: input.personId,
    kind: 'award',
    amount,
    reason: input.reason,
    source: { kind: input.source.kind, id: input.source.id },
    day,
    at: input.at,
    actorAccountId: input.actorAccountId,
    staffAccountId: input.staffAccountId ?? null,
    note,
    requested: note ? input.amount : null
  })
  if (counter) await tx.update('pointsDaily', counterId, { awarded: used + amount })
  else await tx.create('pointsDaily', { _id: counterId, personId: input.personId, day, awarded: amount })
  return { status: note ? 'capped' : 'awarded', amount, entryId, note }
}

/**
 * Awards points for a source once. Returns the amount awarded: 0 if this source was already awarded to this
 * person (nothing is written then) or if the daily cap left no room (an entry of 0 says so in the history).
 */
export async function awardPoints(tx: Tx, input: AwardInput): Promise<number> {
  if (input.amount <= 0) return 0
  return (await award(tx, input)).amount
}

export interface ReverseInput {
  personId: string
  source: Source
  /** Plain words: 撤销：参加「重阳节座谈会」（签到已撤销） */
  reason: string
  actorAccountId: string
  staffAccountId: string | null
  at: number
}

/**
 * Takes back the live award of a source (e.g. a check-in revoked). Returns the amount taken back (0 if there is
 * no live award). Points already spent are not taken back below zero; the entry's note says so. The award's
 * day gets its daily-cap room back.
 */
export async function reverseAward(tx: Tx, input: ReverseInput): Promise<number> {
  const { live, generation } = await sourceState(tx, input.source, input.personId)
  if (!live) return 0
  const balance = (await tx.get('pointsBalances', input.personId))?.balance ?? 0
  const amount = Math.min(live.amount, balance)
  await appendEntry(tx, {
    _id: reversalEntryId(input.source, input.personId, generation),
    personId: input.personId,
    kind: 'reversal',
    amount: -amount,
    reason: input.reason,
    source: { kind: input.source.kind, id: input.source.id },
    day: businessDay(input.at),
    at: input.at,
    actorAccountId: input.actorAccountId,
    staffAccountId: input.staffAccountId,
    note: amount < live.amount ? `原来的 ${live.amount} 分里有 ${live.amount - amount} 分已经用掉，不再扣回` : null,
    requested: amount < live.amount ? live.amount : null
  })
  const counterId = dailyCounterId(input.personId, live.day)
  const counter = await tx.get('pointsDaily', counterId)
  if (counter) await tx.update('pointsDaily', counterId, { awarded: Math.max(0, counter.awarded - live.amount) })
  return amount
}

export interface AdjustInput {
  entryId: string
  personId: string
  amount: number
  /** What staff wrote: 补录3月学习. The history shows 工作人员调整：补录3月学习. */
  reason: string
  staffAccountId: string
  actorAccountId: string
  at: number
}

/** A staff adjustment with its reason and staff id. Refused if it would take the balance below zero. */
export async function adjustPoints(tx: Tx, input: AdjustInput): Promise<number> {
  if (!input.reason.trim()) throw new AppError('REASON_REQUIRED')
  if (!input.staffAccountId) throw new AppError('FORBIDDEN')
  return appendEntry(tx, {
    _id: input.entryId,
    personId: input.personId,
    kind: 'adjustment',
    amount: input.amount,
    reason: `工作人员调整：${input.reason.trim()}`,
    source: null,
    day: businessDay(input.at),
    at: input.at,
    actorAccountId: input.actorAccountId,
    staffAccountId: input.staffAccountId,
    note: null,
    requested: null
  })
}
