/**
 * The mini-program built against a self-hosted API (TARO_APP_API_BASE, into dist/weapp-selfhost so the default
 * dist/weapp is left alone) runs in the weapp simulator against the real local host over HTTP: it logs in with
 * WeChat's code (exchanged by the server with a faithful stand-in of code2Session), then every call carries
 * that bearer session and nothing goes to wx.cloud.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import { promisify } from 'node:util'
import { systemClock } from '../../server/core/clock'
import { silentLogger } from '../../server/core/logger'
import { createLocalHost, listen } from '../../server/hosts/local/http-host'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import type { SimResult } from '../support/weapp-sim/sim'

jest.setTimeout(600_000)
const run = promisify(execFile)
const root = path.join(__dirname, '../..')
const API_BASE = 'https://yinling.example.gov.cn'
const OUT = 'weapp-selfhost'

async function viaNode(script: string, expr: string): Promise<void> {
  const code = `import * as m from ${JSON.stringify(path.join(root, script))}; await (${expr}); process.exit(0)`
  await run(process.execPath, ['--input-type=module', '-e', code], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
}

let dir: string
let store: SqliteStorage
let server: Server
let url: string
let wechat: FakeWechat

beforeAll(async () => {
  await viaNode(
    'scripts/build-stamp.mjs',
    `m.ensureTaroBuild('weapp', { out: ${JSON.stringify(OUT)}, env: { TARO_APP_API_BASE: ${JSON.stringify(API_BASE)} } })`
  )
  await viaNode('scripts/weapp-setdata.mjs', 'm.buildSim()')
  dir = mkdtempSync(path.join(tmpdir(), 'yl-weapp-http-'))
  store = new SqliteStorage({ filename: path.join(dir, 'host.db') })
  await seedDemo(store, { now: systemClock.now(), passwordHash: () => 'x' })
  wechat = await startFakeWechat()
  server = createLocalHost({
    store,
    clock: systemClock,
    secrets: { tokenKey: 'k'.repeat(40) },
    log: silentLogger,
    demo: false,
    wechat: { appid: wechat.appid, secret: wechat.secret, apiBase: wechat.base }
  })
  url = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`
})

afterAll(async () => {
  await new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()))
  await store.close()
  await wechat.close()
  rmSync(dir, { recursive: true, force: true })
})

const bundleText = (dist: string) =>
  readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(dist, f), 'utf8'))
    .join('\n')

describe('weapp against a self-hosted API', () => {
  it('logs in through WeChat on the server and calls the host over HTTP with that session', async () => {
    // 张桂兰's WeChat was bound to her roster record earlier (activation, covered in tests/server/wechat-login).
    await store.transaction(async (tx) =>
      tx.create('accounts', {
        _id: 'wx:o-zhangguilan',
        kind: 'wechat',
        displayName: '张桂兰',
        roles: ['retiree'],
        personId: 'p-zhangguilan',
        orgUnitId: null,
        phone: null,
        passwordHash: null,
        demo: null,
        createdAt: 1
      })
    )
    const codes = [wechat.issueCode('o-zhangguilan'), wechat.issueCode('o-zhangguilan')]
    const { stdout } = await run(
      process.execPath,
      [path.join(root, 'build/weapp-sim.cjs'), path.join(root, 'dist', OUT), 'retiree', 'normal'],
      {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          SIM_API_BASE: API_BASE,
          SIM_API_TARGET: url,
          SIM_WX_CODES: codes.join(','),
          SIM_PAGES: 'pages/index/index,pages/activities/index,pages/me/index'
        }
      }
    )
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as SimResult
    expect(r.errors).toEqual([])
    for (const p of r.pages) expect({ path: p.path, errors: p.errors }).toEqual({ path: p.path, errors: [] })
    // Nothing through wx.cloud; everything over HTTP to the configured address.
    expect(r.apiCalls).toBe(0)
    const requests = r.httpRequests!
    // The login comes first: no call goes out before the session exists.
    expect(requests[0]).toEqual({ method: 'POST', path: '/api/auth/wechat', bearer: false, status: 200 })
    expect(requests.filter((q) => q.path === '/api/auth/wechat')).toHaveLength(1)
    const calls = requests.filter((q) => q.path === '/api')
    expect(calls.length).toBeGreaterThan(3)
    expect(calls.every((q) => q.bearer && q.status === 200)).toBe(true)
    // The server asked WeChat once, and the session is hers.
    expect(wechat.requests).toHaveLength(1)
    const sessions = await store.find('sessions')
    expect(sessions.map((s) => s.accountId)).toEqual(['wx:o-zhangguilan'])
    // Her own data came back through it.
    expect(r.pages.find((p) => p.path === 'pages/me/index')!.text).toContain('张桂兰')
    expect(r.pages.find((p) => p.path === 'pages/activities/index')!.text).toContain('太极拳晨练')
  })

  it('built into its own folder: the default dist/weapp does not call the self-hosted address', () => {
    expect(bundleText(path.join(root, 'dist', OUT))).toContain(API_BASE)
    if (existsSync(path.join(root, 'dist/weapp/app.js')))
      expect(bundleText(path.join(root, 'dist/weapp'))).not.toContain(API_BASE)
  })
})
