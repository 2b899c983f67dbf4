/**
 * Photos on the local host: one image per upload, recognised by its bytes, size-limited, owned by the uploader;
 * served back only through the signed, short-lived addresses help.get hands to people allowed to see them.
 */
import type { FixedClock } from '../../server/core/clock'
import { MAX_PHOTO_BYTES } from '../../server/hosts/local/uploads'
import { post, startHost, type RunningHost } from '../support/http'
import { DEFAULT_NOW } from '../support/harness'

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7), Buffer.from([0xff, 0xd9])])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)])

describe('help photos on the local host', () => {
  let host: RunningHost
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    host = await startHost({ demo: true, now: DEFAULT_NOW })
    for (const id of ['local:zhangguilan', 'local:lideming', 'local:chenjing', 'local:wangjianguo']) {
      tokens[id] = (await post(`${host.url}/api/demo/login`, { accountId: id })).json.data.token
    }
  })
  afterAll(() => host.stop())

  async function upload(bytes: Buffer, token?: string) {
    const res = await fetch(`${host.url}/api/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(bytes)
    })
    return { status: res.status, json: (await res.json()) as any }
  }

  const api = (token: string, action: string, payload: unknown) =>
    post(`${host.url}/api`, { action, payload, mutationId: `m${Math.random().toString(36).slice(2)}xxxxxxxx` }, token)

  it('accepts JPEG and PNG from a signed-in user and refuses anything else, too big, or anonymous', async () => {
    expect(await upload(JPEG)).toMatchObject({ status: 401, json: { ok: false, code: 'UNAUTHENTICATED' } })
    const ok = await upload(JPEG, tokens['local:zhangguilan'])
    expect(ok).toMatchObject({
      status: 200,
      json: { ok: true, data: { ref: expect.stringMatching(/^local:up[0-9a-f]{32}$/) } }
    })
    expect((await upload(PNG, tokens['local:zhangguilan'])).json.ok).toBe(true)
    // A script with an image's name is still a script.
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), tokens['local:zhangguilan'])
    expect(html).toMatchObject({
      status: 400,
      json: { ok: false, code: 'PHOTO_INVALID', message: '只能上传照片，请重新选择一张' }
    })
    const big = await upload(Buffer.concat([JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]), tokens['local:zhangguilan'])
    expect(big).toMatchObject({ status: 413, json: { ok: false, code: 'PHOTO_TOO_LARGE' } })
    expect(await host.store.count('uploads')).toBe(2)
  })

  it('serves a request’s photo only through a fresh signed address to those who may see the request', async () => {
    const { json } = await upload(JPEG, tokens['local:zhangguilan'])
    const ref = json.data.ref as string

    // Somebody else cannot attach her photo to their own request.
    const stolen = await api(tokens['local:lideming'], 'help.create', {
      category: '其他',
      description: '借用别人的照片试试',
      address: '敦煌市沙州镇 1 号',
      phone: '13909371002',
      photos: [ref]
    })
    expect(stolen.json).toMatchObject({ ok: false, code: 'PHOTO_INVALID' })

    const created = await api(tokens['local:zhangguilan'], 'help.create', {
      category: '家政维修',
      description: '卫生间漏水，照片里是漏水的地方',
      address: '肃州区东关街道 3 号楼',
      phone: '13909371001',
      photos: [ref]
    })
    expect(created.json.ok).toBe(true)
    const id = created.json.data.id as string
    const detail = await api(tokens['local:zhangguilan'], 'help.get', { id })
    const url = detail.json.data.photos[0].url as string
    expect(url).toMatch(/^\/api\/files\/up[0-9a-f]{32}\?exp=\d+&sig=/)

    const res = await fetch(`${host.url}${url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true)

    // Staff of her county get an address too; an unrelated retiree gets nothing at all.
    expect((await api(tokens['local:chenjing'], 'help.get', { id })).json.data.photos).toHaveLength(1)
    expect((await api(tokens['local:lideming'], 'help.get', { id })).json).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })

    // A tampered or bare address, or one past its expiry, serves nothing.
    expect((await fetch(`${host.url}${url.replace(/sig=.{4}/, 'sig=AAAA')}`)).status).toBe(404)
    expect((await fetch(`${host.url}${url.split('?')[0]}`)).status).toBe(404)
    ;(host.clock as FixedClock).advance(3 * 3600_000)
    expect((await fetch(`${host.url}${url}`)).status).toBe(404)
  })
})
