/**
 * Crash: the built local host (node build/local-host.cjs) on a temporary database, a burst of writes from
 * several phones over HTTP (each with the real sync engine), `kill -9` in the middle of the burst, and a
 * restart on the same file. Every write a phone was told was applied is in the database after the kill,
 * `PRAGMA integrity_check` is ok, and after the restart the phones sync the rest — each write exactly once.
 *
 * The writes: staff adjustments (whose ledger entry id carries the mutation id, so "once" is countable per
 * write), help requests by retirees and by a daughter for her mother (代办), and marking messages read.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { ApiBatch, ApiCall, Envelope } from '../../types/envelope'
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine'
import { newMutationId } from '../../src/sync/mutation-id'
import { NetworkError, type Transport } from '../../src/services/transport/transport'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import { memoryOutbox, type MemoryOutbox } from '../support/memory-outbox'
import { createRng, seedFromEnv } from './sim/prng'

jest.setTimeout(180_000)

const ROOT = path.join(__dirname, '../..')
const seed = seedFromEnv()

interface Host {
  proc: ChildProcess
  url: string
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

function startHost(db: string): Promise<Host> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'build/local-host.cjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      YINLING_DB: db,
      YINLING_DEMO: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      YINLING_QUIET: '1',
      YINLING_RATE_LIMIT_SCALE: '1000',
      YINLING_TOKEN_KEY: 'crash-test-key',
      YINLING_STATIC: path.join(path.dirname(db), 'no-h5')
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  running.add(proc)
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => (running.delete(proc), resolve(code)))
  )
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}`, exited })
    })
    proc.stderr!.on('data', () => undefined)
    void exited.then((code) => reject(new Error(`host exited (${code}) before listening: ${out}`)))
  })
}

async function login(url: string, accountId: string): Promise<string> {
  const res = await fetch(`${url}/api/demo/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ accountId })
  })
  return ((await res.json()) as { data: { token: string } }).data.token
}

/**
 * The HTTP transport, in Node: an envelope, or a NetworkError when the host is gone. `answered` sees each
 * answer before the phone does and may swallow it (the host died before the answer got out).
 */
function httpTransport(base: () => string, token: string, answered: () => boolean): Transport {
  return {
    kind: 'http',
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      let json: Envelope
      try {
        const res = await fetch(`${base()}/api`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body)
        })
        json = (await res.json()) as Envelope
        if (typeof json?.ok !== 'boolean') throw new Error('no envelope')
      } catch (err) {
        throw new NetworkError(String(err))
      }
      if (!answered()) throw new NetworkError('the host died before answering')
      return json
    }
  }
}

interface Phone {
  accountId: string
  actingFor: string | null
  outbox: MemoryOutbox
  engine: SyncEngine
  submitted: { id: string; action: string }[]
  acked: Map<string, unknown>
  next(i: number): { action: string; payload: unknown }
}

describe('kill -9 during a burst of writes', () => {
  let dir: string
  beforeAll(() => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    if (built.status !== 0) throw new Error(`build-server failed: ${built.stderr}`)
    dir = mkdtempSync(path.join(tmpdir(), 'yl-crash-'))
  })
  afterAll(() => {
    // A failed run must not leave a host behind.
    for (const proc of running) proc.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write, stays intact, and the phones re-sync the rest exactly once', async () => {
    const db = path.join(dir, 'crash.db')
    const rng = createRng(seed)
    let host = await startHost(db)
    let base = host.url
    const PEOPLE = ['p-zhangguilan', 'p-wangjianguo', 'p-zhaoshuzhen', 'p-001', 'p-002', 'p-003']
    const specs: { accountId: string; actingFor: string | null; next: Phone['next'] }[] = [
      {
        accountId: 'local:liufang',
        actingFor: null,
        next: (i) => ({
          action: 'points.staff.adjust',
          payload: { personId: PEOPLE[i % PEOPLE.length], amount: 1 + (i % 3), reason: `补录第 ${i} 次学习` }
        })
      },
      {
        accountId: 'local:admin',
        actingFor: null,
        next: (i) => ({
          action: 'points.staff.adjust',
          payload: { personId: PEOPLE[(i + 2) % PEOPLE.length], amount: 1, reason: `管理员补录 ${i}` }
        })
      },
      ...['local:zhangguilan', 'local:lideming', 'local:wangjianguo'].map((accountId) => ({
        accountId,
        actingFor: null,
        next: (i: number) =>
          i % 4 === 3
            ? { action: 'message.markRead', payload: { all: true } }
            : {
                action: 'help.create',
                payload: {
                  category: '家政维修',
                  description: `家里第 ${i} 处要修。`,
                  address: '肃州区东关街道富康家园',
                  phone: '13909371001'
                }
              }
      })),
      {
        accountId: 'local:zhangxiaoyan',
        actingFor: 'p-zhangguilan',
        next: (i) => ({
          action: 'help.create',
          payload: {
            category: '生活照料',
            description: `替妈妈第 ${i} 次求助。`,
            address: '肃州区东关街道富康家园',
            phone: '13800138021'
          }
        })
      }
    ]
    // The host is killed when it has answered KILL_AT requests; that last answer never reaches its phone (the
    // writes in it are on disk but unacknowledged), and requests on the wire at that moment are cut off.
    const KILL_AT = 100
    let answers = 0
    let killedAfter = -1
    let restarted = false
    const answered = () => {
      if (restarted) return true
      answers += 1
      if (answers < KILL_AT) return killedAfter < 0
      if (killedAfter < 0) {
        killedAfter = answers
        host.proc.kill('SIGKILL')
      }
      return false
    }
    const phones: Phone[] = []
    for (const s of specs) {
      const token = await login(base, s.accountId)
      const outbox = memoryOutbox()
      const phone: Phone = { ...s, outbox, submitted: [], acked: new Map(), engine: undefined as unknown as SyncEngine }
      phone.engine = createSyncEngine({
        transport: () => httpTransport(() => base, token, answered),
        box: outbox.box,
        random: rng.fork(s.accountId),
        setTimer: () => null,
        clearTimer: () => undefined,
        onApplied: (item, data) => void phone.acked.set(item.id, data)
      })
      phones.push(phone)
    }

    // The burst: every phone writes as fast as it gets answers, on through the crash (those writes queue).
    const PER_PHONE = 80
    const ackedTotal = () => phones.reduce((n, p) => n + p.acked.size, 0)
    await Promise.all(
      phones.map(async (p) => {
        for (let i = 0; i < PER_PHONE; i++) {
          const { action, payload } = p.next(i)
          const id = newMutationId(Date.now(), rng)
          p.submitted.push({ id, action })
          await p.engine.submit({
            id,
            action,
            payload,
            accountId: p.accountId,
            actingFor: p.actingFor,
            clientTime: Date.now(),
            label: action
          })
        }
      })
    )
    expect(await host.exited).toBeNull() // killed by the signal, not exited
    const submitted = phones.reduce((n, p) => n + p.submitted.length, 0)
    const queued = phones.reduce((n, p) => n + p.outbox.items().length, 0)
    const acked = ackedTotal()
    expect(killedAfter).toBe(KILL_AT)

    // After the kill: the file is intact and holds every write a phone was told was applied.
    const raw = new Database(db)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    const record = raw.prepare('SELECT doc FROM c_mutations WHERE id = ?')
    const entry = raw.prepare('SELECT doc FROM c_pointsLedger WHERE id = ?')
    const request = raw.prepare('SELECT doc FROM c_helpRequests WHERE id = ?')
    for (const p of phones) {
      for (const [id, data] of p.acked) {
        const row = record.get(`${p.accountId}:${id}`) as { doc: string } | undefined
        expect({ id, recorded: !!row && (JSON.parse(row.doc) as { result: Envelope }).result.ok }).toEqual({
          id,
          recorded: true
        })
        const action = p.submitted.find((s) => s.id === id)!.action
        if (action === 'points.staff.adjust') expect(entry.get((data as { entryId: string }).entryId)).toBeTruthy()
        if (action === 'help.create') expect(request.get((data as { id: string }).id)).toBeTruthy()
      }
    }
    const recordsAfterKill = (
      raw
        .prepare(
          "SELECT COUNT(*) AS n FROM c_mutations WHERE json_extract(doc, '$.accountId') IN (SELECT value FROM json_each(?))"
        )
        .get(JSON.stringify(specs.map((s) => s.accountId))) as { n: number }
    ).n
    raw.close()
    // At least the swallowed answer's writes are on disk without the phone knowing.
    expect(recordsAfterKill).toBeGreaterThan(acked)

    // Restart on the same file; the phones sync what they still hold.
    host = await startHost(db)
    base = host.url
    restarted = true
    for (let pass = 0; pass < 10 && phones.some((p) => p.outbox.items().length); pass++)
      await Promise.all(phones.map((p) => p.engine.retryAllNow()))
    expect(phones.map((p) => p.outbox.items().length)).toEqual(phones.map(() => 0))
    host.proc.kill('SIGTERM')
    await host.exited

    // Everything exactly once.
    const store = new SqliteStorage({ filename: db })
    try {
      expect(store.database.pragma('integrity_check', { simple: true })).toBe('ok')
      let adjustments = 0
      let requests = 0
      for (const p of phones) {
        for (const s of p.submitted) {
          const rec = await store.get('mutations', `${p.accountId}:${s.id}`)
          expect({ id: s.id, ok: rec?.result.ok }).toEqual({ id: s.id, ok: true })
          if (s.action === 'points.staff.adjust') {
            adjustments += 1
            expect(await store.get('pointsLedger', `adj:${p.accountId}:${s.id}`)).toMatchObject({
              kind: 'adjustment',
              staffAccountId: p.accountId
            })
          }
          if (s.action === 'help.create') {
            requests += 1
            expect(await store.get('helpRequests', (rec!.result as { data: { id: string } }).data.id)).toMatchObject({
              requesterAccountId: p.accountId
            })
          }
        }
      }
      const ledger = await store.find('pointsLedger', { where: { kind: 'adjustment' }, limit: 1000 })
      expect(
        ledger.filter((e) => e.staffAccountId === 'local:liufang' || e.staffAccountId === 'local:admin')
      ).toHaveLength(adjustments)
      const byPhones = (await store.find('helpRequests', { limit: 1000 })).filter(
        (h) => specs.some((s) => s.accountId === h.requesterAccountId) && h.description.includes('第')
      )
      expect(byPhones).toHaveLength(requests)
      expect((await reconcilePoints(store)).mismatches).toEqual([])
      process.stdout.write(
        `crash: seed ${seed}: ${phones.length} phones, ${submitted} writes; kill -9 at the ${killedAfter}th answer: ${acked} writes acknowledged, ` +
          `${recordsAfterKill} on disk (${recordsAfterKill - acked} committed but unacknowledged), ${queued} queued on the phones; after the restart all ${submitted} applied once ` +
          `(${adjustments} adjustments, ${requests} help requests), integrity_check ok, points reconcile\n`
      )
    } finally {
      await store.close()
    }
  })
})
