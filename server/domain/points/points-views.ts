/**
 * Who a points action is for, what they may see, and the views the pages get. Staff powers follow the org
 * scope (org-scope.ts); a person sees the bureau's catalogue and their own county's.
 */
import type { LedgerPerson, RedemptionView, RewardItemView } from '../../../types/actions/points'
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import type { StoragePort } from '../../storage/port'
import type { OrgUnitDoc, PersonDoc, RedemptionDoc, RewardItemDoc } from '../../storage/schema'
import { coveredUnits, loadOrgUnits, staffCovers } from '../org/org-scope'

/** The roster person the call is for (the caller, or the elder when acting for them). */
export async function subjectPerson(ctx: Ctx): Promise<PersonDoc> {
  const personId = ctx.subjectPersonId
  if (!personId) throw new AppError('FORBIDDEN', '积分属于老干部本人，请用本人账号查看，或由家属代办')
  const person = await ctx.store.get('persons', personId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

/** A person's own unit and every unit above it: whose catalogues they may redeem from. */
export function unitsAbove(unitId: string, units: OrgUnitDoc[]): Set<string> {
  const byId = new Map(units.map((u) => [u._id, u]))
  const out = new Set<string>()
  let cur: string | null = unitId
  while (cur && !out.has(cur)) {
    out.add(cur)
    cur = byId.get(cur)?.parentId ?? null
  }
  return out
}

export async function staffUnits(ctx: Ctx): Promise<{ covered: Set<string>; units: OrgUnitDoc[] }> {
  const units = await loadOrgUnits(ctx.store)
  const covered = coveredUnits(ctx.actor, units)
  if (!covered.size) throw new AppError('FORBIDDEN')
  return { covered, units }
}

export function unitName(units: OrgUnitDoc[], id: string): string {
  return units.find((u) => u._id === id)?.name ?? ''
}

export function itemView(item: RewardItemDoc, units: OrgUnitDoc[], mine = 0): RewardItemView {
  return {
    id: item._id,
    name: item.name,
    description: item.description,
    kind: item.kind,
    price: item.price,
    stock: item.stock,
    perPersonLimit: item.perPersonLimit,
    orgUnitId: item.orgUnitId,
    orgUnitName: unitName(units, item.orgUnitId),
    active: item.status === 'active',
    mine
  }
}

export async function redemptionViews(
  store: Pick<StoragePort, 'get'>,
  rows: RedemptionDoc[],
  units: OrgUnitDoc[]
): Promise<RedemptionView[]> {
  const names = new Map<string, string>()
  for (const r of rows) {
    if (!names.has(r.personId)) names.set(r.personId, (await store.get('persons', r.personId))?.name ?? '')
  }
  return rows.map((r) => ({
    code: r._id,
    itemId: r.itemId,
    itemName: r.itemName,
    price: r.price,
    personId: r.personId,
    personName: names.get(r.personId) ?? '',
    orgUnitName: unitName(units, r.orgUnitId),
    status: r.status,
    createdAt: r.createdAt,
    pickedAt: r.pickedAt,
    cancelledAt: r.cancelledAt
  }))
}

export async function ledgerPerson(
  store: Pick<StoragePort, 'get'>,
  p: PersonDoc,
  units: OrgUnitDoc[]
): Promise<LedgerPerson> {
  const [balance, branch] = await Promise.all([
    store.get('pointsBalances', p._id),
    p.branchId ? store.get('branches', p.branchId) : null
  ])
  return {
    id: p._id,
    name: p.name,
    orgUnitName: unitName(units, p.orgUnitId),
    branchName: branch?.name ?? null,
    partyMember: p.partyMember,
    frail: p.frail,
    balance: balance?.balance ?? 0
  }
}

export const leaderboardSettingId = (branchId: string) => `leaderboard:${branchId}`

export async function leaderboardEnabled(store: Pick<StoragePort, 'get'>, branchId: string | null): Promise<boolean> {
  if (!branchId) return false
  const doc = await store.get('settings', leaderboardSettingId(branchId))
  return doc?.value.enabled === true
}

/**
 * Staff may look up, 核销 or cancel a redemption when their scope covers the item's unit (where it is handed
 * out) or the person's own county (their county staff help them, also with the bureau's items).
 */
export async function requireRedemptionScope(ctx: Ctx, r: RedemptionDoc): Promise<void> {
  if (await staffCovers(ctx.store, ctx.actor, r.orgUnitId)) return
  const person = await ctx.store.get('persons', r.personId)
  if (person && (await staffCovers(ctx.store, ctx.actor, person.orgUnitId))) return
  throw new AppError('FORBIDDEN', '这次兑换不归您所在的单位管理，请联系对应区县的工作人员')
}
