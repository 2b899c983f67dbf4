/**
 * `npm run serve` (production self-hosting) as a real process: it refuses to start without its settings, never
 * answers the demo endpoints nor seeds, reports the database and disk on /healthz, writes JSON logs to stdout or
 * to a rotating file, and will not open a database that needs an upgrade first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { hashPassword } from '../../server/hosts/local/passwords'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import { currentVersion, MIGRATIONS, latestVersion } from '../../server/storage/migrations'
import { DEFAULT_NOW } from '../support/harness'
import { buildServerOnce, isRunning, startServe, type ServeProcess } from '../support/serve-process'

jest.setTimeout(60_000)

const KEY = 'k'.repeat(40)
let dir: string
const running: ServeProcess[] = []

beforeAll(() => buildServerOnce())
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yl-serve-'))
})
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function serve(env: Record<string, string>): Promise<ServeProcess> {
  const p = await startServe({ PORT: '0', ...env })
  if (!isRunning(p)) throw new Error(`serve exited ${p.code}: ${p.stderr}`)
  running.push(p)
  return p
}

const getJson = async (url: string) => {
  const res = await fetch(url)
  return { status: res.status, json: (await res.json()) as any }
}
const postJson = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('npm run serve', () => {
  it('refuses to start without a data directory and a token key, naming both', async () => {
    const p = await startServe({ PORT: '0' })
    expect(isRunning(p)).toBe(false)
    if (isRunning(p)) return
    expect(p.code).toBe(78)
    expect(p.stderr).toContain('YINLING_DATA_DIR 没有设置')
    expect(p.stderr).toContain('YINLING_TOKEN_KEY 没有设置')
    expect(p.stderr).not.toContain('listening')
  })

  it('refuses a short token key, demo mode, and half of the WeChat settings', async () => {
    const p = await startServe({
      PORT: '0',
      YINLING_DATA_DIR: dir,
      YINLING_TOKEN_KEY: 'short',
      YINLING_DEMO: '1',
      YINLING_WX_APPID: 'wx123'
    })
    expect(isRunning(p)).toBe(false)
    if (isRunning(p)) return
    expect(p.code).toBe(78)
    expect(p.stderr).toContain('YINLING_TOKEN_KEY 太短')
    expect(p.stderr).toContain('YINLING_DEMO=1 只用于演示')
    expect(p.stderr).toContain('YINLING_WX_SECRET')
    expect(existsSync(path.join(dir, 'yinling.db'))).toBe(false)
  })

  it('serves without demo endpoints or demo data, and reports database and disk on /healthz', async () => {
    const p = await serve({ YINLING_DATA_DIR: dir, YINLING_TOKEN_KEY: KEY })
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const accounts = await getJson(`${p.url}/api/demo/accounts`)
    expect(accounts.status).toBe(403)
    expect(accounts.json.code).toBe('DEMO_ONLY')
    const demoLogin = await postJson(`${p.url}/api/demo/login`, { accountId: 'local:admin' })
    expect(demoLogin.json.code).toBe('DEMO_ONLY')
    // Not seeded: the demo administrator does not exist.
    const login = await postJson(`${p.url}/api/auth/login`, { username: 'admin', password: DEMO_PASSWORD })
    expect(login.json.code).toBe('LOGIN_FAILED')

    const health = await getJson(`${p.url}/healthz`)
    expect(health.status).toBe(200)
    expect(health.json.data.database).toEqual({ ok: true })
    expect(health.json.data.disk.ok).toBe(true)
    expect(health.json.data.disk.freeBytes).toBeGreaterThan(0)
    expect(health.json.data.disk.totalBytes).toBeGreaterThanOrEqual(health.json.data.disk.freeBytes)

    // A fresh database starts at this code's data version.
    await p.stop()
    const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
    expect(await currentVersion(store)).toBe(latestVersion(MIGRATIONS))
    expect(await store.count('accounts')).toBe(0)
    await store.close()
    // Logs were JSON lines on stdout.
    const lines = p
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.some((l) => l.msg === 'listening' && l.level === 'info')).toBe(true)
  })

  it('listens on the configured address and writes its log to a file when asked', async () => {
    const logFile = path.join(dir, 'log', 'yinling.log')
    const p = await serve({
      YINLING_DATA_DIR: path.join(dir, 'data'),
      YINLING_TOKEN_KEY: KEY,
      HOST: '127.0.0.1',
      YINLING_LOG_FILE: logFile
    })
    await getJson(`${p.url}/healthz`)
    await p.stop()
    expect(p.stdout()).toBe('')
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['listening', 'stopping']))
  })

  it('will not open a database that needs an upgrade (the demo deployment, made before data versions)', async () => {
    const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => hashPassword(DEMO_PASSWORD) })
    await store.close()
    const p = await startServe({ PORT: '0', YINLING_DATA_DIR: dir, YINLING_TOKEN_KEY: KEY })
    expect(isRunning(p)).toBe(false)
    if (isRunning(p)) return
    expect(p.code).toBe(78)
    expect(p.stderr).toContain('npm run upgrade')
  })
})
