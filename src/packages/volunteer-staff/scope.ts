import type { OrgUnitInfo } from '@contract/actions'

/** The units a staff member may pick for what they create: their own and those under it (all for an admin). */
export function unitsInScope(units: OrgUnitInfo[], ownUnitId: string | null, admin: boolean): OrgUnitInfo[] {
  if (admin) return units
  return units.filter((u) => u.id === ownUnitId || u.parentId === ownUnitId)
}
