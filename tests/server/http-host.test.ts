import { MAX_BODY_BYTES } from '../../types/envelope'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import { post, startHost, type RunningHost } from '../support/http'

describe('the local HTTP host', () => {
  let host: RunningHost
  beforeAll(async () => {
    host = await startHost({ demo: true })
  })
  afterAll(() => host.stop())

  const token = async (accountId = 'local:zhangguilan') =>
    (await post(`${host.url}/api/demo/login`, { accountId })).json.data.token as string

  it('answers a call with the envelope', async () => {
    const res = await post(`${host.url}/api`, { action: 'auth.whoami' }, await token())
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ok: true, data: { displayName: '张桂兰' } })
  })

  it('answers 401 with an envelope when not logged in, or with a bad token', async () => {
    expect(await post(`${host.url}/api`, { action: 'activity.list', payload: {} })).toMatchObject({
      status: 401,
      json: { ok: false, code: 'UNAUTHENTICATED' }
    })
    expect(await post(`${host.url}/api`, { action: 'activity.list', payload: {} }, 'forged')).toMatchObject({
      status: 401
    })
  })

  it('answers 4xx envelopes to bad input and keeps serving', async () => {
    const t = await token()
    expect(await post(`${host.url}/api`, '{not json', t)).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST' } })
    expect(await post(`${host.url}/api`, { action: 'no.such' }, t)).toMatchObject({
      status: 400,
      json: { code: 'UNKNOWN_ACTION' }
    })
    expect(await post(`${host.url}/api`, { action: 'activity.get', payload: { id: ['x'] } }, t)).toMatchObject({
      status: 400,
      json: { code: 'VALIDATION' }
    })
    expect(await post(`${host.url}/api/nothing-here`, {}, t)).toMatchObject({
      status: 400,
      json: { code: 'UNKNOWN_ACTION' }
    })
    const huge = JSON.stringify({ action: 'auth.whoami', payload: { x: 'x'.repeat(MAX_BODY_BYTES) } })
    expect(await post(`${host.url}/api`, huge, t)).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } })
    const get = await fetch(`${host.url}/api`)
    expect(get.status).toBe(400)
    expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, t)).status).toBe(200)
  })

  it('logs local accounts in with a password, and refuses a wrong one', async () => {
    expect(await post(`${host.url}/api/auth/login`, { username: 'liufang', password: 'wrong' })).toMatchObject({
      status: 401,
      json: { code: 'LOGIN_FAILED' }
    })
    const ok = await post(`${host.url}/api/auth/login`, { username: 'liufang', password: DEMO_PASSWORD })
    expect(ok.status).toBe(200)
    const me = await post(`${host.url}/api`, { action: 'auth.whoami' }, ok.json.data.token)
    expect(me.json.data).toMatchObject({ displayName: '刘芳', roles: ['staff'], orgUnit: { name: '酒泉市委老干部局' } })
  })

  it('ends a session on logout', async () => {
    const t = await token()
    await post(`${host.url}/api/auth/logout`, {}, t)
    expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, t)).status).toBe(401)
  })

  it('lists demo accounts for every role in demo mode', async () => {
    const res = await fetch(`${host.url}/api/demo/accounts`)
    const list = (await res.json()).data as { roles: string[] }[]
    const roles = new Set(list.flatMap((a) => a.roles))
    for (const r of ['老干部', '志愿者', '家属', '工作人员', '管理员']) expect(roles).toContain(r)
  })
})

describe('the local HTTP host outside demo mode', () => {
  let host: RunningHost
  beforeAll(async () => {
    host = await startHost({ demo: false })
  })
  afterAll(() => host.stop())

  it('offers no demo login', async () => {
    expect((await fetch(`${host.url}/api/demo/accounts`)).status).toBe(403)
    expect(await post(`${host.url}/api/demo/login`, { accountId: 'local:admin' })).toMatchObject({
      status: 403,
      json: { code: 'DEMO_ONLY' }
    })
  })
})
