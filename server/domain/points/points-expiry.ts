/**
 * Points expiry (off by default; rules.expiry). Points earned in year Y expire at the end of year
 * Y + afterYears. Spending uses the oldest points first, so what expires for a person is what they earned up to
 * the end of Y minus everything taken from them since (redemptions, reversals, negative adjustments, earlier
 * expiries), never more than their balance.
 *
 * A run is idempotent: each person's expiry for a year has one possible `_id` (`expiry:<Y>:<personId>`), and
 * each person is one transaction, so a run stopped half-way is finished by running it again.
 */
import type { PointsRules } from '../../../types/actions/points'
import { businessDay } from '../../../types/time'
import type { StoragePort } from '../../storage/port'
import type { PointsEntryDoc } from '../../storage/schema'
import { appendEntry } from './points-ledger'
import { findAll } from './points-read'

export const expiryEntryId = (year: number, personId: string) => `expiry:${year}:${personId}`

/** What of a person's points earned up to the end of `year` is still unspent. */
export function expiringAmount(entries: PointsEntryDoc[], year: number): number {
  const end = `${year}-12-31`
  let earned = 0
  let taken = 0
  for (const e of entries) {
    if (e.amount > 0 && e.day <= end && !(e.kind === 'reversal' && e.source?.kind === 'redemption')) earned += e.amount
    else if (e.amount < 0) taken -= e.amount
    // A refund gives back points a redemption took: it cancels that taking rather than earning anew.
    if (e.kind === 'reversal' && e.source?.kind === 'redemption') taken -= e.amount
  }
  return Math.max(0, earned - taken)
}

export async function runExpiry(
  store: StoragePort,
  rules: PointsRules,
  year: number,
  now: number
): Promise<{ persons: number; expired: number; skipped: string | null }> {
  if (!rules.expiry.enabled)
    return { persons: 0, expired: 0, skipped: '积分有效期没有打开（积分规则里“积分到期”为关）' }
  const dueAfter = `${year + rules.expiry.afterYears}-12-31`
  if (businessDay(now) <= dueAfter)
    return { persons: 0, expired: 0, skipped: `${year} 年的积分要到 ${dueAfter} 之后才到期` }
  const balances = await findAll(store, 'pointsBalances', { where: { balance: { gt: 0 } } })
  let persons = 0
  let expired = 0
  for (const b of balances) {
    const entries = await findAll(store, 'pointsLedger', { where: { personId: b._id } })
    const amount = expiringAmount(entries, year)
    if (amount <= 0) continue
    const done = await store.transaction(async (tx) => {
      if (await tx.get('pointsLedger', expiryEntryId(year, b._id))) return 0
      // Re-read inside the transaction: a redemption since the scan may have lowered the balance.
      const balance = (await tx.get('pointsBalances', b._id))?.balance ?? 0
      const take = Math.min(amount, balance)
      if (take <= 0) return 0
      await appendEntry(tx, {
        _id: expiryEntryId(year, b._id),
        personId: b._id,
        kind: 'expiry',
        amount: -take,
        reason: `积分到期：${year}年获得的积分`,
        source: { kind: 'expiry', id: String(year) },
        day: businessDay(now),
        at: now,
        actorAccountId: 'system',
        staffAccountId: null,
        note: `按规则，${year}年获得、还没用的积分在${year + rules.expiry.afterYears}年底到期`,
        requested: null
      })
      return take
    })
    if (done > 0) {
      persons += 1
      expired += done
    }
  }
  return { persons, expired, skipped: null }
}
