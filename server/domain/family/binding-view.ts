/** Binding records as the family member, the elder and staff see them. */
import type { ElderBinding, FamilyMemberBinding } from '../../../types/actions/family'
import type { AccountDoc, FamilyBindingDoc, OrgUnitDoc, PersonDoc } from '../../storage/schema'
import { maskPhone } from '../help/contact-mask'

export const bindingId = (accountId: string, personId: string) => `${accountId}:${personId}`

export function elderView(b: FamilyBindingDoc, person: PersonDoc | null, units: Pick<OrgUnitDoc, '_id' | 'name'>[]): ElderBinding {
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

export function memberView(b: FamilyBindingDoc, member: AccountDoc | null, person: PersonDoc | null, confirmer: AccountDoc | null): FamilyMemberBinding {
  let confirmedByLabel: string | null = null
  if (b.confirmedBy) {
    confirmedByLabel = confirmer && confirmer.personId === b.personId ? '本人确认' : `工作人员 ${confirmer?.displayName ?? ''} 核实确认`.replace('  ', ' ')
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
