/**
 * The HTTP transport against answers without an envelope, from a real HTTP server playing a proxy in front of
 * the host (nginx answers a body over client_max_body_size with a 413 page of its own). Taro.request is
 * reproduced as Taro's h5 build does it (fetch; any status resolves; a body that is not JSON is data: null).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ERRORS } from '../../types/errors'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    async request(o: { url: string; method: string; data: unknown; header: Record<string, string> }) {
      const res = await fetch(o.url, { method: o.method, headers: o.header, body: JSON.stringify(o.data) })
      const data = await res.json().catch(() => null)
      return { statusCode: res.status, data }
    }
  }
}))

import { httpTransport } from '../../src/services/transport/http-transport'
import { NetworkError } from '../../src/services/transport/transport'

describe('the HTTP transport, behind a proxy', () => {
  let server: http.Server
  let base = ''
  let status = 413
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(status, { 'Content-Type': 'text/html' })
        res.end(`<html><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('reads a 413 page as the final refusal PAYLOAD_TOO_LARGE, in words, not as a network failure', async () => {
    status = 413
    const env = await httpTransport(base, () => 't').send({
      batch: [{ action: 'help.create', payload: {}, mutationId: 'm1' }]
    })
    expect(env).toEqual({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message })
    expect(ERRORS.PAYLOAD_TOO_LARGE.retry).toBe(false)
  })

  it('still reads any other page without an envelope (502) as a network failure to retry', async () => {
    status = 502
    await expect(httpTransport(base, () => 't').send({ action: 'auth.whoami' })).rejects.toBeInstanceOf(NetworkError)
  })
})
