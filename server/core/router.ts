/**
 * The `api` function's router: the one entry both hosts call. It validates the request's shape, looks up the
 * action, checks access, validates the payload with the action's zod schema, resolves 代办, and runs the
 * handler — mutations through the idempotency wrapper. Whatever happens, the answer is an envelope.
 */
import { ACTIONS, isActionName, type ActionName } from '../../types/actions'
import { ERRORS } from '../../types/errors'
import { MAX_BATCH, type ApiCall, type Envelope } from '../../types/envelope'
import { zMutationId } from '../../types/define'
import { DuplicateIdError, StorageUnavailableError, TxConflictError, type Tx } from '../storage/port'
import { AppError, errEnvelope } from './app-error'
import type { Ctx, Deps, HandlerTable } from './context'
import { loadIdentity, type Identity } from './identity'
import { proxyAuditEntry } from './proxy-audit'
import { currentActionName } from '../../types/renamed-actions'

export const ANONYMOUS: Identity = {
  accountId: 'anonymous',
  registered: false,
  displayName: '访客',
  roles: [],
  personId: null,
  orgUnitId: null
}

export interface Router {
  /** One call. `accountId` is what the host authenticated (null: not logged in). */
  call(accountId: string | null, call: unknown): Promise<Envelope>
  /** A request body: one call, or `{ batch: [...] }` answered as `{ ok: true, data: Envelope[] }`. */
  handle(accountId: string | null, body: unknown): Promise<Envelope>
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function validationEnvelope(issues: { path: PropertyKey[]; message: string }[]) {
  const first = issues[0]
  return errEnvelope('VALIDATION', undefined, {
    field: first?.path.map(String).join('.') ?? '',
    issue: first?.message ?? ''
  })
}

export function createRouter(deps: Deps, handlers: HandlerTable): Router {
  const { store, log } = deps

  async function resolveActingFor(identity: Identity, personId: string): Promise<void> {
    const binding = await store.get('familyBindings', `${identity.accountId}:${personId}`)
    if (!binding || binding.status !== 'active') throw new AppError('NOT_BOUND')
  }

  async function recordOutcome(
    key: string,
    accountId: string,
    action: string,
    result: Envelope,
    now: number
  ): Promise<Envelope> {
    try {
      await store.transaction(async (tx) => {
        await tx.create('mutations', { _id: key, accountId, action, result, at: now })
      })
      return result
    } catch (err) {
      if (err instanceof DuplicateIdError) return (await store.get('mutations', key))!.result
      throw err
    }
  }

  async function call(accountId: string | null, raw: unknown): Promise<Envelope> {
    const now = deps.clock.now()
    let action = '?'
    try {
      if (!isObject(raw) || typeof raw.action !== 'string') return errEnvelope('BAD_REQUEST')
      // An old name of a renamed action (a write queued before an upgrade) is answered as the new one.
      action = currentActionName(raw.action)
      if (!isActionName(action)) return errEnvelope('UNKNOWN_ACTION')
      const req = raw as unknown as ApiCall
      const spec = ACTIONS[action]
      const def = handlers[action] as HandlerTable[ActionName]

      // Access, as the contract says: decided from the account record, never from the payload.
      const { access } = spec
      const identity = accountId ? await loadIdentity(store, accountId) : null
      if (access !== 'public') {
        if (!identity) return errEnvelope('UNAUTHENTICATED')
        if (access !== 'signed-in') {
          if (!identity.registered) return errEnvelope('NOT_REGISTERED')
          // In 代办 mode an action that must be done in person is refused as such, whoever the caller is.
          if (req.actingFor !== undefined && req.actingFor !== null && !spec.proxy)
            return errEnvelope('PROXY_NOT_ALLOWED')
          if (!identity.roles.some((r) => access.includes(r))) return errEnvelope('FORBIDDEN')
        }
      }
      const actor = identity ?? ANONYMOUS

      const parsed = spec.input.safeParse(req.payload ?? {})
      if (!parsed.success) return validationEnvelope(parsed.error.issues)

      let actingFor: string | null = null
      if (req.actingFor !== undefined && req.actingFor !== null) {
        if (typeof req.actingFor !== 'string' || req.actingFor.length > 64) return errEnvelope('BAD_REQUEST')
        if (!spec.proxy) return errEnvelope('PROXY_NOT_ALLOWED')
        await resolveActingFor(actor, req.actingFor)
        actingFor = req.actingFor
      }
      const clientTime = typeof req.clientTime === 'number' && Number.isFinite(req.clientTime) ? req.clientTime : null

      const base = {
        ...deps,
        actor,
        subjectPersonId: actingFor ?? actor.personId,
        actingFor,
        now,
        clientTime
      }

      if (spec.kind === 'query') {
        const ctx: Ctx = {
          ...base,
          mutationId: null,
          write: () => {
            throw new Error(`query ${action} tried to write`)
          }
        }
        const data = await def.run(ctx, parsed.data as never)
        return { ok: true, data }
      }

      // A mutation: idempotent by (account, mutation id).
      const mid = zMutationId.safeParse(req.mutationId)
      if (!mid.success) return errEnvelope('MUTATION_ID_REQUIRED')
      const key = `${actor.accountId}:${mid.data}`
      const prior = await store.get('mutations', key)
      if (prior) return currentActionName(prior.action) === action ? prior.result : errEnvelope('MUTATION_ID_REUSED')

      let writes = 0
      let written: unknown
      const ctx: Ctx = {
        ...base,
        mutationId: mid.data,
        write: async <R>(fn: (tx: Tx) => Promise<R>): Promise<R> => {
          writes += 1
          if (writes > 1) throw new Error(`${action} wrote twice: a mutation has one transaction`)
          const data = await store.transaction(async (tx) => {
            const result = await fn(tx)
            // 代办: whatever the domain, the write records who pressed and for whom, in the same transaction.
            if (actingFor) {
              await tx.create(
                'audit',
                proxyAuditEntry({
                  mutationKey: key,
                  at: now,
                  actorAccountId: actor.accountId,
                  subjectPersonId: actingFor,
                  action,
                  input: parsed.data,
                  result
                })
              )
            }
            await tx.create('mutations', {
              _id: key,
              accountId: actor.accountId,
              action,
              result: { ok: true, data: result },
              at: now
            })
            return result
          })
          written = data
          return data
        }
      }
      try {
        const data = await def.run(ctx, parsed.data as never)
        if (writes === 0) return recordOutcome(key, actor.accountId, action, { ok: true, data }, now)
        if (data !== written) throw new Error(`${action} must return the result of ctx.write`)
        return { ok: true, data }
      } catch (err) {
        if (err instanceof DuplicateIdError && err.collection === 'mutations') {
          // The same mutation ran concurrently and committed first: answer with its result.
          return (await store.get('mutations', key))!.result
        }
        if (err instanceof AppError && !ERRORS[err.code].retry) {
          return recordOutcome(key, actor.accountId, action, err.toEnvelope(), now)
        }
        throw err
      }
    } catch (err) {
      if (err instanceof AppError) return err.toEnvelope()
      if (err instanceof TxConflictError) return errEnvelope('BUSY')
      if (err instanceof StorageUnavailableError) {
        // Expected now and then on CloudBase: said in plain words, retried by the phone's outbox, not a bug.
        log.info('storage unavailable', { action, reason: err.reason, detail: err.detail })
        return errEnvelope(err.reason === 'rate-limited' ? 'BUSY' : 'UNAVAILABLE')
      }
      log.error('unhandled error', { action, error: err instanceof Error ? err.stack : String(err) })
      return errEnvelope('INTERNAL')
    }
  }

  async function handle(accountId: string | null, body: unknown): Promise<Envelope> {
    if (isObject(body) && 'batch' in body) {
      if (!Array.isArray(body.batch)) return errEnvelope('BAD_REQUEST')
      if (body.batch.length > MAX_BATCH) return errEnvelope('BATCH_TOO_LARGE')
      const results: Envelope[] = []
      // In order: a later mutation may depend on an earlier one (sign up, then cancel). After a temporary
      // failure the rest is not run, so the client retries them all later in the same order.
      let halted = false
      for (const item of body.batch) {
        if (halted) {
          results.push(errEnvelope('BUSY', '前面的事情还没办完，稍后会一起提交'))
          continue
        }
        const result = await call(accountId, item)
        results.push(result)
        if (!result.ok && ERRORS[result.code].retry) halted = true
      }
      return { ok: true, data: results }
    }
    return call(accountId, body)
  }

  return { call, handle }
}
