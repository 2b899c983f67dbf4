/**
 * Writes the demo deployment through the storage port (so it works on every adapter). Capacity counters are
 * derived from the sign-ups they guard, in the same transaction.
 */
import type { StoragePort } from '../storage/port'
import type { CounterDoc, SignupDoc, WaitlistSlotDoc } from '../storage/schema'
import { counterId } from '../domain/activities/activity-view'
import { seedPoints } from './points-seed'
import { seedHelp } from './help-seed'
import { emptyCounter, slotId } from '../domain/capacity/capacity-pool'
import { seedActivityHistory } from './activities-seed'
import { seedVolunteer } from './volunteer-seed'
import { BRANCHES, DEMO_SIGNUPS, ORG_UNITS, demoAccounts, demoActivities, demoBindings, demoPersons } from './demo-data'

export interface SeedOptions {
  now: number
  passwordHash: (username: string) => string
}

export async function isSeeded(store: StoragePort): Promise<boolean> {
  return (await store.count('orgUnits')) > 0
}

export async function seedDemo(
  store: StoragePort,
  { now, passwordHash }: SeedOptions
): Promise<{ persons: number; activities: number; accounts: number }> {
  const persons = demoPersons(now)
  const accounts = demoAccounts(now, passwordHash)
  const activities = demoActivities(now)
  const signups: SignupDoc[] = []
  const counters = new Map<string, CounterDoc>()
  const slots: WaitlistSlotDoc[] = []
  for (const a of activities) counters.set(a._id, emptyCounter(counterId(a._id), a.capacity))
  for (const [activityId, personId, status] of DEMO_SIGNUPS) {
    const counter = counters.get(activityId)!
    const waitlistSeq = status === 'waitlisted' ? counter.nextWaitlistSeq++ : null
    if (status === 'signed') counter.taken += 1
    else counter.waitlisted += 1
    if (waitlistSeq !== null) {
      slots.push({
        _id: slotId(counter._id, waitlistSeq),
        counterId: counter._id,
        seq: waitlistSeq,
        holderId: `${activityId}:${personId}`,
        at: now - 24 * 3600_000
      })
    }
    signups.push({
      _id: `${activityId}:${personId}`,
      activityId,
      personId,
      status,
      waitlistSeq,
      actorAccountId: 'seed',
      createdAt: now - 24 * 3600_000,
      updatedAt: now - 24 * 3600_000
    })
  }
  await store.transaction(async (tx) => {
    for (const u of ORG_UNITS) await tx.put('orgUnits', u)
    for (const b of BRANCHES) await tx.put('branches', b)
    for (const p of persons) await tx.put('persons', p)
    for (const a of accounts) await tx.put('accounts', a)
    for (const b of demoBindings(now)) await tx.put('familyBindings', b)
    for (const a of activities) await tx.put('activities', a)
    for (const c of counters.values()) await tx.put('counters', c)
    for (const s of signups) await tx.put('signups', s)
    await seedHelp(tx, persons, now)
    for (const s of slots) await tx.put('waitlistSlots', s)
  })
  await seedActivityHistory(store, now)
  await seedPoints(store, persons, now)
  await seedVolunteer(store, persons, now)
  return { persons: persons.length, activities: activities.length, accounts: accounts.length }
}
