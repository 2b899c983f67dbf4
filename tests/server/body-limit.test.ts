/**
 * Bodies over the limit on the local host, as a client that does not wait would send them: the whole request
 * written at once on a raw socket, then the answer read. The refusal (413 with its envelope) must reach the
 * client every time — never a reset (EPIPE / ECONNRESET) in its place — and nothing of the body is kept.
 */
import { readdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { MAX_BODY_BYTES, MAX_PHOTO_BYTES } from '../../types/envelope'
import { post, startHost, type RunningHost } from '../support/http'

jest.setTimeout(120_000)

interface RawAnswer {
  status: number
  headers: Record<string, string>
  json: any
}

/**
 * Writes `head` and then the whole body, never waiting for the answer, like a browser finishing its upload:
 * it keeps writing after the host's FIN (allowHalfOpen), and only then reads the answer. Any error on the way
 * (EPIPE / ECONNRESET: the host cut the connection under it) fails the request, answer or not. `paceMs`: a
 * pause between 64 KB pieces — the body still arriving after the host has answered, as on any real network
 * (1 ms is about 60 MB/s, faster than any phone); 0: each piece as soon as the socket has taken the last.
 */
function rawRequest(port: number, head: string, body: Buffer[], paceMs = 1): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true })
    let got = Buffer.alloc(0)
    let settled = false
    let written = false
    let answer: RawAnswer | null = null
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      socket.destroy()
      fn()
    }
    const done = () => {
      if (written && answer) settle(() => resolve(answer!))
    }
    const tryParse = () => {
      const end = got.indexOf('\r\n\r\n')
      if (end < 0 || answer) return
      const lines = got.subarray(0, end).toString('latin1').split('\r\n')
      const status = Number(lines[0].split(' ')[1])
      const headers: Record<string, string> = {}
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':')
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
      }
      const length = Number(headers['content-length'])
      if (got.length - end - 4 < length) return
      const text = got.subarray(end + 4, end + 4 + length).toString('utf8')
      answer = { status, headers, json: JSON.parse(text) }
      done()
    }
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk])
      tryParse()
    })
    socket.on('error', (err) => settle(() => reject(err)))
    socket.on('close', () => settle(() => reject(new Error(`closed before a whole answer (${got.length} bytes)`))))
    socket.write(head)
    const pieces = body.flatMap((b) =>
      Array.from({ length: Math.ceil(b.length / 65536) }, (_, i) => b.subarray(i * 65536, (i + 1) * 65536))
    )
    const next = (i: number) => {
      if (settled) return
      if (i === pieces.length) {
        written = true
        return done()
      }
      socket.write(pieces[i], (err) => {
        if (!err) setTimeout(() => next(i + 1), paceMs)
      })
    }
    next(0)
  })
}

const headOf = (pathname: string, headers: Record<string, string | number>) =>
  `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`

/** A body as chunked transfer coding, in chunks of `size` bytes. */
function chunked(bytes: Buffer, size = 64 * 1024): Buffer[] {
  const out: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) {
    const part = bytes.subarray(i, i + size)
    out.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'))
  }
  out.push(Buffer.from('0\r\n\r\n'))
  return out
}

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0])
const photoOf = (size: number) => Buffer.concat([JPEG_START, Buffer.alloc(size - JPEG_START.length, 7)])

describe('bodies over the limit on the local host', () => {
  let host: RunningHost
  let port: number
  let token: string
  const uploadsDir = () => path.join(host.dir, 'uploads')
  const filesKept = () => {
    try {
      return readdirSync(uploadsDir())
    } catch {
      return []
    }
  }

  beforeAll(async () => {
    host = await startHost({ demo: true })
    port = Number(new URL(host.url).port)
    token = (await post(`${host.url}/api/demo/login`, { accountId: 'local:zhangguilan' })).json.data.token
  })
  afterAll(() => host.stop())

  it('answers a photo of 3 MB + 1 byte, sent as fast as the client can, with 413 PHOTO_TOO_LARGE every time', async () => {
    const body = photoOf(MAX_PHOTO_BYTES + 1)
    for (let i = 0; i < 50; i++) {
      // Half of them ask for the connection to be closed after the answer, as HTTP/1.0 clients and many libraries
      // do; half of each send with no pause at all.
      const connection = i % 4 < 2 ? 'close' : 'keep-alive'
      const head = headOf('/api/upload', {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/octet-stream',
        'Content-Length': body.length,
        Connection: connection
      })
      const answer = await rawRequest(port, head, [body], i % 2)
      expect(answer).toMatchObject({
        status: 413,
        json: { ok: false, code: 'PHOTO_TOO_LARGE', message: '照片太大了，请换一张或重新拍' }
      })
    }
    expect(filesKept()).toEqual([])
    expect(await host.store.count('uploads')).toBe(0)
  })

  it('answers an /api body over 256 KB, sent as fast as the client can, with 413 PAYLOAD_TOO_LARGE every time', async () => {
    const body = Buffer.from(JSON.stringify({ action: 'auth.whoami', payload: { note: 'x'.repeat(MAX_BODY_BYTES) } }))
    for (let i = 0; i < 50; i++) {
      const head = headOf('/api', {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        Connection: i % 2 ? 'close' : 'keep-alive'
      })
      expect(await rawRequest(port, head, [body], i % 3 ? 1 : 0)).toMatchObject({
        status: 413,
        json: { ok: false, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太多了，请删减后再试' }
      })
    }
  })

  it('answers bodies without a length (chunked) the same once they pass the limit', async () => {
    for (let i = 0; i < 10; i++) {
      const connection = i % 2 ? 'close' : 'keep-alive'
      const photo = rawRequest(
        port,
        headOf('/api/upload', {
          Authorization: `Bearer ${token}`,
          'Transfer-Encoding': 'chunked',
          Connection: connection
        }),
        chunked(photoOf(MAX_PHOTO_BYTES + 1))
      )
      expect(await photo).toMatchObject({ status: 413, json: { code: 'PHOTO_TOO_LARGE' } })
      const api = rawRequest(
        port,
        headOf('/api', { Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked', Connection: connection }),
        chunked(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20))
      )
      expect(await api).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } })
    }
    // Within the limit, a chunked photo is taken like any other.
    const ok = await rawRequest(
      port,
      headOf('/api/upload', { Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' }),
      chunked(photoOf(200_000))
    )
    expect(ok).toMatchObject({ status: 200, json: { ok: true, data: { ref: expect.stringMatching(/^local:up/) } } })
    // One file, and it is the one on record.
    expect(filesKept()).toEqual([ok.json.data.ref.slice('local:'.length)])
    expect(await host.store.count('uploads')).toBe(1)
  })

  it('answers a refusal decided before reading the body (not logged in) the same way', async () => {
    const body = photoOf(MAX_PHOTO_BYTES)
    for (let i = 0; i < 10; i++) {
      const head = headOf('/api/upload', {
        'Content-Type': 'application/octet-stream',
        'Content-Length': body.length,
        Connection: 'close'
      })
      expect(await rawRequest(port, head, [body])).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
    }
  })

  it('reads the answer with fetch too, and serves the next request after a refusal', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${host.url}/api/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: new Uint8Array(photoOf(MAX_PHOTO_BYTES + 1))
      })
      expect(res.status).toBe(413)
      expect(await res.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE' })
    }
    expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, token)).status).toBe(200)
  })

  it('answers at once, and cuts a client that goes on sending past 64 MB', async () => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true })
    let got = ''
    socket.on('data', (c: Buffer) => void (got += c.toString('latin1')))
    socket.on('error', () => undefined)
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.write(headOf('/api', { Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' }))
    const piece = Buffer.concat([Buffer.from('100000\r\n'), Buffer.alloc(0x100000, 0x20), Buffer.from('\r\n')])
    let sent = 0
    const pump = () => {
      if (socket.destroyed || sent > 200) return
      sent += 1
      socket.write(piece, (err) => !err && pump())
    }
    pump()
    await closed
    // The answer came first, then the cut: after 64 MB (plus what was in flight), well before 200 MB.
    expect(got).toMatch(/^HTTP\/1\.1 413 /)
    expect(got).toContain('"code":"PAYLOAD_TOO_LARGE"')
    expect(sent).toBeGreaterThan(64)
    expect(sent).toBeLessThan(200)
    expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, token)).status).toBe(200)
  })

  it('keeps no partial file when the client gives up half way', async () => {
    const before = filesKept().length
    const socket = net.connect(port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(headOf('/api/upload', { Authorization: `Bearer ${token}`, 'Content-Length': 1_000_000 }))
    socket.write(photoOf(400_000))
    await new Promise((r) => setTimeout(r, 100))
    socket.destroy()
    await new Promise((r) => setTimeout(r, 200))
    expect(filesKept()).toHaveLength(before)
    // The host is fine afterwards.
    expect((await post(`${host.url}/api`, { action: 'auth.whoami' }, token)).status).toBe(200)
  })
})
