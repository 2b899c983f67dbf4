/**
 * Sign-up race: 500 people sign up for 100 places at the same moment.
 *  - through the real local host over SQLite (all 500 requests in flight at once);
 *  - through the real router over the CloudBase adapter on the in-memory stand-in of its database (snapshot
 *    isolation, conflicts retried; a BUSY answer is sent again, as the outbox would).
 * Prints the time to settle and the places taken, which must be exactly 100 (the rest waitlisted).
 */
import { randomUUID } from 'node:crypto'
import { addActivity, addPeople, call, cleanup, freshDatabase, pool, startBuiltHost } from './support/fixture'
import { report, summary, round } from './support/common.mjs'
import { CloudbaseStorage } from '../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../server/storage/cloudbase/memory-cloud-db'
import { createRouter } from '../server/core/router'
import { handlers } from '../server/handlers'
import { systemClock } from '../server/core/clock'
import { silentLogger } from '../server/core/logger'
import { seedDemo } from '../server/seed/seed'
import type { Envelope } from '../types/envelope'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500)
const PLACES = Number(process.env.BENCH_PLACES ?? 100)
const ACTIVITY = 'bench-race'

interface Outcome {
  signed: number
  waitlisted: number
  busyRetries: number
}

function tally(results: Envelope[]): { signed: number; waitlisted: number } {
  let signed = 0
  let waitlisted = 0
  for (const r of results) {
    if (!r.ok) throw new Error(`sign-up failed: ${JSON.stringify(r)}`)
    const status = (r.data as { status: string }).status
    if (status === 'signed') signed++
    else if (status === 'waitlisted') waitlisted++
  }
  return { signed, waitlisted }
}

async function overHttp(): Promise<
  Outcome & { seconds: number; latencyMs: ReturnType<typeof summary>; counterTaken: number }
> {
  const db = await freshDatabase()
  const people = await addPeople(db.store, PEOPLE, Date.now())
  await addActivity(db.store, ACTIVITY, PLACES, Date.now(), 120)
  await db.store.close()
  const host = await startBuiltHost(db.file, Number(process.env.BENCH_PORT ?? 3192))
  try {
    const t0 = performance.now()
    let busyRetries = 0
    const results = await pool(
      people.map((p) => async () => {
        const mutationId = randomUUID()
        for (;;) {
          const r = await call(host.url, p.token, {
            action: 'signup.create',
            payload: { activityId: ACTIVITY },
            mutationId
          })
          if (r.env.ok || r.env.code !== 'BUSY') return r
          busyRetries++
        }
      }),
      PEOPLE
    )
    const seconds = (performance.now() - t0) / 1000
    const { signed, waitlisted } = tally(results.map((r) => r.env))
    const { SqliteStorage } = await import('../server/storage/sqlite/sqlite-adapter')
    const check = new SqliteStorage({ filename: db.file })
    const counter = await check.get('counters', `activity:${ACTIVITY}`)
    const stored = await check.count('signups', { activityId: ACTIVITY, status: 'signed' })
    await check.close()
    if (stored !== signed || counter?.taken !== signed)
      throw new Error(`records disagree: answered ${signed}, stored ${stored}, counter ${counter?.taken}`)
    return {
      signed,
      waitlisted,
      busyRetries,
      seconds,
      latencyMs: summary(results.map((r) => r.ms)),
      counterTaken: counter.taken
    }
  } finally {
    await host.stop()
    cleanup(db)
  }
}

async function overCloudbaseStandIn(): Promise<Outcome & { seconds: number; conflicts: number; commits: number }> {
  const db = new MemoryCloudDb()
  const store = new CloudbaseStorage(db)
  await seedDemo(store, { now: Date.now(), passwordHash: () => 'x' })
  const people = await addPeopleNoSessions(store, PEOPLE)
  await addActivity(store, ACTIVITY, PLACES, Date.now(), 120)
  const router = createRouter({ store, clock: systemClock, secrets: { tokenKey: 'k' }, log: silentLogger }, handlers)
  const before = { ...db.stats }
  const t0 = performance.now()
  let busyRetries = 0
  const results = await Promise.all(
    people.map(async (accountId) => {
      const mutationId = randomUUID()
      for (;;) {
        const env = await router.call(accountId, {
          action: 'signup.create',
          payload: { activityId: ACTIVITY },
          mutationId
        })
        if (env.ok || env.code !== 'BUSY') return env
        busyRetries++
      }
    })
  )
  const seconds = (performance.now() - t0) / 1000
  const { signed, waitlisted } = tally(results)
  const counter = await store.get('counters', `activity:${ACTIVITY}`)
  if (counter?.taken !== signed) throw new Error(`counter ${counter?.taken} != answered ${signed}`)
  return {
    signed,
    waitlisted,
    busyRetries,
    seconds,
    conflicts: db.stats.conflicts - before.conflicts,
    commits: db.stats.commits - before.commits
  }
}

async function addPeopleNoSessions(store: CloudbaseStorage, n: number): Promise<string[]> {
  const { addPeople: add } = await import('./support/fixture')
  return (await add(store, n, Date.now())).map((p) => p.accountId)
}

async function main() {
  const http = await overHttp()
  const cloud = await overCloudbaseStandIn()
  for (const [name, r] of [
    ['sqlite', http],
    ['cloudbase', cloud]
  ] as const) {
    if (r.signed !== PLACES || r.waitlisted !== PEOPLE - PLACES)
      throw new Error(`${name}: ${r.signed} signed, ${r.waitlisted} waitlisted`)
  }
  report('signup-race', {
    people: PEOPLE,
    places: PLACES,
    localHostSqlite: { ...http, seconds: round(http.seconds) },
    cloudbaseStandIn: { ...cloud, seconds: round(cloud.seconds) }
  })
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
