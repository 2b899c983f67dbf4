/**
 * 积分兑换. A redemption takes the points, one unit of stock and one of the person's quota in one transaction:
 * the item document is the stock counter, `rewardQuotas/<item>:<person>` the per-person counter and the
 * balance document the points counter, so concurrent redemptions of the last item (or by one person beyond
 * their balance) serialize on those documents and can never take stock or points below zero.
 *
 * The pick-up code is the redemption's `_id` (8 digits): staff 核销 it by typing or scanning it.
 */
import { randomInt } from 'node:crypto'
import type { Tx } from '../../storage/port'
import type { RedemptionDoc, RewardItemDoc } from '../../storage/schema'
import { businessDay } from '../../../types/time'
import { AppError } from '../../core/app-error'
import { appendEntry } from './points-ledger'

export const quotaId = (itemId: string, personId: string) => `${itemId}:${personId}`
export const refundEntryId = (code: string) => `refund:${code}`
export const redemptionEntryId = (code: string) => `redeem:${code}`

export interface RedeemInput {
  itemId: string
  personId: string
  actorAccountId: string
  at: number
  /** May this person redeem from this item's catalogue (their county or the bureau)? Checked by the caller. */
  visible: (item: RewardItemDoc) => boolean
}

async function freshCode(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(10_000_000, 100_000_000))
    if (!(await tx.get('redemptions', code))) return code
  }
  throw new AppError('BUSY')
}

export async function redeem(tx: Tx, input: RedeemInput): Promise<{ redemption: RedemptionDoc; balance: number }> {
  const item = await tx.get('rewardItems', input.itemId)
  if (!item || item.status !== 'active' || !input.visible(item))
    throw new AppError('NOT_FOUND', '没有找到这件物品，可能已经下架了')
  if (item.stock <= 0) throw new AppError('OUT_OF_STOCK')
  const qid = quotaId(item._id, input.personId)
  const quota = await tx.get('rewardQuotas', qid)
  if (item.perPersonLimit !== null && (quota?.count ?? 0) >= item.perPersonLimit) {
    throw new AppError('LIMIT_REACHED', `每人最多兑换 ${item.perPersonLimit} 次「${item.name}」，您已经兑换过了`)
  }
  const code = await freshCode(tx)
  const redemption: RedemptionDoc = {
    _id: code,
    itemId: item._id,
    itemName: item.name,
    price: item.price,
    personId: input.personId,
    orgUnitId: item.orgUnitId,
    status: 'reserved',
    actorAccountId: input.actorAccountId,
    createdAt: input.at,
    pickedAt: null,
    pickedBy: null,
    cancelledAt: null,
    cancelledBy: null
  }
  // Points first: an INSUFFICIENT_POINTS refusal leaves nothing half-written (the transaction rolls back anyway).
  const balance = await appendEntry(tx, {
    _id: redemptionEntryId(code),
    personId: input.personId,
    kind: 'redemption',
    amount: -item.price,
    reason: `兑换「${item.name}」`,
    source: { kind: 'redemption', id: code },
    day: businessDay(input.at),
    at: input.at,
    actorAccountId: input.actorAccountId,
    staffAccountId: null,
    note: null,
    requested: null
  })
  await tx.create('redemptions', redemption)
  await tx.update('rewardItems', item._id, { stock: item.stock - 1, redeemed: item.redeemed + 1, updatedAt: input.at })
  if (quota) await tx.update('rewardQuotas', qid, { count: quota.count + 1 })
  else await tx.create('rewardQuotas', { _id: qid, itemId: item._id, personId: input.personId, count: 1 })
  return { redemption, balance }
}

/** Cancel before pick-up: the points, the stock and the quota come back. */
export async function cancelRedemption(
  tx: Tx,
  code: string,
  by: { accountId: string; staff: boolean; at: number }
): Promise<{ redemption: RedemptionDoc; refunded: number }> {
  const r = await tx.get('redemptions', code)
  if (!r) throw new AppError('NOT_FOUND', '没有找到这个取件码，请核对后再试')
  if (r.status === 'cancelled') throw new AppError('ALREADY_DONE', '这次兑换已经取消过了，积分已退回')
  if (r.status === 'picked') throw new AppError('ILLEGAL_TRANSITION', '东西已经领走了，不能再取消')
  await appendEntry(tx, {
    _id: refundEntryId(code),
    personId: r.personId,
    kind: 'reversal',
    amount: r.price,
    reason: `取消兑换「${r.itemName}」，积分退回`,
    source: { kind: 'redemption', id: code },
    day: businessDay(by.at),
    at: by.at,
    actorAccountId: by.accountId,
    staffAccountId: by.staff ? by.accountId : null,
    note: null,
    requested: null
  })
  const item = await tx.get('rewardItems', r.itemId)
  if (item)
    await tx.update('rewardItems', item._id, {
      stock: item.stock + 1,
      redeemed: Math.max(0, item.redeemed - 1),
      updatedAt: by.at
    })
  const qid = quotaId(r.itemId, r.personId)
  const quota = await tx.get('rewardQuotas', qid)
  if (quota) await tx.update('rewardQuotas', qid, { count: Math.max(0, quota.count - 1) })
  const next: RedemptionDoc = { ...r, status: 'cancelled', cancelledAt: by.at, cancelledBy: by.accountId }
  await tx.put('redemptions', next)
  return { redemption: next, refunded: r.price }
}

/** 核销: the item was handed over. Only a reserved redemption can be picked up, once. */
export async function fulfilRedemption(
  tx: Tx,
  code: string,
  by: { accountId: string; at: number }
): Promise<RedemptionDoc> {
  const r = await tx.get('redemptions', code)
  if (!r) throw new AppError('NOT_FOUND', '没有找到这个取件码，请核对后再试')
  if (r.status === 'picked') throw new AppError('ALREADY_DONE', '这个取件码已经核销过了，不能重复领取')
  if (r.status === 'cancelled') throw new AppError('ILLEGAL_TRANSITION', '这次兑换已经取消，不能领取')
  const next: RedemptionDoc = { ...r, status: 'picked', pickedAt: by.at, pickedBy: by.accountId }
  await tx.put('redemptions', next)
  return next
}
