/**
 * Rate limits on the local host (rate-limiter-flexible, in memory: one process serves one deployment). Three
 * kinds of request are limited, each per account and per address (the socket's peer, so behind a reverse proxy
 * the address limit counts the proxy — keep it generous there or raise it):
 *
 *   login   POST /api/auth/login, /api/demo/login   per account = per user name tried (guessing passwords)
 *   upload  POST /api/upload                        per signed-in account
 *   write   POST /api with mutations                per signed-in account; a batch counts each mutation in it
 *
 * Reads are not limited. A refusal is the envelope RATE_LIMITED (HTTP 429, a temporary failure the outbox
 * retries later) with a plain message and a Retry-After header.
 *
 * The defaults are real limits for production. `YINLING_RATE_LIMIT_SCALE` multiplies every limit (0 turns them
 * off): the test harness and the benchmarks raise it, since they hammer one host from 127.0.0.1 with many
 * accounts on purpose.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export type RateKind = 'login' | 'upload' | 'write'

export interface RateRule {
  /** Requests (for writes: mutations) one account may make per window. */
  perAccount: number
  /** … and one address. */
  perAddress: number
  windowSec: number
}

export type RateLimitSettings = Record<RateKind, RateRule>

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  // Ten tries of one user name a minute is plenty for a person mistyping; a whole office behind one address
  // logging in at a meeting stays under 60.
  login: { perAccount: 10, perAddress: 60, windowSec: 60 },
  // A help request takes at most a few photos; a volunteer documenting a visit perhaps twenty.
  upload: { perAccount: 30, perAddress: 120, windowSec: 60 },
  // A phone coming back online sends its outbox in batches of at most 50.
  write: { perAccount: 300, perAddress: 1200, windowSec: 60 }
}

/** Every limit multiplied by `scale`; null (no limits) for 0. */
export function scaledRateLimits(
  scale: number,
  base: RateLimitSettings = DEFAULT_RATE_LIMITS
): RateLimitSettings | null {
  if (!(scale > 0)) return null
  const scaled = (r: RateRule): RateRule => ({
    ...r,
    perAccount: Math.ceil(r.perAccount * scale),
    perAddress: Math.ceil(r.perAddress * scale)
  })
  return { login: scaled(base.login), upload: scaled(base.upload), write: scaled(base.write) }
}

/** `YINLING_RATE_LIMIT_SCALE` (default 1: the real limits). */
export function rateLimitsFromEnv(env: Partial<Record<string, string>> = process.env): RateLimitSettings | null {
  const raw = env.YINLING_RATE_LIMIT_SCALE
  const scale = raw === undefined || raw.trim() === '' ? 1 : Number(raw)
  return scaledRateLimits(Number.isFinite(scale) ? scale : 1)
}

export const RATE_MESSAGES: Record<RateKind, string> = {
  login: '登录试得太多了，请过一会儿再试',
  upload: '照片传得太快了，请过一会儿再传',
  write: '操作太快了，请过一会儿再试'
}

export interface RateRefusal {
  kind: RateKind
  retryAfterSec: number
}

export interface RateLimiter {
  /**
   * Counts `weight` requests of a kind for the account (if known) and the address; answers a refusal when
   * either is over its limit, else null. A weight of 0 counts nothing.
   */
  take(
    kind: RateKind,
    who: { account: string | null; address: string | undefined },
    weight?: number
  ): Promise<RateRefusal | null>
}

export function createRateLimiter(settings: RateLimitSettings | null): RateLimiter {
  if (!settings) return { take: async () => null }
  const limiters = Object.fromEntries(
    (Object.keys(settings) as RateKind[]).map((kind) => {
      const r = settings[kind]
      return [
        kind,
        {
          account: new RateLimiterMemory({ keyPrefix: `${kind}:account`, points: r.perAccount, duration: r.windowSec }),
          address: new RateLimiterMemory({ keyPrefix: `${kind}:address`, points: r.perAddress, duration: r.windowSec })
        }
      ]
    })
  ) as Record<RateKind, { account: RateLimiterMemory; address: RateLimiterMemory }>

  async function consume(limiter: RateLimiterMemory, key: string, weight: number): Promise<number | null> {
    try {
      await limiter.consume(key, weight)
      return null
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000))
      throw err
    }
  }

  return {
    async take(kind, who, weight = 1) {
      if (weight <= 0) return null
      const { account, address } = limiters[kind]
      const waits = await Promise.all([
        who.account ? consume(account, who.account, weight) : Promise.resolve(null),
        who.address ? consume(address, who.address, weight) : Promise.resolve(null)
      ])
      const wait = Math.max(...waits.map((w) => w ?? 0))
      return wait > 0 ? { kind, retryAfterSec: wait } : null
    }
  }
}
