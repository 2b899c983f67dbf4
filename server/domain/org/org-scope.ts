/**
 * Staff powers are scoped to an org unit: the city bureau's staff cover every county, a county's staff cover
 * that county only, admins cover everything.
 */
import type { Identity } from '../../core/identity'
import type { StoragePort } from '../../storage/port'
import type { OrgUnitDoc } from '../../storage/schema'
import { AppError } from '../../core/app-error'

export async function loadOrgUnits(store: StoragePort): Promise<OrgUnitDoc[]> {
  return store.find('orgUnits', { orderBy: [['order', 'asc']] })
}

/** The org units a staff member's scope covers (all of them for an admin or bureau staff). */
export function coveredUnits(identity: Identity, units: OrgUnitDoc[]): Set<string> {
  if (identity.roles.includes('admin')) return new Set(units.map((u) => u._id))
  if (!identity.roles.includes('staff') || !identity.orgUnitId) return new Set()
  const covered = new Set<string>([identity.orgUnitId])
  // Walk down the tree: a unit is covered if its parent is.
  let grew = true
  while (grew) {
    grew = false
    for (const u of units) {
      if (u.parentId && covered.has(u.parentId) && !covered.has(u._id)) {
        covered.add(u._id)
        grew = true
      }
    }
  }
  return covered
}

export async function staffCovers(store: StoragePort, identity: Identity, orgUnitId: string): Promise<boolean> {
  if (identity.roles.includes('admin')) return true
  return coveredUnits(identity, await loadOrgUnits(store)).has(orgUnitId)
}

/** Throws FORBIDDEN unless the caller is staff (or admin) whose scope covers `orgUnitId`. */
export async function requireStaffScope(store: StoragePort, identity: Identity, orgUnitId: string): Promise<void> {
  if (!(await staffCovers(store, identity, orgUnitId))) {
    throw new AppError('FORBIDDEN', '这条信息不归您所在的单位管理，请联系对应区县的工作人员')
  }
}
