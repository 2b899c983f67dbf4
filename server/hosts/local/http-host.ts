/**
 * The local host: a small Node HTTP server that runs the same router as the CloudBase function, over whatever
 * storage it is given (SQLite by default), serves the built h5 app, and in demo mode offers the 演示登录 page's
 * endpoints. Every answer under /api is an envelope; bad input is a 4xx envelope, never a crash.
 *
 *   POST /api              one call { action, payload, mutationId?, actingFor?, clientTime? }, or { batch: [...] }
 *   POST /api/auth/login   { username, password } -> { token }       (local accounts)
 *   POST /api/auth/logout
 *   POST /api/auth/wechat  { code } -> { token }  WeChat login through code2Session (see wechat-login.ts)
 *   POST /api/auth/password { oldPassword, newPassword }            (the forced change after admin:create)
 *   GET  /api/demo/accounts                                          (demo mode only)
 *   POST /api/demo/login   { accountId } -> { token }                (demo mode only)
 *   POST /api/upload          one photo as the raw body -> { ref }  (see uploads.ts)
 *   GET  /api/files/<id>?exp=&sig=                             a photo behind a signed address
 *   GET  /healthz          database and disk space (see health.ts)
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { endAfterBody, readRaw } from './read-raw'
import type { AddressInfo } from 'node:net'
import { MAX_BODY_BYTES, type Envelope } from '../../../types/envelope'
import { ROLE_LABELS } from '../../../types/roles'
import { AppError, errEnvelope, httpStatus } from '../../core/app-error'
import type { Deps } from '../../core/context'
import { createRouter } from '../../core/router'
import { handlers as defaultHandlers } from '../../handlers'
import type { HandlerTable } from '../../core/context'
import { accountForToken, createSession, endSession } from './sessions'
import { createStaticHandler } from './static-files'
import { verifyPassword } from './passwords'
import { UploadError, createUploads } from './uploads'
import { changePassword, mustChangePassword, wechatLogin } from './account-routes'
import { healthReport } from './health'
import type { WechatSettings } from './serve-config'
import { decodePath, requestPath } from './url-path'
import { ACTIONS, isActionName } from '../../../types/actions'
import {
  DEFAULT_RATE_LIMITS,
  RATE_MESSAGES,
  createRateLimiter,
  type RateKind,
  type RateLimitSettings,
  type RateLimiter
} from './rate-limit'

export interface LocalHostOptions extends Deps {
  demo: boolean
  /** The built h5 app (dist/h5); omitted: API only. */
  staticDir?: string
  handlers?: HandlerTable
  /** Where uploaded photos are kept (default: no uploads; main.ts passes <data dir>/uploads). */
  uploadDir?: string
  /** The mini-program's AppID/AppSecret for WeChat login (npm run serve); omitted: WeChat login is refused. */
  wechat?: WechatSettings
  /** The data directory whose free space /healthz reports. */
  dataDir?: string
  /** Login, upload and write limits (rate-limit.ts); default the real ones, null none. */
  rateLimits?: RateLimitSettings | null
}

class BodyError extends Error {
  constructor(readonly code: 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST') {
    super(code)
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const bytes = await readRaw(req, limit, {
    tooLarge: () => new BodyError('PAYLOAD_TOO_LARGE'),
    broken: () => new BodyError('BAD_REQUEST')
  })
  const text = bytes.toString('utf8')
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new BodyError('BAD_REQUEST')
  }
}

function send(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders
  })
  // Not res.end(text): an answer given before the body was read must not cut off a client still sending it.
  endAfterBody(res, text)
}

function sendEnvelope(res: ServerResponse, env: Envelope) {
  send(
    res,
    env.ok ? 200 : httpStatus(env.code),
    env,
    env.ok || (env.code !== 'PAYLOAD_TOO_LARGE' && env.code !== 'PHOTO_TOO_LARGE') ? {} : { Connection: 'close' }
  )
}

/** How many writes a call or batch to /api holds (reads are not limited). */
function mutationCount(body: unknown): number {
  const calls =
    body && typeof body === 'object' && Array.isArray((body as { batch?: unknown }).batch)
      ? (body as { batch: unknown[] }).batch
      : [body]
  return calls.filter((c) => {
    const action = c && typeof c === 'object' ? (c as { action?: unknown }).action : undefined
    return typeof action === 'string' && isActionName(action) && ACTIONS[action].kind === 'mutation'
  }).length
}

/** Counts the request against the limits; if over, answers RATE_LIMITED with Retry-After and says true. */
async function refusedByRate(
  limiter: RateLimiter,
  req: IncomingMessage,
  res: ServerResponse,
  kind: RateKind,
  account: string | null,
  weight = 1
): Promise<boolean> {
  const refusal = await limiter.take(kind, { account, address: req.socket.remoteAddress }, weight)
  if (!refusal) return false
  req.resume()
  send(res, 429, errEnvelope('RATE_LIMITED', RATE_MESSAGES[kind], { retryAfterSec: refusal.retryAfterSec }), {
    'Retry-After': String(refusal.retryAfterSec)
  })
  return true
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  if (!h || !h.startsWith('Bearer ')) return null
  return h.slice(7).trim() || null
}

export function createLocalHost(options: LocalHostOptions): http.Server {
  const { store, clock, log, demo } = options
  const router = createRouter(options, options.handlers ?? defaultHandlers)
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null
  const uploads = options.uploadDir
    ? createUploads({ store, dir: options.uploadDir, tokenKey: options.secrets.tokenKey })
    : null
  const limiter = createRateLimiter(options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits)

  async function files(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const now = clock.now()
    if (pathname === '/api/upload') {
      if (req.method !== 'POST' || !uploads) {
        req.resume()
        return sendEnvelope(res, errEnvelope('BAD_REQUEST', '请用 POST 上传照片'))
      }
      try {
        const accountId = await accountForToken(store, bearer(req), now)
        if (await refusedByRate(limiter, req, res, 'upload', accountId)) return
        if (await mustChangePassword(store, accountId)) {
          req.resume()
          return sendEnvelope(res, errEnvelope('PASSWORD_CHANGE_REQUIRED'))
        }
        return sendEnvelope(res, { ok: true, data: await uploads.upload(accountId, req, now) })
      } catch (err) {
        if (err instanceof UploadError) return sendEnvelope(res, errEnvelope(err.code))
        throw err
      }
    }
    const id = decodePath(pathname.slice('/api/files/'.length))
    if (
      id !== null &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      uploads &&
      (await uploads.serve(req, res, id, now))
    )
      return
    send(res, 404, errEnvelope('NOT_FOUND'))
  }

  async function api(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'POST' && !(req.method === 'GET' && pathname === '/api/demo/accounts')) {
      return sendEnvelope(res, errEnvelope('BAD_REQUEST', '请用 POST 提交'))
    }
    let body: unknown = {}
    if (req.method === 'POST') {
      try {
        body = await readBody(req, MAX_BODY_BYTES)
      } catch (err) {
        return sendEnvelope(res, errEnvelope(err instanceof BodyError ? err.code : 'BAD_REQUEST'))
      }
    }
    const now = clock.now()
    const token = bearer(req)

    switch (pathname) {
      case '/api': {
        const accountId = await accountForToken(store, token, now)
        if (await mustChangePassword(store, accountId))
          return sendEnvelope(res, errEnvelope('PASSWORD_CHANGE_REQUIRED'))
        if (await refusedByRate(limiter, req, res, 'write', accountId, mutationCount(body))) return
        const env = await router.handle(accountId, body)
        return sendEnvelope(res, env)
      }
      case '/api/auth/login': {
        const { username, password } = (body ?? {}) as { username?: unknown; password?: unknown }
        if (
          typeof username !== 'string' ||
          typeof password !== 'string' ||
          username.length > 64 ||
          password.length > 200
        ) {
          return sendEnvelope(res, errEnvelope('VALIDATION'))
        }
        if (await refusedByRate(limiter, req, res, 'login', `local:${username}`)) return
        const account = await store.get('accounts', `local:${username}`)
        if (!account || !verifyPassword(password, account.passwordHash))
          return sendEnvelope(res, errEnvelope('LOGIN_FAILED'))
        const mustChange = account.mustChangePassword === true
        return sendEnvelope(res, {
          ok: true,
          data: { token: await createSession(store, account._id, now), mustChangePassword: mustChange }
        })
      }
      case '/api/auth/wechat':
      case '/api/auth/password':
        // Both are logins of a kind: limited as logins (by account for a password change, by address for WeChat).
        if (
          await refusedByRate(
            limiter,
            req,
            res,
            'login',
            pathname === '/api/auth/password' ? await accountForToken(store, token, now) : null
          )
        )
          return
        try {
          const data =
            pathname === '/api/auth/wechat'
              ? await wechatLogin(store, options.wechat, body, now, log)
              : await changePassword(store, await accountForToken(store, token, now), body, now, token)
          return sendEnvelope(res, { ok: true, data })
        } catch (err) {
          if (err instanceof AppError) return sendEnvelope(res, err.toEnvelope())
          throw err
        }
      case '/api/auth/logout': {
        if (token) await endSession(store, token)
        return sendEnvelope(res, { ok: true, data: null })
      }
      case '/api/demo/accounts': {
        if (!demo) return sendEnvelope(res, errEnvelope('DEMO_ONLY'))
        const accounts = (await store.find('accounts', { limit: 1000 })).filter((a) => a.demo)
        accounts.sort((a, b) => a.demo!.order - b.demo!.order)
        const units = await store.find('orgUnits')
        const persons = await store.find('persons', {
          where: { _id: { in: accounts.map((a) => a.personId).filter((p): p is string => !!p) } }
        })
        return sendEnvelope(res, {
          ok: true,
          data: accounts.map((a) => {
            const person = persons.find((p) => p._id === a.personId)
            const unitId = person?.orgUnitId ?? a.orgUnitId
            return {
              accountId: a._id,
              label: a.demo!.label,
              displayName: person?.name ?? a.displayName,
              roles: a.roles.map((r) => ROLE_LABELS[r]),
              orgUnitName: units.find((u) => u._id === unitId)?.name ?? ''
            }
          })
        })
      }
      case '/api/demo/login': {
        if (!demo) return sendEnvelope(res, errEnvelope('DEMO_ONLY'))
        const { accountId } = (body ?? {}) as { accountId?: unknown }
        if (typeof accountId !== 'string' || accountId.length > 100) return sendEnvelope(res, errEnvelope('VALIDATION'))
        if (await refusedByRate(limiter, req, res, 'login', accountId)) return
        const account = await store.get('accounts', accountId)
        if (!account?.demo) return sendEnvelope(res, errEnvelope('NOT_FOUND'))
        return sendEnvelope(res, { ok: true, data: { token: await createSession(store, account._id, now) } })
      }
      default:
        return sendEnvelope(res, errEnvelope('UNKNOWN_ACTION'))
    }
  }

  const server = http.createServer((req, res) => {
    const pathname = requestPath(req.url)
    if (pathname === null) return send(res, 400, errEnvelope('BAD_REQUEST'))
    const done = (err?: unknown) => {
      if (!err) return
      log.error('request failed', { path: pathname, error: err instanceof Error ? err.stack : String(err) })
      if (!res.headersSent) sendEnvelope(res, errEnvelope('INTERNAL'))
      else res.destroy()
    }
    try {
      if (pathname === '/healthz') {
        healthReport(store, options.dataDir).then((h) => send(res, h.ok ? 200 : 503, { ok: h.ok, data: h }), done)
        return
      }
      if (pathname === '/api/upload' || pathname.startsWith('/api/files/')) {
        files(req, res, pathname).then(() => done(), done)
        return
      }
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        api(req, res, pathname).then(() => done(), done)
        return
      }
      if (decodePath(pathname) === null) return send(res, 400, errEnvelope('BAD_REQUEST'))
      if (serveStatic && serveStatic(req, res)) return
      send(res, 404, errEnvelope('NOT_FOUND'))
    } catch (err) {
      done(err)
    }
  })
  server.headersTimeout = 15_000
  server.requestTimeout = 30_000
  server.keepAliveTimeout = 5_000
  return server
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
}
