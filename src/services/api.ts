/**
 * Typed calls to the `api` function. Reads go straight through the transport; writes go through the outbox
 * (persisted, retried, deduplicated by mutation id). No page calls the backend any other way.
 */
import type { ActionInput, ActionOutput, MutationName, QueryName } from '@contract/actions'
import type { ErrorCode } from '@contract/errors'
import { ERRORS } from '@contract/errors'
import { mayActFor } from '@contract/proxy-actions'
import { useAppStore } from '@/store'
import { syncEngine, type MutationOutcome } from '@/sync'
import { newMutationId } from '@/sync/mutation-id'
import { NetworkError, transport } from './transport'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * The elder a call is made for (代办): while a family member acts for one, and only for the actions the contract
 * lets a family member do for an elder (types/proxy-actions.ts). Everything else — login, bindings, messages,
 * scanning, the skills profile, all staff work — is always the caller's own.
 */
function actingFor(action: string): string | undefined {
  if (!mayActFor(action)) return undefined
  return useAppStore.getState().actingFor?.personId
}

export async function query<A extends QueryName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> {
  let env
  try {
    const who = actingFor(action)
    env = await transport().send({ action, payload: input, ...(who ? { actingFor: who } : {}) })
  } catch (err) {
    if (err instanceof NetworkError) throw new ApiError('NETWORK', '网络不好，请检查网络后再试')
    throw err
  }
  if (env.ok) return env.data as ActionOutput<A>
  if (env.code === 'UNAUTHENTICATED') useAppStore.getState().signOut()
  throw new ApiError(env.code, env.message, env.details)
}

export interface MutateOptions {
  /** Plain words for the 待同步 list and error notices: 报名「太极拳晨练」. */
  label: string
}

/**
 * Queue a write and send it. Resolves with 'applied' (and the result), 'queued' (offline or a temporary
 * failure: it will be sent later and shows as 待同步), or 'rejected' (with the server's plain message).
 */
export function mutate<A extends MutationName>(
  action: A,
  input: ActionInput<A>,
  opts: MutateOptions
): Promise<MutationOutcome<ActionOutput<A>>> {
  return syncEngine.submit<ActionOutput<A>>({
    id: newMutationId(),
    action,
    payload: input,
    accountId: useAppStore.getState().me?.accountId ?? null,
    actingFor: actingFor(action) ?? null,
    clientTime: Date.now(),
    label: opts.label
  })
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return ERRORS.INTERNAL.message
}
