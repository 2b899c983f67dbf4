/** Extra people the help and family tests need beyond the demo deployment. */
import type { StoragePort } from '../../server/storage/port'
import type { AccountDoc } from '../../server/storage/schema'
import { DEFAULT_NOW } from './harness'

/** Staff of 敦煌市: "staff of another county" for 肃州区 requests. */
export const STAFF_DUNHUANG = 'local:staff-dh'

export async function addStaffOfDunhuang(store: StoragePort): Promise<void> {
  const account: AccountDoc = {
    _id: STAFF_DUNHUANG,
    kind: 'local',
    displayName: '何敏',
    roles: ['staff'],
    personId: null,
    orgUnitId: 'org-dh',
    phone: null,
    passwordHash: null,
    demo: null,
    createdAt: DEFAULT_NOW
  }
  await store.transaction((tx) => tx.put('accounts', account))
}

/**
 * `n` volunteers of 肃州区 who may all claim 家政维修 requests (their accounts are wx:race-<i>), each on a
 * roster person of their own.
 */
export async function addSuzhouVolunteers(store: StoragePort, n: number): Promise<string[]> {
  const ids: string[] = []
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const personId = `p-race-${i}`
      const accountId = `wx:race-${i}`
      ids.push(accountId)
      await tx.put('persons', {
        _id: personId,
        name: `志愿者${i}`,
        gender: 'male',
        birthDate: '1960-01-01',
        birthCalendar: 'solar',
        phone: null,
        formerUnit: '市水务局',
        retirementLevel: '科员',
        orgUnitId: 'org-sz',
        branchId: null,
        partyMember: false,
        frail: false,
        createdAt: DEFAULT_NOW,
        updatedAt: DEFAULT_NOW
      })
      await tx.put('accounts', {
        _id: accountId,
        kind: 'wechat',
        displayName: `志愿者${i}`,
        roles: ['retiree', 'volunteer'],
        personId,
        orgUnitId: null,
        phone: null,
        passwordHash: null,
        demo: null,
        createdAt: DEFAULT_NOW
      })
      await tx.put('volunteerProfiles', {
        _id: personId,
        skills: ['科技服务'],
        orgUnitId: 'org-sz',
        available: true,
        updatedAt: DEFAULT_NOW
      })
    }
  })
  return ids
}
