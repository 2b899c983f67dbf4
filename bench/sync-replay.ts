/**
 * Sync replay: a phone comes back online with 500 queued writes (250 sign-ups, then their 250 cancellations,
 * made offline). The real sync engine (src/sync/sync-engine.ts) sends them to the real local host in batches
 * of at most 50. Prints the time to drain the outbox and the number of round trips, and checks every write
 * was applied once, in order.
 */
import { randomUUID } from 'node:crypto'
import { createSyncEngine } from '../src/sync/sync-engine'
import { memoryOutbox } from '../tests/support/memory-outbox'
import type { OutboxItem } from '../src/sync/outbox-types'
import type { Transport } from '../src/services/transport/transport'
import type { ApiBatch, ApiCall, Envelope } from '../types/envelope'
import { addActivity, addPeople, call, cleanup, freshDatabase, startBuiltHost } from './support/fixture'
import { report, round, summary } from './support/common.mjs'
import { SqliteStorage } from '../server/storage/sqlite/sqlite-adapter'

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 250)

async function main() {
  const db = await freshDatabase()
  const [me] = await addPeople(db.store, 1, Date.now())
  for (let i = 0; i < ACTIVITIES; i++) await addActivity(db.store, `bench-sync-${i}`, 30, Date.now(), 120)
  await db.store.close()
  const host = await startBuiltHost(db.file, Number(process.env.BENCH_PORT ?? 3193))

  // The outbox as the phone keeps it (persisted as JSON after every change).
  const phone = memoryOutbox()
  const { box, rejected } = phone
  const batchMs: number[] = []
  let online = false
  const transport: Transport = {
    kind: 'http',
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      if (!online) throw new (await import('../src/services/transport/transport')).NetworkError('offline')
      const r = await call(host.url, me.token, body)
      batchMs.push(r.ms)
      return r.env
    }
  }
  const engine = createSyncEngine({ transport: () => transport, box, account: () => me.accountId })
  try {
    // Offline: queue everything (each submit tries once, finds no network, and keeps the item).
    const ops: Omit<OutboxItem, 'attempts' | 'nextAttemptAt' | 'lastError'>[] = []
    for (let i = 0; i < ACTIVITIES; i++)
      ops.push({
        id: randomUUID().replace(/-/g, ''),
        action: 'signup.create',
        payload: { activityId: `bench-sync-${i}` },
        accountId: me.accountId,
        actingFor: null,
        clientTime: Date.now(),
        label: `报名 ${i}`
      })
    for (let i = 0; i < ACTIVITIES; i++)
      ops.push({
        id: randomUUID().replace(/-/g, ''),
        action: 'signup.cancel',
        payload: { activityId: `bench-sync-${i}` },
        accountId: me.accountId,
        actingFor: null,
        clientTime: Date.now(),
        label: `取消 ${i}`
      })
    for (const op of ops) void engine.submit(op)
    await engine.flush()
    const queued = phone.items().length
    const tripsBefore = engine.stats.roundTrips

    online = true
    const t0 = performance.now()
    await engine.retryAllNow()
    const seconds = (performance.now() - t0) / 1000
    if (phone.items().length || rejected.length)
      throw new Error(`${phone.items().length} left, ${rejected.length} rejected: ${JSON.stringify(rejected[0])}`)

    const check = new SqliteStorage({ filename: db.file })
    const cancelled = await check.count('signups', { personId: me.personId, status: 'cancelled' })
    const mutations = await check.count('mutations', { accountId: me.accountId })
    await check.close()
    if (cancelled !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} cancelled sign-ups, found ${cancelled}`)

    report('sync-replay', {
      queued,
      roundTrips: engine.stats.roundTrips - tripsBefore,
      seconds: round(seconds),
      writesPerSec: round(queued / seconds, 1),
      batchLatencyMs: summary(batchMs),
      applied: engine.stats.applied,
      mutationRecords: mutations
    })
  } finally {
    await host.stop()
    cleanup(db)
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
