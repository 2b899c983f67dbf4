/** Binding records as the family member, the elder and staff see them. */
import type { ElderBinding, FamilyMemberBinding } from '../../../types/actions/family'
import type { AccountDoc, FamilyBindingDoc, OrgUnitDoc, PersonDoc } from '../../storage/schema'
import type { Ctx } from '../../core/context'
import { maskPhone } from '../help/contact-mask'

export const bindingId = (accountId: string, personId: string) => `${accountId}:${personId}`

export function elderView(
  b: FamilyBindingDoc,
  person: PersonDoc | null,
  units: Pick<OrgUnitDoc, '_id' | 'name'>[]
): ElderBinding {
  return {
    bindingId: b._id,
    personId: b.personId,
    name: person?.name ?? '',
    relation: b.relation,
    status: b.status,
    orgUnitName: units.find((u) => u._id === person?.orgUnitId)?.name ?? '',
    createdAt: b.createdAt,
    confirmedAt: b.confirmedAt
  }
}

export function memberView(
  b: FamilyBindingDoc,
  member: AccountDoc | null,
  person: PersonDoc | null,
  confirmer: AccountDoc | null
): FamilyMemberBinding {
  let confirmedByLabel: string | null = null
  if (b.confirmedBy) {
    confirmedByLabel =
      confirmer && confirmer.personId === b.personId
        ? '本人确认'
        : `工作人员 ${confirmer?.displayName ?? ''} 核实确认`.replace('  ', ' ')
  }
  return {
    bindingId: b._id,
    personId: b.personId,
    personName: person?.name ?? '',
    memberName: member?.displayName ?? '家属',
    memberPhone: member?.phone ? maskPhone(member.phone) : null,
    relation: b.relation,
    status: b.status,
    createdAt: b.createdAt,
    confirmedAt: b.confirmedAt,
    confirmedByLabel
  }
}

/** Bindings as staff and the elder see them, with the accounts and persons they name. */
export async function memberViews(ctx: Ctx, bindings: FamilyBindingDoc[]) {
  if (bindings.length === 0) return []
  const accountIds = [...new Set(bindings.flatMap((b) => [b.accountId, ...(b.confirmedBy ? [b.confirmedBy] : [])]))]
  const [accounts, persons] = await Promise.all([
    ctx.store.find('accounts', { where: { _id: { in: accountIds } } }),
    ctx.store.find('persons', { where: { _id: { in: [...new Set(bindings.map((b) => b.personId))] } } })
  ])
  const acc = (id: string | null) => (id ? (accounts.find((a) => a._id === id) ?? null) : null)
  return bindings.map((b) =>
    memberView(b, acc(b.accountId), persons.find((p) => p._id === b.personId) ?? null, acc(b.confirmedBy))
  )
}
