/**
 * The faults simulation. Many phones, each with the app's REAL sync engine (createSyncEngine) over a persisted
 * outbox stand-in, make random real writes (sign-up, cancel, check-in by the staff's code, 代签, 送学上门,
 * redemption and its cancellation, 核销, help requests, claims and their steps, 代办 by a family member) against
 * the real router and handlers on a real storage adapter — or through the real local HTTP host — over a
 * network that drops requests, drops answers after the server committed, duplicates, reorders and answers
 * 5xx (fault-network.ts). Phones go offline and come back, and restart (the engine is made anew from the
 * persisted outbox). Then the network heals, every phone syncs to quiescence, and the invariants are checked
 * from the server's own records (invariants.ts).
 *
 * Everything random comes from one seed: the same seed gives the same people doing the same things under the
 * same faults. (Interleavings on the CloudBase stand-in and over HTTP also depend on timers, so a replay of a
 * seed there repeats the schedule, not every interleaving.)
 */
import type { Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ApiBatch, ApiCall, Envelope } from '../../../types/envelope'
import { FixedClock } from '../../../server/core/clock'
import { createRouter } from '../../../server/core/router'
import { silentLogger } from '../../../server/core/logger'
import { handlers } from '../../../server/handlers'
import type { StoragePort } from '../../../server/storage/port'
import { SqliteStorage } from '../../../server/storage/sqlite/sqlite-adapter'
import { CloudbaseStorage } from '../../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../../server/storage/cloudbase/memory-cloud-db'
import { realSdkDatabase, startCloudbaseWire } from '../../support/cloudbase-wire'
import { seedDemo } from '../../../server/seed/seed'
import { createLocalHost, listen } from '../../../server/hosts/local/http-host'
import { scaledRateLimits } from '../../../server/hosts/local/rate-limit'
import { createSession } from '../../../server/hosts/local/sessions'
import { createSyncEngine, type OutboxAccess, type SyncEngine } from '../../../src/sync/sync-engine'
import { newMutationId } from '../../../src/sync/mutation-id'
import { NetworkError } from '../../../src/services/transport/transport'
import { memoryOutbox, type MemoryOutbox } from '../../support/memory-outbox'
import { createRng, type Rng } from './prng'
import { DEFAULT_RATES, FaultNetwork, type Deliver, type FaultRates } from './fault-network'
import { buildWorld, type World } from './world'
import { plan, type ClientKind, type Knowledge } from './client-actions'
import { checkDomain, checkMutations, newReport, type Report, type SubmittedWrite } from './invariants'

/** `cloudbase-sdk`: the CloudBase adapter through the real wx-server-sdk client and the local wire (cloudbase-wire.ts). */
export type Target = 'sqlite' | 'cloudbase' | 'cloudbase-sdk' | 'http'

export interface FaultRunOptions {
  seed: number
  /** Writes to make in all. */
  ops: number
  target: Target
  retirees?: number
  volunteers?: number
  rates?: FaultRates
  /** Check the domain invariants every this many rounds during the run (0: only at the end). */
  checkEvery?: number
  log?: (line: string) => void
}

export interface FaultRunResult {
  seed: number
  target: Target
  ops: number
  clients: number
  rounds: number
  restarts: number
  offlineSpells: number
  faults: Record<string, number>
  outcomes: { applied: number; refused: Record<string, number>; appliedBy: Record<string, number> }
  sync: { roundTrips: number; retried: number }
  report: Report
  ms: number
}

export const TOKEN_KEY = 'reliability-token-key'
const START = Date.UTC(2026, 10, 30, 23, 0, 0)

interface Backend {
  store: StoragePort
  clock: FixedClock
  deliver: Deliver
  stop(): Promise<void>
}

async function backend(target: Target): Promise<Backend> {
  const clock = new FixedClock(START)
  const deps = (store: StoragePort) => ({ store, clock, secrets: { tokenKey: TOKEN_KEY }, log: silentLogger })
  if (target === 'cloudbase') {
    const store = new CloudbaseStorage(new MemoryCloudDb())
    await seedDemo(store, { now: START, passwordHash: () => 'scrypt$x$y' })
    const router = createRouter(deps(store), handlers)
    return { store, clock, deliver: (a, body) => router.handle(a, body), stop: async () => undefined }
  }
  if (target === 'cloudbase-sdk') {
    const wire = await startCloudbaseWire()
    const store = new CloudbaseStorage(realSdkDatabase(wire))
    // The demo deployment goes straight into the database the wire serves; every write of the run goes through the SDK.
    await seedDemo(new CloudbaseStorage(wire.db), { now: START, passwordHash: () => 'scrypt$x$y' })
    const router = createRouter(deps(store), handlers)
    return { store, clock, deliver: (a, body) => router.handle(a, body), stop: () => wire.close() }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'yl-faults-'))
  const store = new SqliteStorage({ filename: path.join(dir, 'faults.db') })
  await seedDemo(store, { now: START, passwordHash: () => 'scrypt$x$y' })
  if (target === 'sqlite') {
    const router = createRouter(deps(store), handlers)
    return {
      store,
      clock,
      deliver: (a, body) => router.handle(a, body),
      stop: async () => {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  // The real local host on a loopback port: identity from the bearer session, bodies over real HTTP.
  const server: Server = createLocalHost({ ...deps(store), demo: false, rateLimits: scaledRateLimits(1000) })
  const { port } = await listen(server, 0, '127.0.0.1')
  const tokens = new Map<string, string>()
  return {
    store,
    clock,
    deliver: async (accountId, body: ApiCall | ApiBatch) => {
      let token = tokens.get(accountId)
      if (!token) tokens.set(accountId, (token = await createSession(store, accountId, clock.now())))
      let res: Response
      try {
        res = await fetch(`http://127.0.0.1:${port}/api`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body)
        })
      } catch (err) {
        throw new NetworkError(String(err))
      }
      const json = (await res.json().catch(() => null)) as Envelope | null
      if (!json || typeof json.ok !== 'boolean') throw new NetworkError(`HTTP ${res.status} without an envelope`)
      return json
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

interface SimClient {
  name: string
  accountId: string
  kind: ClientKind
  /** The person the writes are for (the elder when acting for one). */
  subject: string | null
  actingFor: string | null
  rng: Rng
  outbox: MemoryOutbox
  engine: SyncEngine
  generation: number
  offline: boolean
  mine: Knowledge['mine']
  seq: number
}

export async function runFaults(opts: FaultRunOptions): Promise<FaultRunResult> {
  const started = Date.now()
  const log = opts.log ?? (() => undefined)
  const rng = createRng(opts.seed)
  const be = await backend(opts.target)
  try {
    const world: World = await buildWorld(be.store, START, {
      retirees: opts.retirees ?? 24,
      volunteers: opts.volunteers ?? 6
    })
    const before = { helpRequests: new Set((await be.store.find('helpRequests', { limit: 1000 })).map((h) => h._id)) }
    const net = new FaultNetwork(rng.fork('network'), be.deliver, opts.rates ?? DEFAULT_RATES)
    const writes = new Map<string, SubmittedWrite>()
    const shared = { helpRequests: [] as string[], codes: [] as string[] }
    const refused: Record<string, number> = {}
    let applied = 0
    const appliedBy: Record<string, number> = {}
    let restarts = 0
    let offlineSpells = 0
    const dead = { roundTrips: 0, retried: 0 }

    const people: { accountId: string; kind: ClientKind; subject: string | null; actingFor: string | null }[] = [
      ...world.retirees.map((r) => ({
        accountId: r.accountId,
        kind: 'retiree' as const,
        subject: r.personId,
        actingFor: null
      })),
      ...world.volunteers.map((v) => ({
        accountId: v.accountId,
        kind: 'volunteer' as const,
        subject: v.personId,
        actingFor: null
      })),
      {
        accountId: world.family.accountId,
        kind: 'family' as const,
        subject: world.family.elder,
        actingFor: world.family.elder
      },
      ...world.staff.map((s) => ({ accountId: s, kind: 'staff' as const, subject: null, actingFor: null }))
    ]

    function engineFor(c: Omit<SimClient, 'engine'> & { engine?: SyncEngine }): SyncEngine {
      const gen = c.generation
      const alive = () => c.generation === gen
      // A restarted app's old engine is dead: whatever it still does is lost with its memory.
      const box: OutboxAccess = {
        outbox: () => c.outbox.box.outbox(),
        enqueue: (i) => alive() && c.outbox.box.enqueue(i),
        settle: (ids, r) => alive() && c.outbox.box.settle(ids, r),
        postpone: (ids, at, why) => alive() && c.outbox.box.postpone(ids, at, why),
        wake: () => alive() && c.outbox.box.wake()
      }
      return createSyncEngine({
        transport: () => net.transportFor(c.accountId),
        box,
        now: () => be.clock.now(),
        random: c.rng,
        setTimer: () => null,
        clearTimer: () => undefined,
        account: () => c.accountId,
        onApplied: (item, data) => {
          if (!alive()) return
          const w = writes.get(item.id)!
          w.told.push({ ok: true, data })
          applied += 1
          appliedBy[item.action] = (appliedBy[item.action] ?? 0) + 1
          if (item.action === 'help.create') {
            const id = (data as { id: string }).id
            shared.helpRequests.push(id)
            c.mine.requests.push(id)
          } else if (item.action === 'points.redeem') {
            const code = (data as { redemption: { code: string } }).redemption.code
            shared.codes.push(code)
            c.mine.codes.push(code)
          } else if (item.action === 'help.claim') c.mine.tasks.push((item.payload as { id: string }).id)
        },
        onRejected: (r) => {
          if (!alive()) return
          writes.get(r.id)!.told.push({ ok: false, code: r.code as never, message: r.message })
          refused[r.code] = (refused[r.code] ?? 0) + 1
        }
      })
    }

    const clients: SimClient[] = people.map((p) => {
      const c = {
        name: p.accountId,
        ...p,
        rng: rng.fork(`client:${p.accountId}`),
        outbox: memoryOutbox(),
        generation: 0,
        offline: false,
        mine: { requests: [], codes: [], tasks: [] },
        seq: 0
      } as Omit<SimClient, 'engine'> as SimClient
      c.engine = engineFor(c)
      return c
    })

    async function write(c: SimClient): Promise<void> {
      const planned = plan(
        c.kind,
        c.rng,
        world,
        { ...shared, mine: c.mine },
        { now: be.clock.now(), tokenKey: TOKEN_KEY, personId: c.subject }
      )
      let id = newMutationId(be.clock.now(), c.rng)
      while (writes.has(id)) id = newMutationId(be.clock.now(), c.rng)
      writes.set(id, {
        client: c.name,
        accountId: c.accountId,
        mutationId: id,
        action: planned.action,
        payload: planned.payload,
        subject: c.subject,
        seq: c.seq++,
        told: []
      })
      await c.engine.submit({
        id,
        action: planned.action,
        payload: planned.payload,
        accountId: c.accountId,
        actingFor: c.actingFor,
        clientTime: be.clock.now(),
        label: planned.label
      })
    }

    async function act(c: SimClient): Promise<void> {
      if (c.offline && c.rng.chance(0.2)) {
        // The signal is back (reconnect): sync.
        c.offline = false
        net.setOffline(c.accountId, false)
        return c.engine.retryAllNow()
      }
      const r = c.rng()
      if (r < 0.76) return write(c)
      if (r < 0.86) return c.engine.flush()
      if (r < 0.92) return c.engine.retryAllNow()
      if (r < 0.95) {
        if (!c.offline) offlineSpells += 1
        c.offline = true
        net.setOffline(c.accountId, true)
        return
      }
      if (r < 0.97) {
        // WeChat closed the mini-program; it starts again from what was persisted.
        restarts += 1
        dead.roundTrips += c.engine.stats.roundTrips
        dead.retried += c.engine.stats.retried
        c.generation += 1
        c.outbox.restart()
        c.engine = engineFor(c)
        return c.engine.flush()
      }
    }

    let rounds = 0
    const mid = newReport()
    while (writes.size < opts.ops) {
      rounds += 1
      be.clock.advance(rng.int(0, 20_000))
      const k = rng.int(1, 6)
      const chosen = rng.shuffle([...clients]).slice(0, k)
      const work: Promise<unknown>[] = chosen.map((c) => act(c))
      if (rng.chance(0.25)) work.push(net.releaseSome())
      await Promise.all(work)
      if (opts.checkEvery && rounds % opts.checkEvery === 0) await checkDomain(be.store, world, mid)
      if (rounds % 500 === 0) log(`  … ${writes.size} writes, ${rounds} rounds, ${net.heldCount} held on the wire`)
    }

    // Heal: no more faults, everyone online, everything on the wire delivered; then sync until quiet.
    await net.heal()
    for (let pass = 0; pass < 20 && clients.some((c) => c.outbox.items().length); pass++) {
      await Promise.all(clients.map((c) => c.engine.retryAllNow()))
    }
    const left = clients.reduce((n, c) => n + c.outbox.items().length, 0)
    const report = await checkDomain(be.store, world, mid)
    await checkMutations(be.store, world, [...writes.values()], left, before, report)
    return {
      seed: opts.seed,
      target: opts.target,
      ops: writes.size,
      clients: clients.length,
      rounds,
      restarts,
      offlineSpells,
      faults: { ...net.injected },
      outcomes: { applied, refused, appliedBy },
      sync: {
        roundTrips: dead.roundTrips + clients.reduce((n, c) => n + c.engine.stats.roundTrips, 0),
        retried: dead.retried + clients.reduce((n, c) => n + c.engine.stats.retried, 0)
      },
      report,
      ms: Date.now() - started
    }
  } finally {
    await be.stop()
  }
}

/** One paragraph for a person reading the test output. */
export function describeRun(r: FaultRunResult): string {
  const faults = Object.entries(r.faults)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const refused = Object.entries(r.outcomes.refused)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const checked = Object.values(r.report.checked).reduce((a, b) => a + b, 0)
  return [
    `faults on ${r.target}: seed ${r.seed} (replay: RELIABILITY_SEED=${r.seed}), ${r.ops} writes by ${r.clients} phones in ${r.rounds} rounds, ${(r.ms / 1000).toFixed(1)} s`,
    `  network: ${faults}; ${r.restarts} app restarts, ${r.offlineSpells} offline spells`,
    `  sync: ${r.sync.roundTrips} round trips, ${r.sync.retried} retries; applied ${r.outcomes.applied}, refused for good ${Object.values(r.outcomes.refused).reduce((a, b) => a + b, 0)} (${refused})`,
    `  applied by action: ${Object.entries(r.outcomes.appliedBy)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  invariants: ${Object.keys(r.report.checked).length} kinds, ${checked} checks, ${r.report.violations.length} violations`
  ].join('\n')
}
