/**
 * The outbox's storage budget. WeChat gives a mini-program 10 MB of storage in all (1 MB per key). The app
 * keeps its whole persisted state (session, settings, the outbox, refusals) under one chunked value that is
 * written atomically (src/store/chunked-storage.ts): while it is rewritten the old and the new copy exist at
 * once, so the state itself may use at most half of the 10 MB. The budget takes a margin off that:
 *
 * - STATE_BUDGET_BYTES (4.5 MB): what the persisted state may use;
 * - at WARN_RATIO (80%, 3.6 MB) 待同步 says in words that the phone is filling up and asks for 立即同步;
 * - a new write that would take the state past the budget is REFUSED before it is queued, with
 *   STORAGE_FULL's message: nothing already queued is ever dropped, and nothing is queued that could not be
 *   kept. Writes that reach the server free the room again.
 *
 * Where the platform reports its own usage over all keys (WeChat's getStorageInfoSync, in KB), that is used
 * too: the budget is full when either measure says so. A write whose persisting failed (the platform refused
 * it) also counts as full until a later write succeeds.
 *
 * A queued write is about 300–2,000 bytes (a help request with a long description and photos is the largest),
 * so the budget holds thousands of them: reaching it means a phone offline for a very long time.
 */
export const PLATFORM_LIMIT_BYTES = 10 * 1024 * 1024
export const STATE_BUDGET_BYTES = Math.floor(4.5 * 1024 * 1024)
export const WARN_RATIO = 0.8
/** Of the platform's own limit over all keys (the double copy is already inside it). */
export const PLATFORM_FULL_RATIO = 0.95

export type BudgetLevel = 'ok' | 'warn' | 'full'

export interface StorageUsage {
  /** Bytes the persisted state uses (an upper bound). */
  stateBytes: number
  /** What the platform reports over all keys, when it does (WeChat), in bytes. */
  platformBytes: number | null
  platformLimitBytes: number | null
  /** The last attempt to persist the state failed. */
  writeFailed: boolean
}

export interface Budget {
  level: BudgetLevel
  /** 0…1 of the budget used, the larger of the two measures. */
  ratio: number
  /** Room left for new writes, in bytes. */
  freeBytes: number
}

export function budgetOf(u: StorageUsage): Budget {
  const stateFree = STATE_BUDGET_BYTES - u.stateBytes
  let ratio = u.stateBytes / STATE_BUDGET_BYTES
  let free = stateFree
  if (u.platformBytes !== null && Number.isFinite(u.platformBytes)) {
    // The next write needs room for a second copy of the state beside everything stored now.
    const limit =
      (u.platformLimitBytes && u.platformLimitBytes > 0
        ? Math.min(u.platformLimitBytes, PLATFORM_LIMIT_BYTES)
        : PLATFORM_LIMIT_BYTES) * PLATFORM_FULL_RATIO
    const needed = u.platformBytes + u.stateBytes
    ratio = Math.max(ratio, needed / limit)
    free = Math.min(free, limit - needed)
  }
  const level: BudgetLevel = u.writeFailed || ratio >= 1 ? 'full' : ratio >= WARN_RATIO ? 'warn' : 'ok'
  return { level, ratio: Math.min(1, Math.max(0, ratio)), freeBytes: u.writeFailed ? 0 : Math.max(0, Math.floor(free)) }
}

/**
 * May a write of `addBytes` (its JSON in the persisted state) be queued? The state grows by about that much
 * when it is; a write is admitted only if the state stays within the budget afterwards.
 */
export function admits(u: StorageUsage, addBytes: number): boolean {
  return budgetOf(u).freeBytes >= addBytes
}

/** Plain words for 待同步 when the phone is filling up; null while there is room. */
export function budgetWords(b: Budget): string | null {
  // Rounded down: "100%" only when it is full.
  const percent = Math.min(100, Math.floor(b.ratio * 100))
  if (b.level === 'full')
    return '手机里存不下更多待同步的事情了。新的操作要等同步完才能办：请连上网络，点「立即同步」。'
  if (b.level === 'warn') return `手机里待同步的事情快存满了（已用 ${percent}%）。请尽快连上网络，点「立即同步」。`
  return null
}
