/**
 * The local host serves the built h5 app: compressed (brotli or gzip), hashed assets cached for a year,
 * index.html revalidated, unknown app paths answered with index.html, nothing outside the build served.
 */
import http from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startHost, type RunningHost } from '../support/http'

function get(
  url: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

describe('static files', () => {
  let host: RunningHost
  let dir: string
  const js = 'console.log("银龄之家");'.repeat(200)
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yl-static-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>银龄之家</title>')
    writeFileSync(path.join(dir, 'js', 'app.1234abcd.js'), js)
    writeFileSync(path.join(tmpdir(), 'secret.txt'), 'not for you')
    host = await startHost({ demo: false, staticDir: dir })
  })
  afterAll(async () => {
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends brotli when the browser accepts it, gzip otherwise, and plain bytes to those who take neither', async () => {
    const br = await get(`${host.url}/js/app.1234abcd.js`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(js)
    expect(br.body.length).toBeLessThan(js.length / 10)
    const gz = await get(`${host.url}/js/app.1234abcd.js`, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(js)
    const plain = await get(`${host.url}/js/app.1234abcd.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(js)
  })

  it('caches hashed assets for a year and revalidates index.html', async () => {
    expect((await get(`${host.url}/js/app.1234abcd.js`)).headers['cache-control']).toContain('immutable')
    expect((await get(`${host.url}/`)).headers['cache-control']).toBe('no-cache')
  })

  it('answers app paths with index.html, and missing assets with 404', async () => {
    const page = await get(`${host.url}/pages/index/index`)
    expect(page.status).toBe(200)
    expect(page.body.toString()).toContain('银龄之家')
    expect((await get(`${host.url}/js/missing.js`)).status).toBe(404)
  })

  it('never serves a file outside the build', async () => {
    const res = await get(
      `${host.url}/..%2F..%2F..%2F..%2F${encodeURIComponent(path.join(tmpdir(), 'secret.txt').slice(1))}`
    )
    expect(res.body.toString()).not.toContain('not for you')
  })

  it('answers a malformed address with 400, never a 5xx, and keeps serving', async () => {
    for (const bad of ['/%', '/%E0%A4%A', '/js/%zz.js', '/%00']) {
      const res = await get(`${host.url}${bad}`)
      expect([bad, res.status]).toEqual([bad, 400])
      expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    }
    expect((await get(`${host.url}//%`)).status).toBe(400)
    expect((await get(`${host.url}/`)).status).toBe(200)
  })

  it('answers a malformed photo address with 404', async () => {
    for (const bad of ['/api/files/%', '/api/files/%E0%A4%A', '/api/files/%E0%A4%A?exp=1&sig=x']) {
      const res = await get(`${host.url}${bad}`)
      expect([bad, res.status]).toEqual([bad, 404])
      expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
  })
})
