/**
 * What must hold, read from the server's own records. Domain invariants may be checked at any moment (the
 * simulation checks them during the run too); the mutation invariants after the final sync.
 */
import type { StoragePort, Where } from '../../../server/storage/port'
import type { CollectionName, DocOf } from '../../../server/storage/schema'
import type { Envelope } from '../../../types/envelope'
import { counterId } from '../../../server/domain/activities/activity-pool'
import { reconcilePoints } from '../../../server/domain/points/points-reconcile'
import { reconcileHours } from '../../../server/domain/volunteer/hours-reconcile'
import { shiftCounterId } from '../../../server/domain/volunteer/shift-pool'
import type { World } from './world'

export interface Report {
  /** How many times each invariant was checked (one per activity, item, person, mutation …). */
  checked: Record<string, number>
  violations: string[]
}

export function newReport(): Report {
  return { checked: {}, violations: [] }
}

function check(r: Report, name: string, ok: boolean, detail: () => string): void {
  r.checked[name] = (r.checked[name] ?? 0) + 1
  if (!ok && r.violations.length < 50) r.violations.push(`${name}: ${detail()}`)
}

/** Every document of a collection that matches, past the 1000-per-query limit. */
export async function findAll<C extends CollectionName>(
  store: StoragePort,
  c: C,
  where?: Where<DocOf<C>>
): Promise<DocOf<C>[]> {
  const out: DocOf<C>[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.find(c, {
      where,
      orderBy: [['_id' as keyof DocOf<C> & string, 'asc']],
      limit: 1000,
      offset
    })
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** Capacity, stock, counters against records, ledgers. Safe to run while clients are still writing? No: run between rounds. */
export async function checkDomain(store: StoragePort, world: World, r: Report = newReport()): Promise<Report> {
  const ledger = await findAll(store, 'pointsLedger')
  const entries = new Map(ledger.map((e) => [e._id, e]))
  for (const a of [...world.futureActivities, ...world.todayActivities]) {
    const signups = await findAll(store, 'signups', { activityId: a.id })
    const signed = signups.filter((s) => s.status === 'signed').length
    const waiting = signups.filter((s) => s.status === 'waitlisted').length
    const counter = await store.get('counters', counterId(a.id))
    check(r, 'places never exceeded', signed <= a.capacity, () => `${a.id}: ${signed} signed for ${a.capacity} places`)
    check(
      r,
      'place counter equals sign-ups',
      counter?.taken === signed && counter.waitlisted === waiting,
      () => `${a.id}: counter ${counter?.taken}/${counter?.waitlisted}, records ${signed}/${waiting}`
    )
    const checkins = await findAll(store, 'checkins', { activityId: a.id })
    for (const c of checkins) {
      const s = signups.find((x) => x.personId === c.personId)
      check(r, 'a check-in holds a place', s?.status === 'signed', () => `${c._id}: sign-up ${s?.status ?? 'none'}`)
      const forIt = ledger.filter(
        (e) => e.personId === c.personId && e.kind === 'award' && e.source?.kind === 'checkin' && e.source.id === a.id
      )
      check(r, 'one award per check-in', forIt.length === 1, () => `${c._id}: ${forIt.length} awards`)
    }
  }
  for (const it of world.items) {
    const doc = await store.get('rewardItems', it.id)
    const reds = await findAll(store, 'redemptions', { itemId: it.id })
    const live = reds.filter((x) => x.status !== 'cancelled')
    check(r, 'stock never below zero', !!doc && doc.stock >= 0, () => `${it.id}: stock ${doc?.stock}`)
    check(
      r,
      'stock counter equals redemptions',
      !!doc && doc.redeemed === live.length && doc.stock + doc.redeemed === it.stock,
      () => `${it.id}: stock ${doc?.stock} redeemed ${doc?.redeemed}, ${live.length} live of ${it.stock}`
    )
    if (it.perPersonLimit !== null) {
      const per = new Map<string, number>()
      for (const x of live) per.set(x.personId, (per.get(x.personId) ?? 0) + 1)
      for (const [person, n] of per)
        check(r, 'per-person limit kept', n <= it.perPersonLimit, () => `${it.id}: ${person} has ${n}`)
    }
    for (const x of reds) {
      const spend = entries.get(`redeem:${x._id}`)
      const refund = entries.get(`refund:${x._id}`)
      check(
        r,
        'a redemption has its ledger entries',
        !!spend && spend.amount === -x.price && (x.status === 'cancelled') === !!refund,
        () => `${x._id} (${x.status}): spend ${spend?.amount}, refund ${refund?.amount}`
      )
    }
  }
  for (const sh of [...world.futureShifts, ...world.todayShifts]) {
    const signups = await findAll(store, 'shiftSignups', { shiftId: sh.id })
    const signed = signups.filter((x) => x.status === 'signed').length
    const waiting = signups.filter((x) => x.status === 'waitlisted').length
    const counter = await store.get('counters', shiftCounterId(sh.id))
    check(
      r,
      'shift places never exceeded',
      signed <= sh.capacity,
      () => `${sh.id}: ${signed} signed for ${sh.capacity} places`
    )
    check(
      r,
      'shift counter equals sign-ups',
      counter?.taken === signed && counter.waitlisted === waiting,
      () => `${sh.id}: counter ${counter?.taken}/${counter?.waitlisted}, records ${signed}/${waiting}`
    )
    const credits = await findAll(store, 'hoursLedger', { shiftId: sh.id })
    for (const a of await findAll(store, 'shiftAttendance', { shiftId: sh.id })) {
      const awards = ledger.filter(
        (e) => e.personId === a.personId && e.kind === 'award' && e.source?.kind === 'shift' && e.source.id === sh.id
      )
      check(
        r,
        'at most one points award per shift served',
        awards.length <= 1,
        () => `${a._id}: ${awards.length} awards`
      )
      const mine = credits.filter((e) => e.personId === a.personId && e.kind === 'credit')
      check(
        r,
        'a check-out credits the hours once',
        mine.length === (a.checkOutAt === null ? 0 : 1),
        () => `${a._id}: ${mine.length} credits, checked out ${a.checkOutAt}`
      )
    }
  }
  const hours = await reconcileHours(store)
  check(r, 'hours totals equal their ledgers', hours.mismatches.length === 0, () =>
    JSON.stringify(hours.mismatches.slice(0, 3))
  )
  const points = await reconcilePoints(store)
  check(r, 'points balances equal their ledgers', points.mismatches.length === 0, () =>
    JSON.stringify(points.mismatches.slice(0, 3))
  )
  r.checked['points balances equal their ledgers (people)'] =
    (r.checked['points balances equal their ledgers (people)'] ?? 0) + points.persons
  const requests = await findAll(store, 'helpRequests', { orgUnitId: 'org-sz' })
  const eventCount = new Map<string, number>()
  for (const e of await findAll(store, 'helpEvents'))
    eventCount.set(e.requestId, (eventCount.get(e.requestId) ?? 0) + 1)
  for (const h of requests) {
    const events = eventCount.get(h._id) ?? 0
    check(
      r,
      'help request version equals its events',
      events === h.version,
      () => `${h._id}: version ${h.version}, ${events} events`
    )
  }
  return r
}

export interface SubmittedWrite {
  client: string
  accountId: string
  mutationId: string
  action: string
  payload: unknown
  /** The subject (the elder when acting for one). */
  subject: string | null
  /** Order of submission on this phone. */
  seq: number
  /** What the phone was told about it, each time (must end up exactly once). */
  told: Envelope[]
}

/** JSON with sorted keys: the same data, however it travelled (the HTTP answer comes from another realm). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        )
      : x
  )
}

function sameAnswer(a: Envelope, b: Envelope): boolean {
  if (a.ok !== b.ok) return false
  if (a.ok && b.ok) return canonical(a.data) === canonical(b.data)
  return !a.ok && !b.ok && a.code === b.code
}

/**
 * Refusals the router answers before a mutation is run (who may call it at all, the payload's shape): they are
 * not recorded, and a replay gets the same answer because it depends only on the caller and the payload.
 */
export const REFUSED_BEFORE_RECORD = new Set([
  'BAD_REQUEST',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'NOT_REGISTERED',
  'FORBIDDEN',
  'PROXY_NOT_ALLOWED',
  'VALIDATION',
  'NOT_BOUND',
  'MUTATION_ID_REQUIRED'
])

/** After the final sync: each write applied exactly once, the phones told what the server recorded, effects match. */
export async function checkMutations(
  store: StoragePort,
  world: World,
  writes: SubmittedWrite[],
  outboxLeft: number,
  before: { helpRequests: Set<string> },
  r: Report = newReport()
): Promise<Report> {
  check(r, 'no outbox item left', outboxLeft === 0, () => `${outboxLeft} items still queued`)
  const accounts = [...new Set(writes.map((w) => w.accountId))]
  const records = new Map<string, DocOf<'mutations'>>()
  for (const a of accounts) for (const m of await findAll(store, 'mutations', { accountId: a })) records.set(m._id, m)
  const byKey = new Map(writes.map((w) => [`${w.accountId}:${w.mutationId}`, w]))
  for (const w of writes) {
    const rec = records.get(`${w.accountId}:${w.mutationId}`)
    const early = !rec && w.told.length === 1 && !w.told[0].ok && REFUSED_BEFORE_RECORD.has(w.told[0].code)
    check(
      r,
      'every write reached the server exactly once',
      early || (!!rec && rec.action === w.action),
      () => `${w.client} ${w.action} ${w.mutationId}: ${rec ? rec.action : `no record, told ${JSON.stringify(w.told)}`}`
    )
    check(
      r,
      'the phone was told once',
      w.told.length === 1,
      () => `${w.client} ${w.action} ${w.mutationId}: told ${w.told.length} times`
    )
    if (rec && w.told.length)
      check(
        r,
        'the phone was told what the server recorded',
        sameAnswer(w.told[0], rec.result),
        () =>
          `${w.mutationId}: told ${JSON.stringify(w.told[0]).slice(0, 120)}, recorded ${JSON.stringify(rec.result).slice(0, 120)}`
      )
  }
  for (const key of records.keys())
    check(r, 'no write the phones did not make', byKey.has(key), () => `unexpected record ${key}`)

  // Effects, one for one with the recorded results.
  const result = (w: SubmittedWrite) => records.get(`${w.accountId}:${w.mutationId}`)?.result
  const created = new Set(
    writes
      .filter((w) => w.action === 'help.create')
      .flatMap((w) => {
        const x = result(w)
        return x?.ok ? [(x.data as { id: string }).id] : []
      })
  )
  const requesters = new Set(accounts)
  const requests = (await findAll(store, 'helpRequests', { orgUnitId: 'org-sz' })).filter(
    (h) => requesters.has(h.requesterAccountId) && !before.helpRequests.has(h._id)
  )
  check(
    r,
    'one help request per applied 求助',
    requests.length === created.size && requests.every((h) => created.has(h._id)),
    () => `${requests.length} requests, ${created.size} applied`
  )
  const codes = new Set(
    writes
      .filter((w) => w.action === 'points.redeem')
      .flatMap((w) => {
        const x = result(w)
        return x?.ok ? [(x.data as { redemption: { code: string } }).redemption.code] : []
      })
  )
  const reds = (await Promise.all(world.items.map((it) => findAll(store, 'redemptions', { itemId: it.id })))).flat()
  check(
    r,
    'one redemption per applied 兑换',
    reds.length === codes.size && reds.every((x) => codes.has(x._id)),
    () => `${reds.length} redemptions, ${codes.size} applied`
  )

  // Order: a person's sign-up on a future activity ends as their last applied sign-up or cancellation said.
  const last = new Map<string, string>()
  for (const w of [...writes].sort((a, b) => (a.client === b.client ? a.seq - b.seq : a.client < b.client ? -1 : 1))) {
    if (w.action !== 'signup.create' && w.action !== 'signup.cancel') continue
    const x = result(w)
    if (!x?.ok) continue
    const d = x.data as { activityId: string; status: string }
    if (!world.futureActivities.some((a) => a.id === d.activityId)) continue
    last.set(`${d.activityId}:${w.subject}`, d.status)
  }
  for (const [id, said] of last) {
    const s = await store.get('signups', id)
    // A cancellation of nothing is answered 'cancelled' with no record written.
    const ok =
      said === 'waitlisted'
        ? s?.status === 'waitlisted' || s?.status === 'signed'
        : said === 'cancelled'
          ? !s || s.status === 'cancelled'
          : s?.status === said
    check(r, 'the last sign-up write decides (order kept)', ok, () => `${id}: last answer ${said}, stored ${s?.status}`)
  }
  return r
}
