/**
 * A write waiting to reach the server. Its id is the mutation id the server deduplicates by. The outbox keeps
 * items oldest first (in the order the user did them) and sends them in that order.
 */
export interface OutboxItem {
  id: string
  action: string
  payload: unknown
  /**
   * The account that made it (null: not known, e.g. queued by an older version). It is sent only while that
   * account is signed in, so a write never reaches the server under somebody else's name.
   */
  accountId: string | null
  /** The elder a family member acted for (代办), if any. */
  actingFor: string | null
  /** When the user did it on the phone (epoch ms). */
  clientTime: number
  /** Plain words for the 待同步 list: 报名「太极拳晨练」. */
  label: string
  attempts: number
  /** Not before this time (epoch ms): exponential backoff with jitter after a temporary failure. */
  nextAttemptAt: number
  /** The last temporary failure, in plain words. */
  lastError: string | null
}

/** A write the server refused for good: shown with its reason until the user has read it, never retried. */
export interface RejectedItem {
  id: string
  action: string
  label: string
  code: string
  message: string
  at: number
}

export type MutationOutcome<T> =
  | { status: 'applied'; data: T }
  | { status: 'queued'; id: string }
  /** `id`: the outbox item that was refused (absent when it was refused before it was queued). */
  | { status: 'rejected'; code: string; message: string; id?: string }
