/**
 * The outbox's engine. Every write is queued first (persisted), then sent in batches of at most MAX_BATCH,
 * oldest first. For each item the server's answer decides:
 * - applied: removed from the outbox;
 * - refused for good (a final error code): removed and shown to the user with its reason — it never blocks
 *   the items behind it;
 * - a temporary failure (no network, BUSY, INTERNAL, or not logged in): kept, retried with exponential backoff
 *   and full jitter.
 *
 * Order: the server runs a batch in order and stops at the first temporary failure (the rest answer BUSY
 * unrun). Here, a batch is always a prefix of the queue: the items from the oldest on, up to the first one
 * still waiting out its backoff. Items retried together share one backoff, so a later write can never be sent
 * before an earlier one that has not reached the server. (An item refused for good is no longer waited for.)
 *
 * Items made by another account than the one signed in wait (they are not sent under the wrong name).
 *
 * Replays are harmless: the server answers a mutation id it has seen with the first result, so an answer lost
 * on the way back costs one more round trip, never a second effect.
 *
 * Size: a batch is also kept within the hosts' body limit (MAX_BODY_BYTES), and a write that could never fit
 * in a request on its own is refused at once in words (PAYLOAD_TOO_LARGE), not queued. Should the host still
 * refuse a batch as a whole for good (too large, malformed), that is no network failure to retry forever: the
 * items go one at a time, and the one refused alone is removed and shown with its reason.
 */
import { MAX_BATCH, MAX_BODY_BYTES, type ApiCall, type Envelope } from '@contract/envelope'
import { ERRORS, isErrorCode } from '@contract/errors'
import type { Transport } from '@/services/transport/transport'
import { backoffDelay } from './backoff'
import type { MutationOutcome, OutboxItem, RejectedItem } from './outbox-types'

/** The persisted outbox, as the engine sees it. Each call is one change (one persisted write). */
export interface OutboxAccess {
  /** Oldest first. */
  outbox: () => OutboxItem[]
  /** Append a new write at the end. */
  enqueue(item: OutboxItem): void
  /** Items that reached the server: applied (remove) or refused for good (remove and keep the refusal). */
  settle(ids: string[], rejected: RejectedItem[]): void
  /** Items that failed for now: attempts + 1, not before `nextAttemptAt`, with the reason in plain words. */
  postpone(ids: string[], nextAttemptAt: number, lastError: string): void
  /** Every item due now (立即同步, the network is back, a new write). */
  wake(): void
}

/** Why a write was not queued at all (the phone's storage is full). */
export interface Refusal {
  code: string
  message: string
}

export interface SyncDeps {
  transport: () => Transport
  box: OutboxAccess
  now?: () => number
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** The account signed in now; items of other accounts wait. Omitted: every item is sent. */
  account?: () => string | null
  /** Asked before a write is queued; a refusal is answered at once and nothing is queued. */
  admit?: (item: OutboxItem) => Refusal | null
  /** The server said the caller is not logged in: the items stay; the app asks the user to log in again. */
  onUnauthenticated?: () => void
  /** An item reached the server and was applied. */
  onApplied?: (item: OutboxItem, data: unknown) => void
  /** An item reached the server and was refused for good. */
  onRejected?: (item: RejectedItem) => void
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

/** Exact UTF-8 length of a string (what it weighs in a request body). */
function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4
      i += 1
    } else n += 3
  }
  return n
}

/** `{"batch":[` + `]}` around the calls, which are separated by commas. */
const BATCH_FRAME_BYTES = '{"batch":[]}'.length

function callBytes(item: OutboxItem): number {
  return utf8Bytes(JSON.stringify(toCall(item)))
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
  /** MAX_BATCH, or 1 after the host refused a whole batch for good (until a batch goes through). */
  let batchItems = MAX_BATCH
  let running: Promise<void> | null = null
  let again = false
  let timer: unknown = null

  function settleWaiter(id: string, outcome: MutationOutcome<unknown>) {
    const w = waiters.get(id)
    if (w) {
      waiters.delete(id)
      w(outcome)
    }
  }

  function mine(item: OutboxItem): boolean {
    if (!deps.account || item.accountId === null) return true
    return item.accountId === deps.account()
  }

  /**
   * The batch to send now: the caller's items from the oldest, up to one still in backoff, at most MAX_BATCH
   * and within MAX_BODY_BYTES (always at least one item).
   */
  function nextBatch(): OutboxItem[] {
    const t = now()
    const out: OutboxItem[] = []
    let bytes = BATCH_FRAME_BYTES
    for (const item of deps.box.outbox()) {
      if (!mine(item)) continue
      if (item.nextAttemptAt > t || out.length === batchItems) break
      bytes += callBytes(item) + (out.length ? 1 : 0)
      if (out.length && bytes > MAX_BODY_BYTES) break
      out.push(item)
    }
    return out
  }

  /** The host refused a whole batch for good: alone, its item is refused; in company, they go one at a time. */
  function refusedBatch(due: OutboxItem[], env: Extract<Envelope, { ok: false }>): boolean {
    if (due.length > 1) {
      batchItems = 1
      return true
    }
    const item = due[0]
    stats.rejected += 1
    const refusal: RejectedItem = {
      id: item.id,
      action: item.action,
      label: item.label,
      code: env.code,
      message: env.message,
      at: now()
    }
    deps.box.settle([item.id], [refusal])
    deps.onRejected?.(refusal)
    settleWaiter(item.id, { status: 'rejected', code: env.code, message: env.message })
    return nextBatch().length > 0
  }

  function retryLater(items: OutboxItem[], reasons: string[]) {
    if (!items.length) return
    // One backoff for all of them, from the oldest one's attempts: they go again together, in order.
    const at = now() + backoffDelay(items[0].attempts + 1, random)
    stats.retried += items.length
    deps.box.postpone(
      items.map((i) => i.id),
      at,
      reasons[0]
    )
    for (const item of items) settleWaiter(item.id, { status: 'queued', id: item.id })
  }

  /** Sends one batch. Returns true if more items are due right away. */
  async function sendBatch(): Promise<boolean> {
    const due = nextBatch()
    if (due.length === 0) return false
    let env: Envelope
    try {
      stats.roundTrips += 1
      env = await deps.transport().send({ batch: due.map(toCall) })
    } catch {
      // NetworkError, or anything else the transport threw: nothing is known to have happened. Keep them all.
      retryLater(due, [ERRORS.NETWORK.message])
      return false
    }
    if (!env.ok && !isTemporary(env)) return refusedBatch(due, env)
    if (!env.ok || !Array.isArray(env.data)) {
      // The batch as a whole was not processed (e.g. the host is overloaded): all of it waits.
      retryLater(due, [env.ok ? ERRORS.INTERNAL.message : env.message])
      if (!env.ok && env.code === 'UNAUTHENTICATED') deps.onUnauthenticated?.()
      return false
    }
    batchItems = MAX_BATCH
    const results = env.data as Envelope[]
    const done: string[] = []
    const rejected: RejectedItem[] = []
    const later: OutboxItem[] = []
    const reasons: string[] = []
    let sawUnauthenticated = false
    due.forEach((item, i) => {
      const r = results[i]
      if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
        later.push(item)
        reasons.push(ERRORS.INTERNAL.message)
        return
      }
      if (r.ok) {
        done.push(item.id)
        stats.applied += 1
        deps.onApplied?.(item, r.data)
        settleWaiter(item.id, { status: 'applied', data: r.data })
      } else if (isTemporary(r)) {
        if (r.code === 'UNAUTHENTICATED') sawUnauthenticated = true
        later.push(item)
        reasons.push(r.message)
      } else {
        done.push(item.id)
        stats.rejected += 1
        const refusal: RejectedItem = {
          id: item.id,
          action: item.action,
          label: item.label,
          code: r.code,
          message: r.message,
          at: now()
        }
        rejected.push(refusal)
        deps.onRejected?.(refusal)
        settleWaiter(item.id, { status: 'rejected', code: r.code, message: r.message, id: item.id })
      }
    })
    if (done.length) deps.box.settle(done, rejected)
    retryLater(later, reasons)
    if (sawUnauthenticated) deps.onUnauthenticated?.()
    return later.length === 0 && nextBatch().length > 0
  }

  function scheduleNext() {
    if (timer !== null) clearTimer(timer)
    timer = null
    const pending = deps.box.outbox().filter(mine)
    // Waiters of items that were not sent in this run (another account's, or behind one in backoff) learn now
    // that their write is queued.
    for (const item of pending) settleWaiter(item.id, { status: 'queued', id: item.id })
    if (!pending.length) return
    const next = pending[0].nextAttemptAt
    timer = setTimer(
      () => {
        timer = null
        void flush()
      },
      Math.max(0, next - now())
    )
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

  /**
   * Queue a write and sync now (with everything before it, backoff or not). Resolves when it is applied,
   * refused, or queued for later; a write the phone has no room to keep is refused at once (nothing queued).
   */
  function submit<T>(item: Omit<OutboxItem, 'attempts' | 'nextAttemptAt' | 'lastError'>): Promise<MutationOutcome<T>> {
    const full: OutboxItem = { ...item, attempts: 0, nextAttemptAt: 0, lastError: null }
    // A write no host would take even on its own is refused now, in words, rather than queued for ever.
    if (BATCH_FRAME_BYTES + callBytes(full) > MAX_BODY_BYTES) {
      return Promise.resolve({
        status: 'rejected',
        code: 'PAYLOAD_TOO_LARGE',
        message: ERRORS.PAYLOAD_TOO_LARGE.message
      })
    }
    const refusal = deps.admit?.(full)
    if (refusal) return Promise.resolve({ status: 'rejected', code: refusal.code, message: refusal.message })
    const result = new Promise<MutationOutcome<T>>((resolve) =>
      waiters.set(full.id, resolve as (o: MutationOutcome<unknown>) => void)
    )
    deps.box.enqueue(full)
    deps.box.wake()
    void flush()
    return result
  }

  /** Try everything now, ignoring backoff (the user pressed 立即同步, or the network came back). */
  function retryAllNow(): Promise<void> {
    deps.box.wake()
    return flush()
  }

  /** Items waiting for the account signed in now (the others wait for their own account). */
  function pendingCount(): number {
    return deps.box.outbox().filter(mine).length
  }

  return { submit, flush, retryAllNow, pendingCount, stats }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
