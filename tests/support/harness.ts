/**
 * Handlers behind the real router over a real adapter, with the demo deployment seeded and a fixed clock.
 * `as(accountId)` gives a caller that sends calls exactly as a host would (identity from the host, not the
 * payload), with fresh mutation ids unless one is given.
 */
import { randomUUID } from 'node:crypto'
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions'
import type { Envelope } from '../../types/envelope'
import { FixedClock } from '../../server/core/clock'
import { createRouter, type Router } from '../../server/core/router'
import { silentLogger } from '../../server/core/logger'
import { handlers } from '../../server/handlers'
import type { StoragePort } from '../../server/storage/port'
import { seedDemo } from '../../server/seed/seed'
import { ADAPTERS, type AdapterCase } from './adapters'

/** 2026-12-01 07:00 Beijing time = 2026-11-30T23:00Z: "today" differs between UTC and Beijing. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 30, 23, 0, 0)

export interface Harness {
  store: StoragePort
  clock: FixedClock
  router: Router
  as(accountId: string | null): Caller
  cleanup(): Promise<void>
}

export interface Caller {
  call<A extends ActionName>(
    action: A,
    payload: ActionInput<A>,
    opts?: { mutationId?: string; actingFor?: string; clientTime?: number }
  ): Promise<Envelope<ActionOutput<A>>>
  /** Like call, but throws unless ok, and returns the data. */
  ok<A extends ActionName>(
    action: A,
    payload: ActionInput<A>,
    opts?: { mutationId?: string; actingFor?: string; clientTime?: number }
  ): Promise<ActionOutput<A>>
}

export async function makeHarness(
  adapter: AdapterCase = ADAPTERS[0],
  now = DEFAULT_NOW,
  opts: { seed?: boolean } = {}
): Promise<Harness> {
  const { store, cleanup, seedStore } = await adapter.make()
  const clock = new FixedClock(now)
  if (opts.seed !== false) await seedDemo(seedStore ?? store, { now, passwordHash: () => 'scrypt$x$y' })
  return harnessOver(store, clock, cleanup)
}

/** The router and callers over a store that is already prepared (e.g. a copy of a seeded template). */
export function harnessOver(store: StoragePort, clock: FixedClock, cleanup: () => Promise<void>): Harness {
  const router = createRouter({ store, clock, secrets: { tokenKey: 'test-token-key' }, log: silentLogger }, handlers)
  const as = (accountId: string | null): Caller => {
    const call: Caller['call'] = async (action, payload, o = {}) =>
      (await router.call(accountId, {
        action,
        payload,
        mutationId: o.mutationId ?? randomUUID().replace(/-/g, ''),
        ...(o.actingFor ? { actingFor: o.actingFor } : {}),
        ...(o.clientTime ? { clientTime: o.clientTime } : {})
      })) as never
    return {
      call,
      async ok(action, payload, o) {
        const env = await call(action, payload, o)
        if (!env.ok) throw new Error(`${action} failed: ${env.code} ${env.message}`)
        return env.data
      }
    }
  }
  return { store, clock, router, as, cleanup }
}

export const ACCOUNTS = {
  retiree: 'local:zhangguilan',
  retireeDunhuang: 'local:lideming',
  volunteer: 'local:wangjianguo',
  family: 'local:zhangxiaoyan',
  staffCity: 'local:liufang',
  staffSuzhou: 'local:chenjing',
  admin: 'local:admin'
} as const
