import type { Audience } from '../../../types/actions/activities'
import type { BranchDoc, OrgUnitDoc, PersonDoc } from '../../storage/schema'

/** Whether a roster person belongs to an activity's audience. */
export function inAudience(audience: Audience, person: PersonDoc): boolean {
  switch (audience.kind) {
    case 'all':
      return true
    case 'county':
      return person.orgUnitId === audience.orgUnitId
    case 'branch':
      return person.branchId === audience.branchId
    case 'party':
      return person.partyMember
  }
}

export function audienceLabel(audience: Audience, units: OrgUnitDoc[], branches: BranchDoc[]): string {
  switch (audience.kind) {
    case 'all':
      return '所有老干部'
    case 'county':
      return `${units.find((u) => u._id === audience.orgUnitId)?.name ?? '本区县'}的老干部`
    case 'branch':
      return `${branches.find((b) => b._id === audience.branchId)?.name ?? '本支部'}的党员`
    case 'party':
      return '党员'
  }
}
