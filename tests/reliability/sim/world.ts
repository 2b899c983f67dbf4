/**
 * The data the simulations play on, added to the demo deployment: retirees with points, volunteers who may
 * claim 家政维修 requests, small activities (2–6 places) now and in two days, and reward items with a stock of
 * 2–5. Everything is written through the same pool and ledger functions the handlers use.
 */
import type { StoragePort } from '../../../server/storage/port'
import type { ActivityDoc } from '../../../server/storage/schema'
import { openPool } from '../../../server/domain/capacity/capacity-pool'
import { counterId } from '../../../server/domain/activities/activity-pool'
import { awardPoints } from '../../../server/domain/points/points-ledger'
import { DEFAULT_POINTS_RULES } from '../../../server/domain/points/points-rules'
import { FixedClock } from '../../../server/core/clock'
import { silentLogger } from '../../../server/core/logger'
import { createRouter } from '../../../server/core/router'
import { handlers } from '../../../server/handlers'
import { randomUUID } from 'node:crypto'

export interface WorldOptions {
  retirees: number
  volunteers: number
  /** Points each retiree starts with. */
  points?: number
  /** Places of the activities in two days (default 2, 3, 4, 5) and of those going on now (default 5, 30). */
  future?: number[]
  today?: number[]
  items?: World['items']
}

export interface World {
  retirees: { accountId: string; personId: string }[]
  volunteers: { accountId: string; personId: string }[]
  staff: string[]
  family: { accountId: string; elder: string }
  /** Two days ahead: sign up and cancel freely. */
  futureActivities: { id: string; capacity: number }[]
  /** Started ten minutes ago, open for check-in for hours. */
  todayActivities: { id: string; capacity: number }[]
  items: { id: string; stock: number; price: number; perPersonLimit: number | null }[]
  /** Volunteer shifts in two days (sign up and cancel) and one going on now (check in and out by its codes). */
  futureShifts: { id: string; capacity: number }[]
  todayShifts: { id: string; capacity: number }[]
}

const DAY = 24 * 3600_000

export async function buildWorld(store: StoragePort, now: number, opts: WorldOptions): Promise<World> {
  const points = opts.points ?? 100
  const retirees = Array.from({ length: opts.retirees }, (_, i) => ({
    accountId: `local:sim-r${i}`,
    personId: `p-sim-r${i}`
  }))
  const volunteers = Array.from({ length: opts.volunteers }, (_, i) => ({
    accountId: `local:sim-v${i}`,
    personId: `p-sim-v${i}`
  }))
  const futureActivities = (opts.future ?? [2, 3, 4, 5]).map((capacity, i) => ({ id: `sim-future-${i}`, capacity }))
  const todayActivities = (opts.today ?? [5, 30]).map((capacity, i) => ({ id: `sim-today-${i}`, capacity }))
  const items = opts.items ?? [
    { id: 'sim-item-0', stock: 2, price: 40, perPersonLimit: null },
    { id: 'sim-item-1', stock: 3, price: 20, perPersonLimit: 1 },
    { id: 'sim-item-2', stock: 5, price: 10, perPersonLimit: 2 }
  ]

  const person = (_id: string, name: string) => ({
    _id,
    name,
    gender: 'male' as const,
    birthDate: '1952-05-01',
    birthCalendar: 'solar' as const,
    phone: '13909370000',
    formerUnit: '市水务局',
    retirementLevel: '科员',
    orgUnitId: 'org-sz',
    branchId: null,
    partyMember: false,
    frail: false,
    createdAt: now,
    updatedAt: now
  })
  const account = (_id: string, displayName: string, personId: string, roles: ('retiree' | 'volunteer')[]) => ({
    _id,
    kind: 'local' as const,
    displayName,
    roles,
    personId,
    orgUnitId: null,
    phone: null,
    passwordHash: null,
    demo: null,
    createdAt: now
  })

  const activity = (id: string, title: string, startAt: number, endAt: number, capacity: number): ActivityDoc => ({
    _id: id,
    title,
    type: '文体活动',
    description: '可靠性测试用的活动。',
    place: '肃州区老年活动中心',
    startAt,
    endAt,
    signupDeadline: endAt,
    capacity,
    points: 2,
    audience: { kind: 'all' },
    orgUnitId: 'org-sz',
    status: 'published',
    checkinOpensBeforeMin: 30,
    allowWalkIn: true,
    contactPhone: null,
    cancelReason: null,
    createdBy: 'local:chenjing',
    createdAt: now - DAY,
    updatedAt: now - DAY
  })

  for (const r of retirees) {
    const n = r.personId.slice(6)
    await store.transaction(async (tx) => {
      await tx.put('persons', person(r.personId, `测试老人${n}`))
      await tx.put('accounts', account(r.accountId, `测试老人${n}`, r.personId, ['retiree']))
      if (points > 0)
        await awardPoints(tx, {
          personId: r.personId,
          amount: points,
          reason: '可靠性测试的起始积分',
          source: { kind: 'test', id: 'start' },
          actorAccountId: 'seed',
          at: now - 3 * DAY,
          rules: { ...DEFAULT_POINTS_RULES, dailyCap: null }
        })
    })
  }
  await store.transaction(async (tx) => {
    for (const v of volunteers) {
      const n = v.personId.slice(6)
      await tx.put('persons', person(v.personId, `测试志愿者${n}`))
      await tx.put('accounts', account(v.accountId, `测试志愿者${n}`, v.personId, ['retiree', 'volunteer']))
      await tx.put('volunteerProfiles', {
        _id: v.personId,
        skills: ['科技服务', '家政维修'],
        orgUnitId: 'org-sz',
        available: true,
        updatedAt: now
      })
    }
  })
  for (const a of futureActivities) {
    await store.transaction(async (tx) => {
      await tx.put(
        'activities',
        activity(a.id, `两天后的小活动 ${a.id}`, now + 2 * DAY, now + 2 * DAY + 2 * 3600_000, a.capacity)
      )
      await openPool(tx, counterId(a.id), a.capacity)
    })
  }
  for (const a of todayActivities) {
    await store.transaction(async (tx) => {
      await tx.put(
        'activities',
        activity(a.id, `正在进行的活动 ${a.id}`, now - 10 * 60_000, now + 8 * 3600_000, a.capacity)
      )
      await openPool(tx, counterId(a.id), a.capacity)
    })
  }
  await store.transaction(async (tx) => {
    for (const it of items) {
      await tx.put('rewardItems', {
        _id: it.id,
        name: `测试奖品${it.id.slice(-1)}`,
        description: '',
        kind: 'item',
        price: it.price,
        stock: it.stock,
        redeemed: 0,
        perPersonLimit: it.perPersonLimit,
        orgUnitId: 'org-sz',
        status: 'active',
        createdBy: 'seed',
        createdAt: now,
        updatedAt: now
      })
    }
  })
  // A volunteer activity with its shifts, made by the city's staff (刘芳, not one of the simulated phones) through
  // the handlers, the clock an hour back so that the shift going on now could still be planned.
  const staffRouter = createRouter(
    { store, clock: new FixedClock(now - 3600_000), secrets: { tokenKey: 'sim-world' }, log: silentLogger },
    handlers
  )
  const asStaff = async (action: string, payload: unknown) => {
    const env = await staffRouter.call('local:liufang', { action, payload, mutationId: randomUUID().replace(/-/g, '') })
    if (!env.ok) throw new Error(`world: ${action} ${env.code} ${env.message}`)
    return env.data as { id: string }
  }
  const { id: vaId } = await asStaff('volunteer.staff.activitySave', {
    fields: { title: '可靠性测试的志愿服务', serviceItem: '社区服务', orgUnitId: 'org-sz' }
  })
  const shift = async (startAt: number, capacity: number) => ({
    id: (
      await asStaff('volunteer.staff.shiftSave', {
        activityId: vaId,
        fields: { startAt, endAt: startAt + 3 * 3600_000, place: '肃州区东关街道社区服务站', capacity }
      })
    ).id,
    capacity
  })
  const futureShifts = [await shift(now + 2 * DAY, 2), await shift(now + 2 * DAY + 4 * 3600_000, 3)]
  const todayShifts = [await shift(now - 10 * 60_000, 4)]
  await asStaff('volunteer.staff.activityPublish', { id: vaId })

  return {
    futureShifts,
    todayShifts,
    retirees,
    volunteers,
    staff: ['local:chenjing'],
    family: { accountId: 'local:zhangxiaoyan', elder: 'p-zhangguilan' },
    futureActivities,
    todayActivities,
    items
  }
}
