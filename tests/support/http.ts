/** Starts the real local host on a free loopback port over a fresh SQLite file with the demo data. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import { FixedClock, systemClock, type Clock } from '../../server/core/clock'
import { silentLogger } from '../../server/core/logger'
import { createLocalHost, listen } from '../../server/hosts/local/http-host'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { hashPassword } from '../../server/hosts/local/passwords'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import { scaledRateLimits, type RateLimitSettings } from '../../server/hosts/local/rate-limit'

/** The harness hammers one host from 127.0.0.1 with many accounts on purpose: limits raised a thousandfold. */
export const TEST_RATE_LIMITS = scaledRateLimits(1000)

export interface RunningHost {
  url: string
  server: Server
  store: SqliteStorage
  clock: Clock
  dir: string
  stop(): Promise<void>
}

export async function startHost(
  opts: { demo?: boolean; staticDir?: string; now?: number; rateLimits?: RateLimitSettings | null } = {}
): Promise<RunningHost> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yl-host-'))
  const store = new SqliteStorage({ filename: path.join(dir, 'host.db') })
  const clock = opts.now ? new FixedClock(opts.now) : systemClock
  await seedDemo(store, { now: clock.now(), passwordHash: () => hashPassword(DEMO_PASSWORD) })
  const server = createLocalHost({
    store,
    clock,
    secrets: { tokenKey: 'test-token-key' },
    log: silentLogger,
    demo: opts.demo ?? true,
    staticDir: opts.staticDir,
    uploadDir: path.join(dir, 'uploads'),
    rateLimits: opts.rateLimits === undefined ? TEST_RATE_LIMITS : opts.rateLimits
  })
  const address = await listen(server, 0, '127.0.0.1')
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    store,
    clock,
    dir,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: res.status, json: await res.json() }
}
