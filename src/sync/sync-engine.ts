/**
 * The outbox's engine. Every write is queued first (persisted), then sent in batches of at most MAX_BATCH, in
 * order. For each item the server's answer decides:
 * - applied: removed from the outbox;
 * - refused for good (a final error code): removed and shown to the user with its reason — it never blocks
 *   the items behind it;
 * - a temporary failure (no network, BUSY, INTERNAL, or not logged in): kept, retried with exponential backoff
 *   and jitter. The server stops a batch at the first temporary failure, so order is kept.
 * Replays are harmless: the server answers a mutation id it has seen with the first result.
 */
import { MAX_BATCH, type ApiCall, type Envelope } from '@contract/envelope'
import { ERRORS, isErrorCode } from '@contract/errors'
import type { Transport } from '@/services/transport/transport'
import { NetworkError } from '@/services/transport/transport'
import { backoffDelay } from './backoff'
import type { MutationOutcome, OutboxItem, RejectedItem } from './outbox-types'

export interface OutboxAccess {
  outbox: () => OutboxItem[]
  enqueue(item: OutboxItem): void
  remove(ids: string[]): void
  update(id: string, patch: Partial<OutboxItem>): void
  reject(items: RejectedItem[]): void
}

export interface SyncDeps {
  transport: () => Transport
  box: OutboxAccess
  now?: () => number
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** The server said the caller is not logged in: the items stay; the app asks the user to log in again. */
  onUnauthenticated?: () => void
  /** An item reached the server and was applied. */
  onApplied?: (item: OutboxItem, data: unknown) => void
}

export interface SyncStats {
  roundTrips: number
  applied: number
  rejected: number
  retried: number
}

function toCall(item: OutboxItem): ApiCall {
  return {
    action: item.action,
    payload: item.payload,
    mutationId: item.id,
    clientTime: item.clientTime,
    ...(item.actingFor ? { actingFor: item.actingFor } : {})
  }
}

function isTemporary(env: Envelope): boolean {
  if (env.ok) return false
  if (env.code === 'UNAUTHENTICATED') return true
  return !isErrorCode(env.code) || ERRORS[env.code].retry
}

export function createSyncEngine(deps: SyncDeps) {
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>))
  const waiters = new Map<string, (o: MutationOutcome<unknown>) => void>()
  const stats: SyncStats = { roundTrips: 0, applied: 0, rejected: 0, retried: 0 }
  let running: Promise<void> | null = null
  let again = false
  let timer: unknown = null

  function settle(id: string, outcome: MutationOutcome<unknown>) {
    const w = waiters.get(id)
    if (w) {
      waiters.delete(id)
      w(outcome)
    }
  }

  function retryLater(item: OutboxItem, reason: string) {
    const attempts = item.attempts + 1
    stats.retried += 1
    deps.box.update(item.id, { attempts, nextAttemptAt: now() + backoffDelay(attempts, random), lastError: reason })
    settle(item.id, { status: 'queued', id: item.id })
  }

  /** Sends one batch of due items. Returns true if more items are due right away. */
  async function sendBatch(): Promise<boolean> {
    const t = now()
    const due = deps.box.outbox().filter((i) => i.nextAttemptAt <= t).slice(0, MAX_BATCH)
    if (due.length === 0) return false
    let env: Envelope
    try {
      stats.roundTrips += 1
      env = await deps.transport().send({ batch: due.map(toCall) })
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err
      for (const item of due) retryLater(item, ERRORS.NETWORK.message)
      return false
    }
    if (!env.ok || !Array.isArray(env.data)) {
      // The batch as a whole was not processed (e.g. the host is overloaded): all of it waits.
      for (const item of due) retryLater(item, env.ok ? ERRORS.INTERNAL.message : env.message)
      if (!env.ok && env.code === 'UNAUTHENTICATED') deps.onUnauthenticated?.()
      return false
    }
    const results = env.data as Envelope[]
    const done: string[] = []
    const rejected: RejectedItem[] = []
    let sawUnauthenticated = false
    due.forEach((item, i) => {
      const r = results[i]
      if (!r) return retryLater(item, ERRORS.INTERNAL.message)
      if (r.ok) {
        done.push(item.id)
        stats.applied += 1
        deps.onApplied?.(item, r.data)
        settle(item.id, { status: 'applied', data: r.data })
      } else if (isTemporary(r)) {
        if (r.code === 'UNAUTHENTICATED') sawUnauthenticated = true
        retryLater(item, r.message)
      } else {
        done.push(item.id)
        stats.rejected += 1
        rejected.push({ id: item.id, action: item.action, label: item.label, code: r.code, message: r.message, at: now() })
        settle(item.id, { status: 'rejected', code: r.code, message: r.message })
      }
    })
    if (done.length) deps.box.remove(done)
    if (rejected.length) deps.box.reject(rejected)
    if (sawUnauthenticated) deps.onUnauthenticated?.()
    return deps.box.outbox().some((i) => i.nextAttemptAt <= now())
  }

  function scheduleNext() {
    if (timer !== null) clearTimer(timer)
    timer = null
    const pending = deps.box.outbox()
    if (!pending.length) return
    const next = Math.min(...pending.map((i) => i.nextAttemptAt))
    timer = setTimer(() => {
      timer = null
      void flush()
    }, Math.max(0, next - now()))
  }

  /** Sends everything that is due; concurrent calls share one run (and trigger one more pass). */
  function flush(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          while (await sendBatch()) {
            /* keep going while items are due */
          }
        } while (again)
      } finally {
        running = null
        scheduleNext()
      }
    })()
    return running
  }

  /** Queue a write and try to send it now. Resolves when it is applied, refused, or queued for later. */
  function submit<T>(item: Omit<OutboxItem, 'attempts' | 'nextAttemptAt' | 'lastError'>): Promise<MutationOutcome<T>> {
    const full: OutboxItem = { ...item, attempts: 0, nextAttemptAt: 0, lastError: null }
    const result = new Promise<MutationOutcome<T>>((resolve) => waiters.set(full.id, resolve as (o: MutationOutcome<unknown>) => void))
    deps.box.enqueue(full)
    void flush()
    return result
  }

  /** Try everything now, ignoring backoff (the user pressed 立即同步, or the network came back). */
  function retryAllNow(): Promise<void> {
    for (const item of deps.box.outbox()) deps.box.update(item.id, { nextAttemptAt: 0 })
    return flush()
  }

  return { submit, flush, retryAllNow, stats }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
