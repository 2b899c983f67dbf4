/**
 * Check-in burst: 1,000 distinct people check in to one activity through the real local host (a separate
 * process, over SQLite), 50 requests in flight. Prints throughput and p50/p95/p99 latency, and the ratio to a
 * raw better-sqlite3 loop doing the same writes (check-in record, processed-mutation record, points entry,
 * balance, daily counter) in one transaction each, on the same machine in the same run: the practical ceiling.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { issueCode } from '../server/domain/tokens/rotating-code'
import {
  BENCH_KEY,
  addActivity,
  addPeople,
  call,
  cleanup,
  freshDatabase,
  pool,
  startBuiltHost
} from './support/fixture'
import { report, summary, round } from './support/common.mjs'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000)
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50)
const ACTIVITY = 'bench-burst'

async function main() {
  const db = await freshDatabase()
  const people = await addPeople(db.store, PEOPLE, Date.now())
  await addActivity(db.store, ACTIVITY, null, Date.now(), 10)
  await db.store.close()
  const host = await startBuiltHost(db.file, Number(process.env.BENCH_PORT ?? 3191))
  try {
    // Setup (not timed): everybody signs up first, as they would days before.
    const signups = await pool(
      people.map(
        (p) => () =>
          call(host.url, p.token, {
            action: 'signup.create',
            payload: { activityId: ACTIVITY },
            mutationId: randomUUID()
          })
      ),
      IN_FLIGHT
    )
    if (signups.some((r) => !r.env.ok))
      throw new Error(`sign-up failed: ${JSON.stringify(signups.find((r) => !r.env.ok)!.env)}`)

    const t0 = performance.now()
    const results = await pool(
      people.map((p) => () => {
        const now = Date.now()
        const token = issueCode(BENCH_KEY, { kind: 'activity', id: ACTIVITY }, now).token
        return call(host.url, p.token, {
          action: 'checkin.scan',
          payload: { token, scannedAt: now },
          mutationId: randomUUID()
        })
      }),
      IN_FLIGHT
    )
    const seconds = (performance.now() - t0) / 1000
    const failed = results.filter((r) => !r.env.ok || (r.env.data as { result?: string }).result !== 'checked-in')
    if (failed.length) throw new Error(`${failed.length} check-ins failed, e.g. ${JSON.stringify(failed[0].env)}`)
    const apiPerSec = PEOPLE / seconds

    // The ceiling: the same writes straight into better-sqlite3, one transaction per check-in.
    const raw = new Database(path.join(db.dir, 'raw.db'))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    for (const t of ['checkins', 'mutations', 'ledger', 'balances', 'daily'])
      raw.exec(`CREATE TABLE ${t} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`)
    const ins = Object.fromEntries(
      ['checkins', 'mutations', 'ledger', 'daily'].map((t) => [
        t,
        raw.prepare(`INSERT INTO ${t} (id, doc) VALUES (?, ?)`)
      ])
    )
    const upsertBalance = raw.prepare(
      'INSERT INTO balances (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc'
    )
    const one = raw.transaction((i: number) => {
      const at = Date.now()
      ins.checkins.run(
        `${ACTIVITY}:p-${i}`,
        JSON.stringify({ activityId: ACTIVITY, personId: `p-${i}`, method: 'scan', at })
      )
      ins.mutations.run(
        `acc-${i}:${randomUUID()}`,
        JSON.stringify({ action: 'checkin.scan', result: { ok: true }, at })
      )
      ins.ledger.run(`award:checkin:${ACTIVITY}:p-${i}`, JSON.stringify({ amount: 2, kind: 'award', at }))
      ins.daily.run(`p-${i}:day`, JSON.stringify({ total: 2 }))
      upsertBalance.run(`p-${i}`, JSON.stringify({ balance: 2, entries: 1 }))
    })
    const r0 = performance.now()
    for (let i = 0; i < PEOPLE; i++) one(i)
    const rawSeconds = (performance.now() - r0) / 1000
    raw.close()
    const rawPerSec = PEOPLE / rawSeconds

    report('checkin-burst', {
      people: PEOPLE,
      inFlight: IN_FLIGHT,
      seconds: round(seconds),
      throughputPerSec: round(apiPerSec, 1),
      latencyMs: summary(results.map((r) => r.ms)),
      rawBetterSqlite3PerSec: round(rawPerSec, 1),
      ratioToRaw: round(apiPerSec / rawPerSec, 3)
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
