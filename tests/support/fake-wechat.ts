/**
 * A stand-in for WeChat's code2Session endpoint (GET /sns/jscode2session), faithful to what the real one does
 * with the cases we rely on: it answers JSON with Content-Type text/plain; checks the AppID (40013 invalid appid),
 * then the AppSecret (40125 invalid appsecret), then the code: unknown or expired after 5 minutes → 40029
 * invalid code, already exchanged once → 40163 code been used. A missing parameter is 41002/41004/41008 as WeChat
 * names them. Every errmsg ends with `, rid: …` as WeChat's do. It listens on 127.0.0.1 on a free port.
 */
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'

const CODE_TTL_MS = 5 * 60_000

export interface FakeWechat {
  base: string
  appid: string
  secret: string
  /** What wx.login would hand the phone of this user: a fresh one-time code. */
  issueCode(openid: string): string
  requests: URL[]
  close(): Promise<void>
}

export async function startFakeWechat(
  appid = 'wx8d2f0e1a7c3b5946',
  secret = randomBytes(16).toString('hex')
): Promise<FakeWechat> {
  const codes = new Map<string, { openid: string; issuedAt: number; used: boolean }>()
  const requests: URL[] = []
  const rid = () => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url)
    const answer = (body: Record<string, unknown>) => {
      const text = JSON.stringify(body)
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
    }
    const fail = (errcode: number, what: string) => answer({ errcode, errmsg: `${what}, rid: ${rid()}` })
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404, { 'Content-Type': 'text/html' })
      return res.end('<html><body>404 Not Found</body></html>')
    }
    const q = url.searchParams
    if (!q.get('appid')) return fail(41002, 'appid missing')
    if (q.get('appid') !== appid) return fail(40013, 'invalid appid')
    if (!q.get('secret')) return fail(41004, 'appsecret missing')
    if (q.get('secret') !== secret) return fail(40125, 'invalid appsecret')
    if (!q.get('js_code')) return fail(41008, 'missing code')
    if (q.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type')
    const code = codes.get(q.get('js_code')!)
    if (!code || Date.now() - code.issuedAt > CODE_TTL_MS) return fail(40029, 'invalid code')
    if (code.used) return fail(40163, 'code been used')
    code.used = true
    return answer({ session_key: randomBytes(16).toString('base64'), openid: code.openid })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    appid,
    secret,
    requests,
    issueCode(openid) {
      // wx.login codes are 32 characters of [0-9A-Za-z] (base64-like).
      const code = randomBytes(24).toString('base64').replace(/[+/=]/g, 'x').slice(0, 32)
      codes.set(code, { openid, issuedAt: Date.now(), used: false })
      return code
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r())
        server.closeAllConnections()
      })
  }
}
