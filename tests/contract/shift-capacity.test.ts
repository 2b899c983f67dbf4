/**
 * Volunteer shifts use the same capacity pool as activities (server/domain/capacity/capacity-pool.ts). On every
 * storage adapter, through the real router: 200 concurrent sign-ups for a 30-place shift give exactly 30 places
 * and 170 waitlisted in a strict first-come order, the counter agrees with the records, and cancellations move
 * the first on the waitlist up, in order, telling them.
 */
import { randomUUID } from 'node:crypto'
import { ADAPTERS } from '../support/adapters'
import { makeHarness, type Harness } from '../support/harness'
import { addDays, beijingTime, businessDay } from '../../types/time'
import type { Envelope } from '../../types/envelope'
import { openPool } from '../../server/domain/capacity/capacity-pool'
import { shiftCounterId } from '../../server/domain/volunteer/shift-pool'

jest.setTimeout(120_000)

const PEOPLE = 200
const PLACES = 30
const SHIFT = 'vs-rush'

async function setUp(h: Harness): Promise<string[]> {
  const now = h.clock.now()
  const startAt = beijingTime(addDays(businessDay(now), 5), '09:00')
  const accounts = Array.from({ length: PEOPLE }, (_, i) => `wx:shift-rush-${i}`)
  await h.store.transaction(async (tx) => {
    await tx.put('volunteerActivities', {
      _id: 'va-rush',
      title: '迎新春义写春联',
      serviceItem: '文化艺术',
      description: '',
      orgUnitId: 'org-jq',
      teamId: null,
      teamOnly: false,
      points: null,
      contactPhone: null,
      status: 'published',
      cancelReason: null,
      createdBy: 'test',
      createdAt: now,
      updatedAt: now
    })
    await tx.put('volunteerShifts', {
      _id: SHIFT,
      activityId: 'va-rush',
      orgUnitId: 'org-jq',
      label: '上午班',
      startAt,
      endAt: startAt + 3 * 3600_000,
      place: '酒泉市文化馆',
      capacity: PLACES,
      skills: [],
      status: 'open',
      cancelReason: null,
      createdAt: now,
      updatedAt: now
    })
    await openPool(tx, shiftCounterId(SHIFT), PLACES)
    for (let i = 0; i < PEOPLE; i++) {
      await tx.put('persons', {
        _id: `p-shift-${i}`,
        name: `志愿者${i}`,
        gender: 'female',
        birthDate: '1958-01-01',
        birthCalendar: 'solar',
        phone: null,
        formerUnit: '市直',
        retirementLevel: '科员',
        orgUnitId: 'org-jq',
        branchId: null,
        partyMember: false,
        frail: false,
        createdAt: now,
        updatedAt: now
      })
      await tx.put('accounts', {
        _id: accounts[i],
        kind: 'wechat',
        displayName: `志愿者${i}`,
        roles: ['retiree', 'volunteer'],
        personId: `p-shift-${i}`,
        orgUnitId: null,
        phone: null,
        passwordHash: null,
        demo: null,
        createdAt: now
      })
    }
  })
  return accounts
}

/** As the outbox sends: a temporary failure (BUSY) is sent again with the same mutation id. */
async function sendUntilFinal(
  h: Harness,
  accountId: string,
  action: string,
  payload: unknown,
  stats: { busy: number }
): Promise<Envelope> {
  const mutationId = randomUUID().replace(/-/g, '')
  for (;;) {
    const env = await h.router.call(accountId, { action, payload, mutationId })
    if (env.ok || env.code !== 'BUSY') return env
    stats.busy += 1
  }
}

async function state(h: Harness) {
  const signups = await h.store.find('shiftSignups', { where: { shiftId: SHIFT } })
  const counter = (await h.store.get('counters', shiftCounterId(SHIFT)))!
  return {
    signups,
    counter,
    signed: signups.filter((s) => s.status === 'signed'),
    waitlisted: signups.filter((s) => s.status === 'waitlisted').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!)
  }
}

describe.each(ADAPTERS)('shift capacity ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  it(`holds ${PLACES} places against ${PEOPLE} concurrent shift sign-ups, waitlisting the rest in order`, async () => {
    const accounts = await setUp(h)
    const stats = { busy: 0 }
    const started = Date.now()
    const results = await Promise.all(
      accounts.map((a) => sendUntilFinal(h, a, 'volunteer.signup', { shiftId: SHIFT }, stats))
    )
    process.stdout.write(
      `  ${adapter.name}: ${PEOPLE} concurrent shift sign-ups in ${Date.now() - started} ms, ${stats.busy} BUSY answers re-sent\n`
    )

    expect(results.every((r) => r.ok)).toBe(true)
    const statuses = results.map((r) => (r.ok ? (r.data as { status: string }).status : r.code))
    expect(statuses.filter((s) => s === 'signed')).toHaveLength(PLACES)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(PEOPLE - PLACES)

    const { signups, counter, signed, waitlisted } = await state(h)
    expect(signups).toHaveLength(PEOPLE)
    expect(signed).toHaveLength(PLACES)
    expect(counter).toMatchObject({
      capacity: PLACES,
      taken: PLACES,
      waitlisted: PEOPLE - PLACES,
      nextWaitlistSeq: PEOPLE - PLACES + 1
    })
    expect(waitlisted.map((s) => s.waitlistSeq)).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1))
    expect(await h.store.count('waitlistSlots', { counterId: shiftCounterId(SHIFT) })).toBe(PEOPLE - PLACES)
    const positions = results
      .filter((r) => r.ok && (r.data as { status: string }).status === 'waitlisted')
      .map((r) => (r as { data: { waitlistPosition: number } }).data.waitlistPosition)
    expect(new Set(positions).size).toBe(PEOPLE - PLACES)

    // What a reader sees agrees: no places left, 170 waiting, and the first in line is told they are first.
    const first = waitlisted[0].personId
    const detail = await h
      .as(`wx:shift-rush-${first.slice('p-shift-'.length)}`)
      .ok('volunteer.activity', { id: 'va-rush' })
    expect(detail.shifts[0]).toMatchObject({
      placesLeft: 0,
      waitlistCount: PEOPLE - PLACES,
      mySignup: 'waitlisted',
      myWaitlistPosition: 1
    })

    // Ten with places cancel at once: the first ten waiting move up, in order, and are told.
    const leavers = signed.slice(0, 10).map((s) => `wx:shift-rush-${s.personId.slice('p-shift-'.length)}`)
    const cancels = await Promise.all(
      leavers.map((a) => sendUntilFinal(h, a, 'volunteer.cancelSignup', { shiftId: SHIFT }, stats))
    )
    expect(cancels.every((r) => r.ok)).toBe(true)
    const after = await state(h)
    expect(after.counter).toMatchObject({ taken: PLACES, waitlisted: PEOPLE - PLACES - 10 })
    expect(after.signed).toHaveLength(PLACES)
    expect(after.signed.map((s) => s._id)).toEqual(expect.arrayContaining(waitlisted.slice(0, 10).map((s) => s._id)))
    expect(after.waitlisted[0].waitlistSeq).toBe(11)
    for (const s of waitlisted.slice(0, 10)) expect(await h.store.count('messages', { toPersonId: s.personId })).toBe(1)
  })

  it('answers a repeated sign-up with the same place, refuses after the start, and lets staff resize the pool', async () => {
    const accounts = await setUp(h)
    const a = await h.as(accounts[0]).ok('volunteer.signup', { shiftId: SHIFT })
    const b = await h.as(accounts[0]).ok('volunteer.signup', { shiftId: SHIFT })
    expect(a).toMatchObject({ status: 'signed', already: false })
    expect(b).toMatchObject({ status: 'signed', already: true })
    const shift = (await h.store.get('volunteerShifts', SHIFT))!
    // Fill it, wait one, then two more places promote the waiting one.
    for (const acc of accounts.slice(1, PLACES)) await h.as(acc).ok('volunteer.signup', { shiftId: SHIFT })
    expect(await h.as(accounts[PLACES]).ok('volunteer.signup', { shiftId: SHIFT })).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1
    })
    const fields = {
      label: shift.label,
      startAt: shift.startAt,
      endAt: shift.endAt,
      place: shift.place,
      capacity: PLACES - 1,
      skills: []
    }
    expect(
      await h.as('local:liufang').call('volunteer.staff.shiftSave', { activityId: 'va-rush', shiftId: SHIFT, fields })
    ).toMatchObject({ ok: false, code: 'PLACES_BELOW_TAKEN' })
    expect(
      await h.as('local:liufang').ok('volunteer.staff.shiftSave', {
        activityId: 'va-rush',
        shiftId: SHIFT,
        fields: { ...fields, capacity: PLACES + 2 }
      })
    ).toMatchObject({ promoted: 1 })
    expect(await h.store.get('shiftSignups', `${SHIFT}:p-shift-${PLACES}`)).toMatchObject({ status: 'signed' })
    h.clock.set(shift.startAt + 60_000)
    expect(await h.as(accounts[PLACES + 1]).call('volunteer.signup', { shiftId: SHIFT })).toMatchObject({
      ok: false,
      code: 'SIGNUP_CLOSED'
    })
    expect(await h.as(accounts[0]).call('volunteer.cancelSignup', { shiftId: SHIFT })).toMatchObject({
      ok: false,
      code: 'CANCEL_CLOSED'
    })
  })
})
