/**
 * WeChat login on the self-hosted API: the phone's wx.login code is exchanged on the server with code2Session
 * (a faithful local stand-in of WeChat's jscode2session on 127.0.0.1; the server's setting points at it), and the
 * session is for `wx:<openid>` from WeChat's answer, never from anything in the payload.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import { FixedClock } from '../../server/core/clock'
import type { Logger } from '../../server/core/context'
import { createLocalHost, listen } from '../../server/hosts/local/http-host'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { DEFAULT_NOW } from '../support/harness'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { buildServerOnce, isRunning, startServe } from '../support/serve-process'

jest.setTimeout(60_000)

let dir: string
let wechat: FakeWechat
let store: SqliteStorage
let server: Server | undefined
let url: string
let logged: { msg: string; extra?: Record<string, unknown> }[]

async function host(settings: { appid: string; secret: string } | null) {
  const log: Logger = { info: () => undefined, error: (msg, extra) => void logged.push({ msg, extra }) }
  server = createLocalHost({
    store,
    clock: new FixedClock(DEFAULT_NOW),
    secrets: { tokenKey: 'test-token-key' },
    log,
    demo: false,
    wechat: settings ? { ...settings, apiBase: wechat.base } : undefined
  })
  url = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yl-wx-'))
  wechat = await startFakeWechat()
  store = new SqliteStorage({ filename: path.join(dir, 'host.db') })
  await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
  logged = []
})
afterEach(async () => {
  const s = server
  server = undefined
  if (s) await new Promise<void>((r) => (s.close(() => r()), s.closeAllConnections()))
  await store.close()
  await wechat.close()
  rmSync(dir, { recursive: true, force: true })
})

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('WeChat login through code2Session', () => {
  it('a valid code gives a session for the openid WeChat names, which then activates like on CloudBase', async () => {
    await host({ appid: wechat.appid, secret: wechat.secret })
    // Anything else in the payload is ignored: identity comes from WeChat's answer.
    const login = await post('/api/auth/wechat', {
      code: wechat.issueCode('o-real-openid-1'),
      openid: 'o-attacker',
      accountId: 'local:admin'
    })
    expect(login.status).toBe(200)
    const token = login.json.data.token as string
    const who = await post('/api', { action: 'auth.whoami', payload: {} }, token)
    expect(who.json.data).toMatchObject({ accountId: 'wx:o-real-openid-1', registered: false, roles: [] })
    // The server asked WeChat with its own settings and the code, nothing else.
    const asked = wechat.requests.at(-1)!
    expect(asked.searchParams.get('appid')).toBe(wechat.appid)
    expect(asked.searchParams.get('secret')).toBe(wechat.secret)
    expect(asked.searchParams.get('grant_type')).toBe('authorization_code')

    // Staff issue a 激活码; the WeChat account binds to the roster with it.
    await store.transaction(async (tx) =>
      tx.create('activationCodes', {
        _id: '246810',
        personId: 'p-lideming',
        issuedBy: 'local:chenjing',
        createdAt: DEFAULT_NOW,
        expiresAt: DEFAULT_NOW + 3600_000,
        usedBy: null,
        usedAt: null
      })
    )
    const activated = await post(
      '/api',
      { action: 'account.activate', payload: { code: '246810' }, mutationId: 'm-activate-1' },
      token
    )
    expect(activated.json.data).toMatchObject({ accountId: 'wx:o-real-openid-1', registered: true, roles: ['retiree'] })
  })

  it('refuses a code used twice (40163) and an invalid code (40029) with WECHAT_LOGIN_FAILED', async () => {
    await host({ appid: wechat.appid, secret: wechat.secret })
    const code = wechat.issueCode('o-user-2')
    expect((await post('/api/auth/wechat', { code })).status).toBe(200)
    const again = await post('/api/auth/wechat', { code })
    expect(again.status).toBe(401)
    expect(again.json.code).toBe('WECHAT_LOGIN_FAILED')
    expect(again.json.message).toMatch(/重新打开/)
    const made = await post('/api/auth/wechat', { code: 'NotAWechatCodeAtAll0000000000000' })
    expect(made.json.code).toBe('WECHAT_LOGIN_FAILED')
    // Both reached WeChat, which said why.
    expect(wechat.requests.length).toBe(3)
    // A malformed code never leaves the server.
    expect((await post('/api/auth/wechat', { code: '../../x?y' })).json.code).toBe('VALIDATION')
    expect((await post('/api/auth/wechat', {})).json.code).toBe('VALIDATION')
    expect(wechat.requests.length).toBe(3)
  })

  it("a wrong AppID (40013) or AppSecret (40125) is the server's fault: WECHAT_LOGIN_UNAVAILABLE and a log line", async () => {
    await host({ appid: 'wx0000000000000000', secret: wechat.secret })
    const badAppid = await post('/api/auth/wechat', { code: wechat.issueCode('o-user-3') })
    expect(badAppid.status).toBe(503)
    expect(badAppid.json.code).toBe('WECHAT_LOGIN_UNAVAILABLE')
    expect(logged.at(-1)!.extra).toMatchObject({ errcode: 40013 })
    const first = server!
    await new Promise<void>((r) => (first.close(() => r()), first.closeAllConnections()))

    await host({ appid: wechat.appid, secret: 'wrong-secret' })
    const badSecret = await post('/api/auth/wechat', { code: wechat.issueCode('o-user-3') })
    expect(badSecret.json.code).toBe('WECHAT_LOGIN_UNAVAILABLE')
    expect(logged.at(-1)!.extra).toMatchObject({ errcode: 40125 })
    expect(await store.count('sessions')).toBe(0)
  })

  it('without the settings WeChat login is refused and WeChat is never asked', async () => {
    await host(null)
    const r = await post('/api/auth/wechat', { code: wechat.issueCode('o-user-4') })
    expect(r.json.code).toBe('WECHAT_LOGIN_UNAVAILABLE')
    expect(wechat.requests).toHaveLength(0)
  })

  it('npm run serve takes the AppID, AppSecret and the endpoint from its settings', async () => {
    buildServerOnce()
    const p = await startServe({
      PORT: '0',
      YINLING_DATA_DIR: path.join(dir, 'serve'),
      YINLING_TOKEN_KEY: 'k'.repeat(40),
      YINLING_WX_APPID: wechat.appid,
      YINLING_WX_SECRET: wechat.secret,
      YINLING_WX_API: wechat.base
    })
    if (!isRunning(p)) throw new Error(p.stderr)
    try {
      url = p.url
      const login = await post('/api/auth/wechat', { code: wechat.issueCode('o-served') })
      const who = await post('/api', { action: 'auth.whoami', payload: {} }, login.json.data.token)
      expect(who.json.data.accountId).toBe('wx:o-served')
    } finally {
      await p.stop()
    }
  })
})
