/**
 * The capacity pool (server/domain/capacity/capacity-pool.ts) on every storage adapter:
 * - 200 concurrent sign-ups for 30 places through the real router: exactly 30 signed, 170 waitlisted in a
 *   strict first-come order, and a counter that agrees with the records;
 * - a deliberately naive "count, then insert" sign-up over-fills on the CloudBase stand-in (snapshot isolation);
 * - random sequences of join / leave / resize behave like a simple first-come, first-served model.
 */
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { ADAPTERS } from '../support/adapters'
import { makeHarness, type Harness } from '../support/harness'
import { addDays, beijingTime, businessDay } from '../../types/time'
import type { Envelope } from '../../types/envelope'
import type { StoragePort } from '../../server/storage/port'
import type { ActivityDoc, SignupDoc } from '../../server/storage/schema'
import { emptyCounter, join, leave, openPool, resize, type Pool } from '../../server/domain/capacity/capacity-pool'
import { counterId } from '../../server/domain/activities/activity-pool'
import { AppError } from '../../server/core/app-error'

jest.setTimeout(120_000)

const PEOPLE = 200
const PLACES = 30
const ACTIVITY = 'a-rush'

async function setUpRush(h: Harness): Promise<string[]> {
  const now = h.clock.now()
  const startAt = beijingTime(addDays(businessDay(now), 5), '09:00')
  const activity: ActivityDoc = {
    _id: ACTIVITY,
    title: '新春联欢会',
    type: '文体活动',
    description: '',
    place: '酒泉宾馆',
    startAt,
    endAt: startAt + 7200_000,
    signupDeadline: startAt - 3600_000,
    capacity: PLACES,
    points: null,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    status: 'published',
    checkinOpensBeforeMin: 30,
    allowWalkIn: true,
    contactPhone: null,
    createdBy: 'test',
    createdAt: now,
    updatedAt: now
  }
  const accounts = Array.from({ length: PEOPLE }, (_, i) => `wx:rush-${i}`)
  await h.store.transaction(async (tx) => {
    await tx.put('activities', activity)
    await tx.put('counters', emptyCounter(counterId(ACTIVITY), PLACES))
    for (let i = 0; i < PEOPLE; i++) {
      const personId = `p-rush-${i}`
      await tx.put('persons', {
        _id: personId,
        name: `老同志${i}`,
        gender: 'male',
        birthDate: '1950-01-01',
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
        displayName: `老同志${i}`,
        roles: ['retiree'],
        personId,
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

/** Sends a call the way the outbox does: a temporary failure (BUSY) is sent again with the same mutation id. */
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

async function poolState(store: StoragePort, activityId: string) {
  const signups = await store.find('signups', { where: { activityId } })
  const counter = (await store.get('counters', counterId(activityId)))!
  const signed = signups.filter((s) => s.status === 'signed')
  const waitlisted = signups.filter((s) => s.status === 'waitlisted').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!)
  return { signups, counter, signed, waitlisted }
}

describe.each(ADAPTERS)('capacity pool ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  it(`holds ${PLACES} places against ${PEOPLE} concurrent sign-ups, waitlisting the rest in order`, async () => {
    const accounts = await setUpRush(h)
    const stats = { busy: 0 }
    const started = Date.now()
    const results = await Promise.all(
      accounts.map((a) => sendUntilFinal(h, a, 'signup.create', { activityId: ACTIVITY }, stats))
    )
    const ms = Date.now() - started
    process.stdout.write(
      `  ${adapter.name}: ${PEOPLE} concurrent sign-ups in ${ms} ms, ${stats.busy} BUSY answers re-sent\n`
    )

    expect(results.every((r) => r.ok)).toBe(true)
    const statuses = results.map((r) => (r.ok ? (r.data as { status: string }).status : r.code))
    expect(statuses.filter((s) => s === 'signed')).toHaveLength(PLACES)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(PEOPLE - PLACES)

    const { signups, counter, signed, waitlisted } = await poolState(h.store, ACTIVITY)
    expect(signups).toHaveLength(PEOPLE)
    expect(signed).toHaveLength(PLACES)
    expect(counter).toMatchObject({
      capacity: PLACES,
      taken: PLACES,
      waitlisted: PEOPLE - PLACES,
      nextWaitlistSeq: PEOPLE - PLACES + 1
    })
    // Every waitlist number handed out once, 1…170, each with its slot.
    expect(waitlisted.map((s) => s.waitlistSeq)).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1))
    expect(await h.store.count('waitlistSlots', { counterId: counterId(ACTIVITY) })).toBe(PEOPLE - PLACES)
    // The answers agree with the records.
    const answeredWaitlisted = results
      .filter((r) => r.ok && (r.data as { status: string }).status === 'waitlisted')
      .map((r) => (r as { data: { waitlistPosition: number } }).data.waitlistPosition)
    expect(new Set(answeredWaitlisted).size).toBe(PEOPLE - PLACES)

    // Ten people with places cancel at once: the first ten on the waitlist move up, in order, and are told.
    const leavers = signed.slice(0, 10).map((s) => `wx:rush-${s.personId.slice('p-rush-'.length)}`)
    const cancels = await Promise.all(
      leavers.map((a) => sendUntilFinal(h, a, 'signup.cancel', { activityId: ACTIVITY }, stats))
    )
    expect(cancels.every((r) => r.ok)).toBe(true)
    const after = await poolState(h.store, ACTIVITY)
    expect(after.counter).toMatchObject({ taken: PLACES, waitlisted: PEOPLE - PLACES - 10 })
    expect(after.signed).toHaveLength(PLACES)
    const promoted = waitlisted.slice(0, 10).map((s) => s._id)
    expect(after.signed.map((s) => s._id)).toEqual(expect.arrayContaining(promoted))
    expect(after.waitlisted[0].waitlistSeq).toBe(11)
    for (const s of waitlisted.slice(0, 10)) expect(await h.store.count('messages', { toPersonId: s.personId })).toBe(1)
  })

  it('shows that a naive "count, then insert" sign-up over-fills', async () => {
    const accounts = await setUpRush(h)
    // The naive version many 云开发 templates ship: count the sign-ups, and insert if there is room.
    const naiveSignUp = async (i: number) => {
      const personId = `p-rush-${i}`
      const taken = await h.store.count('signups', { activityId: ACTIVITY, status: 'signed' })
      await h.store.transaction(async (tx) => {
        await tx.create('signups', {
          _id: `${ACTIVITY}:${personId}`,
          activityId: ACTIVITY,
          personId,
          status: taken < PLACES ? 'signed' : 'waitlisted',
          waitlistSeq: null,
          actorAccountId: accounts[i],
          createdAt: 0,
          updatedAt: 0
        })
      })
    }
    await Promise.all(accounts.map((_, i) => naiveSignUp(i)))
    const signed = await h.store.count('signups', { activityId: ACTIVITY, status: 'signed' })
    process.stdout.write(`  ${adapter.name}: naive "count, then insert" signed up ${signed} for ${PLACES} places\n`)
    // Every count ran before any insert committed: all of them saw room. (On SQLite too: the count is outside
    // the transaction, so serializing transactions does not help.)
    expect(signed).toBeGreaterThan(PLACES)
  })
})

/** A first-come, first-served model of a pool, to compare the real thing against. */
class Model {
  signed = new Set<number>()
  queue: number[] = []
  constructor(public capacity: number | null) {}
  private room = () => this.capacity === null || this.signed.size < this.capacity
  private promote() {
    while (this.room() && this.queue.length) this.signed.add(this.queue.shift()!)
  }
  join(p: number) {
    if (this.signed.has(p) || this.queue.includes(p)) return
    if (this.room()) this.signed.add(p)
    else this.queue.push(p)
  }
  leave(p: number) {
    if (this.signed.delete(p)) this.promote()
    else this.queue = this.queue.filter((q) => q !== p)
  }
  resize(c: number | null): boolean {
    if (c !== null && c < this.signed.size) return false
    this.capacity = c
    this.promote()
    return true
  }
}

type Op = { kind: 'join'; p: number } | { kind: 'leave'; p: number } | { kind: 'resize'; c: number | null }
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('join' as const), p: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('leave' as const), p: fc.integer({ min: 0, max: 7 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resize' as const),
      c: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null })
    })
  }
)

describe.each(ADAPTERS)('capacity pool against a first-come, first-served model ($name)', (adapter) => {
  it('matches the model after any sequence of joins, leaves and resizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        fc.array(op, { maxLength: 25 }),
        async (capacity, ops) => {
          const { store, cleanup } = await adapter.make()
          try {
            const pool: Pool<'signups'> = { counterId: 'test:pool', holders: 'signups' }
            const model = new Model(capacity)
            await store.transaction((tx) => openPool(tx, pool.counterId, capacity).then(() => undefined))
            let t = 0
            for (const o of ops) {
              t += 1
              const now = t
              if (o.kind === 'join') {
                await store.transaction((tx) =>
                  join(tx, pool, {
                    holderId: `x:${o.p}`,
                    now,
                    waitlist: true,
                    create: (s): SignupDoc => ({
                      _id: `x:${o.p}`,
                      activityId: 'x',
                      personId: String(o.p),
                      actorAccountId: 't',
                      createdAt: now,
                      ...s
                    })
                  })
                )
                model.join(o.p)
              } else if (o.kind === 'leave') {
                await store.transaction((tx) => leave(tx, pool, { holderId: `x:${o.p}`, now }))
                model.leave(o.p)
              } else {
                const accepted = model.resize(o.c)
                const real = await store
                  .transaction((tx) => resize(tx, pool, { capacity: o.c, now }))
                  .then(
                    () => true,
                    (err) =>
                      err instanceof AppError && err.code === 'PLACES_BELOW_TAKEN' ? false : Promise.reject(err)
                  )
                expect(real).toBe(accepted)
              }
              const holders = await store.find('signups', { where: { activityId: 'x' } })
              const signed = holders
                .filter((s) => s.status === 'signed')
                .map((s) => Number(s.personId))
                .sort()
              const queue = holders
                .filter((s) => s.status === 'waitlisted')
                .sort((a, b) => a.waitlistSeq! - b.waitlistSeq!)
                .map((s) => Number(s.personId))
              expect(signed).toEqual([...model.signed].sort())
              expect(queue).toEqual(model.queue)
              const counter = (await store.get('counters', pool.counterId))!
              expect(counter.taken).toBe(signed.length)
              expect(counter.waitlisted).toBe(queue.length)
              expect(counter.capacity).toBe(model.capacity)
            }
          } finally {
            await cleanup()
          }
        }
      ),
      { numRuns: 40 }
    )
  })
})
