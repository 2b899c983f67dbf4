/**
 * Rate limits on the real local host: logins, uploads and writes, per account and per address, answered with
 * the RATE_LIMITED envelope (HTTP 429, a plain message, Retry-After). Reads are never limited. The limits here
 * are small on purpose; production uses DEFAULT_RATE_LIMITS, and the test harness raises them.
 */
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import {
  DEFAULT_RATE_LIMITS,
  rateLimitsFromEnv,
  scaledRateLimits,
  type RateLimitSettings
} from '../../server/hosts/local/rate-limit'
import { post, startHost, type RunningHost } from '../support/http'

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)])
const generous = { perAccount: 1000, perAddress: 1000, windowSec: 60 }

async function expectLimited(res: Response | { status: number; json: any; retryAfter?: string | null }) {
  const status = res.status
  const json = res instanceof Response ? await res.json() : res.json
  const retryAfter = res instanceof Response ? res.headers.get('retry-after') : res.retryAfter
  expect(status).toBe(429)
  expect(json).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(json.message).toMatch(/请过一会儿再/)
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
  expect(Number(retryAfter)).toBeLessThanOrEqual(60)
}

const postRaw = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })

describe('login limits on the local host', () => {
  let host: RunningHost
  beforeAll(async () => {
    const limits: RateLimitSettings = {
      login: { perAccount: 3, perAddress: 6, windowSec: 60 },
      upload: generous,
      write: generous
    }
    host = await startHost({ demo: true, rateLimits: limits })
  })
  afterAll(() => host.stop())

  it('stops guessing one user name after 3 tries, even with the right password, then limits the address', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await post(`${host.url}/api/auth/login`, { username: 'liufang', password: `wrong${i}` })).toMatchObject({
        status: 401,
        json: { code: 'LOGIN_FAILED' }
      })
    }
    await expectLimited(await postRaw(`${host.url}/api/auth/login`, { username: 'liufang', password: DEMO_PASSWORD }))
    // Another user name from the same address still may, until the address has made 6 tries.
    expect((await post(`${host.url}/api/auth/login`, { username: 'chenjing', password: DEMO_PASSWORD })).status).toBe(
      200
    )
    expect((await post(`${host.url}/api/demo/login`, { accountId: 'local:zhangguilan' })).status).toBe(200)
    await expectLimited(await postRaw(`${host.url}/api/demo/login`, { accountId: 'local:lideming' }))
  })
})

describe('upload and write limits on the local host', () => {
  let host: RunningHost
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    const limits: RateLimitSettings = {
      login: generous,
      upload: { perAccount: 2, perAddress: 100, windowSec: 60 },
      write: { perAccount: 3, perAddress: 5, windowSec: 60 }
    }
    host = await startHost({ demo: true, rateLimits: limits })
    for (const id of ['local:zhangguilan', 'local:lideming', 'local:wangjianguo']) {
      tokens[id] = (await post(`${host.url}/api/demo/login`, { accountId: id })).json.data.token
    }
  })
  afterAll(() => host.stop())

  const upload = (token: string) =>
    fetch(`${host.url}/api/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: new Uint8Array(JPEG)
    })
  let n = 0
  const write = () => ({ action: 'message.markRead', payload: { all: true }, mutationId: `rate-limit-${++n}-xxxxxxxx` })

  it('limits photos per account', async () => {
    const t = tokens['local:wangjianguo']
    expect((await upload(t)).status).toBe(200)
    expect((await upload(t)).status).toBe(200)
    await expectLimited(await upload(t))
  })

  it('limits writes per account and per address, counting each write in a batch, never reads', async () => {
    const a = tokens['local:zhangguilan']
    const b = tokens['local:lideming']
    for (let i = 0; i < 20; i++) expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, a)).status).toBe(200)
    expect(await post(`${host.url}/api`, { batch: [write(), write()] }, a)).toMatchObject({
      status: 200,
      json: { ok: true }
    })
    expect((await post(`${host.url}/api`, write(), a)).status).toBe(200)
    await expectLimited(await postRaw(`${host.url}/api`, write(), a))
    // Reads still answer while writes wait.
    expect((await post(`${host.url}/api`, { action: 'message.unreadCount', payload: {} }, a)).status).toBe(200)
    // The address has made 4 writes; a second account gets one more before the address limit (5) stops it.
    expect((await post(`${host.url}/api`, write(), b)).status).toBe(200)
    await expectLimited(await postRaw(`${host.url}/api`, write(), b))
  })
})

describe('rate limit settings', () => {
  it('uses the real limits unless told otherwise; the harness may raise them or turn them off', () => {
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS)
    expect(rateLimitsFromEnv({ YINLING_RATE_LIMIT_SCALE: '0' })).toBeNull()
    expect(rateLimitsFromEnv({ YINLING_RATE_LIMIT_SCALE: '1000' })?.write.perAccount).toBe(
      DEFAULT_RATE_LIMITS.write.perAccount * 1000
    )
    expect(scaledRateLimits(2)?.login).toEqual({ ...DEFAULT_RATE_LIMITS.login, perAccount: 20, perAddress: 120 })
  })
})
