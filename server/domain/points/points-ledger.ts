/**
 * The points ledger's write side. Every change of a balance goes through here, inside the caller's
 * transaction, so the entry and the stored balance commit together (or not at all).
 *
 * Contract for callers (check-in, volunteer shifts, staff records): call `awardPoints` inside `ctx.write`'s
 * transaction with a `source` that names what earned the points; the same source for the same person is
 * awarded at most once, whatever retries, double taps or races happen (its entry has a deterministic `_id`).
 */
import type { Tx } from '../../storage/port'
import type { PointsEntryDoc } from '../../storage/schema'
import { businessDay } from '../../../types/time'

export interface AwardInput {
  personId: string
  amount: number
  reason: string
  source: { kind: string; id: string }
  actorAccountId: string
  at: number
}

export const awardEntryId = (source: { kind: string; id: string }, personId: string) => `award:${source.kind}:${source.id}:${personId}`

/** Appends an entry and moves the stored balance by its amount, in the same transaction. */
export async function appendEntry(tx: Tx, entry: PointsEntryDoc): Promise<void> {
  await tx.create('pointsLedger', entry)
  const balance = await tx.get('pointsBalances', entry.personId)
  if (balance) {
    await tx.update('pointsBalances', entry.personId, { balance: balance.balance + entry.amount, entries: balance.entries + 1, updatedAt: entry.at })
  } else {
    await tx.create('pointsBalances', { _id: entry.personId, balance: entry.amount, entries: 1, updatedAt: entry.at })
  }
}

/**
 * Awards points for a source once. Returns the amount awarded, or 0 if this source was already awarded to this
 * person (nothing is written then).
 */
export async function awardPoints(tx: Tx, input: AwardInput): Promise<number> {
  if (input.amount <= 0) return 0
  const _id = awardEntryId(input.source, input.personId)
  if (await tx.get('pointsLedger', _id)) return 0
  await appendEntry(tx, {
    _id,
    personId: input.personId,
    kind: 'award',
    amount: input.amount,
    reason: input.reason,
    source: input.source,
    day: businessDay(input.at),
    at: input.at,
    actorAccountId: input.actorAccountId,
    staffAccountId: null
  })
  return input.amount
}
