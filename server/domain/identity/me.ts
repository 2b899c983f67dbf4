import type { Me } from '../../../types/actions/auth'
import type { Identity } from '../../core/identity'
import type { StoragePort } from '../../storage/port'

/** Anything that reads documents by id: the store, or a transaction (so a mutation can answer from inside it). */
export type DocReader = Pick<StoragePort, 'get'>

export async function buildMe(store: DocReader, identity: Identity): Promise<Me> {
  const person = identity.personId ? await store.get('persons', identity.personId) : null
  const unitId = person?.orgUnitId ?? identity.orgUnitId
  const unit = unitId ? await store.get('orgUnits', unitId) : null
  const branch = person?.branchId ? await store.get('branches', person.branchId) : null
  let liaisonPhone = unit?.liaisonPhone ?? null
  if (!liaisonPhone && unit?.parentId) liaisonPhone = (await store.get('orgUnits', unit.parentId))?.liaisonPhone ?? null
  return {
    accountId: identity.accountId,
    registered: identity.registered,
    displayName: person?.name ?? identity.displayName,
    roles: identity.roles,
    person: person
      ? {
          id: person._id,
          name: person.name,
          orgUnitId: person.orgUnitId,
          orgUnitName: unit?.name ?? '',
          branchId: person.branchId,
          branchName: branch?.name ?? null,
          partyMember: person.partyMember
        }
      : null,
    orgUnit: identity.orgUnitId && unit ? { id: unit._id, name: unit.name } : null,
    liaisonPhone
  }
}
