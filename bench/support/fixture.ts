/**
 * Benchmark fixtures: a fresh SQLite database with the demo deployment plus N bench people (each a retiree with
 * a local account and a live session), and bench activities open for sign-up and check-in now. Also starts the
 * real built local host (build/local-host.cjs) as a child process on it, and a small HTTP client that keeps a
 * bounded number of requests in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import type { StoragePort } from '../../server/storage/port'
import { seedDemo } from '../../server/seed/seed'
import { createSession } from '../../server/hosts/local/sessions'
import { emptyCounter } from '../../server/domain/capacity/capacity-pool'
import { counterId } from '../../server/domain/activities/activity-view'
import type { Envelope } from '../../types/envelope'

export const BENCH_KEY = 'bench-token-key'

export interface BenchPerson {
  personId: string
  accountId: string
  token: string
}

export async function addPeople(store: StoragePort, n: number, now: number): Promise<BenchPerson[]> {
  const people: BenchPerson[] = []
  for (let start = 0; start < n; start += 200) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(n, start + 200); i++) {
        const personId = `p-bench-${i}`
        await tx.put('persons', {
          _id: personId,
          name: `测试${i}`,
          gender: i % 2 ? 'male' : 'female',
          birthDate: '1950-01-01',
          birthCalendar: 'solar',
          phone: null,
          formerUnit: '测试单位',
          retirementLevel: '科员',
          orgUnitId: 'org-sz',
          branchId: null,
          partyMember: false,
          frail: false,
          createdAt: now,
          updatedAt: now
        })
        await tx.put('accounts', {
          _id: `local:bench-${i}`,
          kind: 'local',
          displayName: `测试${i}`,
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
  }
  for (let i = 0; i < n; i++) {
    people.push({
      personId: `p-bench-${i}`,
      accountId: `local:bench-${i}`,
      token: await createSession(store, `local:bench-${i}`, now)
    })
  }
  return people
}

/** A published activity for everybody, starting in `startsInMin` minutes, sign-up open, check-in open now. */
export async function addActivity(
  store: StoragePort,
  id: string,
  capacity: number | null,
  now: number,
  startsInMin = 10
): Promise<void> {
  const startAt = now + startsInMin * 60_000
  await store.transaction(async (tx) => {
    await tx.put('activities', {
      _id: id,
      title: `压力测试活动 ${id}`,
      type: '讲座',
      description: '',
      place: '测试会场',
      startAt,
      endAt: startAt + 2 * 3600_000,
      signupDeadline: startAt,
      capacity,
      points: 2,
      audience: { kind: 'all' },
      orgUnitId: 'org-sz',
      status: 'published',
      checkinOpensBeforeMin: 60,
      allowWalkIn: true,
      contactPhone: null,
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now
    })
    await tx.put('counters', emptyCounter(counterId(id), capacity))
  })
}

export interface BenchDb {
  dir: string
  file: string
  store: SqliteStorage
}

export async function freshDatabase(now = Date.now()): Promise<BenchDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yl-bench-'))
  const file = path.join(dir, 'bench.db')
  const store = new SqliteStorage({ filename: file })
  await seedDemo(store, { now, passwordHash: () => 'x' })
  return { dir, file, store }
}

export interface Host {
  url: string
  stop(): Promise<void>
}

export async function startBuiltHost(dbFile: string, port: number): Promise<Host> {
  const root = process.cwd()
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'build/local-host.cjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      YINLING_DB: dbFile,
      YINLING_DEMO: '0',
      YINLING_QUIET: '1',
      YINLING_RATE_LIMIT_SCALE: '1000',
      YINLING_TOKEN_KEY: BENCH_KEY
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('已启动') && resolve())
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** Keep-alive connections, as a phone's HTTP stack (or WeChat's gateway) would reuse them. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 600 })

export function call(
  url: string,
  token: string,
  body: unknown
): Promise<{ status: number; env: Envelope; ms: number }> {
  const t0 = performance.now()
  const data = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Bearer ${token}` }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              env: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope,
              ms: performance.now() - t0
            })
          } catch (err) {
            reject(err)
          }
        })
      }
    )
    req.on('error', reject)
    req.end(data)
  })
}

/** Runs `jobs` with at most `inFlight` of them at once. */
export async function pool<T>(jobs: (() => Promise<T>)[], inFlight: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(inFlight, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++
        out[i] = await jobs[i]()
      }
    })
  )
  return out
}

export function cleanup(db: BenchDb): void {
  rmSync(db.dir, { recursive: true, force: true })
}
