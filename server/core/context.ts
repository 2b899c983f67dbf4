import type { ActionName, ActionOutput, ActionParsed } from '../../types/actions'
import type { StoragePort, Tx } from '../storage/port'
import type { Clock } from './clock'
import type { Identity } from './identity'

/** What a host adds to resolve references it stores elsewhere (CloudBase: temporary file URLs). */
export interface FileUrlService {
  tempUrls(fileIds: string[]): Promise<Map<string, string>>
}

export interface Secrets {
  /** HMAC key for rotating check-in codes and other signed tokens. */
  tokenKey: string
}

export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void
  error(msg: string, extra?: Record<string, unknown>): void
}

/** What a host provides: the same handlers run over these on CloudBase and on the local host. */
export interface Deps {
  store: StoragePort
  clock: Clock
  secrets: Secrets
  log: Logger
  /** Resolves stored file references the host keeps elsewhere (CloudBase fileIDs → temporary URLs). */
  files?: FileUrlService
}

export interface Ctx extends Deps {
  /** The caller as the server decided it (an anonymous identity for public actions). */
  actor: Identity
  /** The roster person the action is for: the elder when acting for them (代办), else the caller's own person. */
  subjectPersonId: string | null
  /** Set when a bound family member acts for an elder. */
  actingFor: string | null
  /** The request's instant, fixed for the whole request. */
  now: number
  /** When the user did it on the phone, as the client says (untrusted; used only where an action says so). */
  clientTime: number | null
  mutationId: string | null
  /**
   * Runs the mutation's effect in one transaction together with its processed-mutation record, so a replay of
   * the same mutation id answers the first result and never applies the effect twice. A mutation handler calls
   * it at most once and returns its result.
   */
  write<R>(fn: (tx: Tx) => Promise<R>): Promise<R>
}

/**
 * What an action does. Who may call it (its `access`) and whether it may be done for an elder (`proxy`) are
 * in its contract entry (types/actions), which the router reads; ownership and org scope are checked here.
 */
export interface HandlerDef<A extends ActionName> {
  run(ctx: Ctx, input: ActionParsed<A>): Promise<ActionOutput<A>>
}

export type HandlerTable = { [A in ActionName]: HandlerDef<A> }
