import type { ErrorCode } from './errors'

/** Every answer of the `api` function, on every host. */
export type Envelope<T = unknown> = OkEnvelope<T> | ErrEnvelope

export interface OkEnvelope<T> {
  ok: true
  data: T
}

export interface ErrEnvelope {
  ok: false
  code: ErrorCode
  /** Short, plain Chinese that tells an older reader what to do next. */
  message: string
  /** Machine-readable extras (the invalid field, the time check-in opens, ...). Never shown raw. */
  details?: Record<string, unknown>
}

/** What goes into the `api` function: one call, or a batch of up to MAX_BATCH calls run in order. */
export interface ApiCall {
  action: string
  payload?: unknown
  /** Client-made id of a write; the server answers a replay with the first result. Required for mutations. */
  mutationId?: string
  /** The elder a bound family member is acting for (代办). The server checks the binding; never trusted. */
  actingFor?: string
  /** When the user did it on the phone (epoch ms). Informational, except where an action says otherwise. */
  clientTime?: number
}

export interface ApiBatch {
  batch: ApiCall[]
}

export const MAX_BATCH = 50
/** Largest request body the hosts accept, in bytes. */
export const MAX_BODY_BYTES = 256 * 1024
/**
 * Largest photo the local host takes (POST /api/upload). Both apps shrink a photo to at most 1280 px on its long
 * side before upload (100–400 KB, 1 MB at most); the room above that is for a phone that could not.
 */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024
