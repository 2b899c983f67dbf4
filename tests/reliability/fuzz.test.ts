/**
 * Bad input, property-based (fast-check): for every action in ACTIONS (new ones are covered as soon as they
 * are added), payloads derived from its zod schema — many valid, many broken in one field, some pure junk —
 * sent by a caller who may call it, through the router on both storage adapters and through the HTTP host.
 *
 * For every answer: an envelope; when refused, a code from the closed list and a message in Chinese, never
 * INTERNAL/5xx, never a crash; a payload the schema rejects is answered VALIDATION (HTTP 400) and nothing is
 * accepted that the schema rejects; and a refused call leaves every stored collection exactly as it was.
 * Then the envelope itself is fuzzed (mutation ids, 代办 targets, batches, bodies that are not JSON, bodies
 * over the size limit).
 *
 * The seed is printed; RELIABILITY_SEED=<n> replays it.
 */
import fc from 'fast-check'
import { ACTIONS, type ActionName } from '../../types/actions'
import { ERRORS, ERROR_CODES, isErrorCode } from '../../types/errors'
import { MAX_BATCH, MAX_BODY_BYTES, type Envelope } from '../../types/envelope'
import { handlers } from '../../server/handlers'
import type { Access } from '../../types/roles'
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { post, startHost, type RunningHost } from '../support/http'
import { seedFromEnv } from './sim/prng'
import { nastyString, payloadArbitrary } from './sim/zod-arbitrary'
import { changedCollections, snapshot } from './support/state-digest'
import { trackWrites, type TrackedStore } from './support/tracked-store'
import { createRouter, type Router } from '../../server/core/router'
import { silentLogger } from '../../server/core/logger'

jest.setTimeout(600_000)

const seed = seedFromEnv()
const NAMES = Object.keys(ACTIONS) as ActionName[]
const CHINESE = /[\u4e00-\u9fa5]/

/** A caller the action lets through the door, so the payload itself is what gets judged. */
function callerFor(access: Access): string {
  if (access === 'public' || access === 'signed-in') return ACCOUNTS.retiree
  const roles = access as readonly string[]
  if (roles.includes('admin')) return ACCOUNTS.admin
  if (roles.includes('staff')) return ACCOUNTS.staffSuzhou
  if (roles.includes('retiree')) return ACCOUNTS.retiree
  if (roles.includes('volunteer')) return ACCOUNTS.volunteer
  return ACCOUNTS.family
}

let calls = 0
const counted: Record<string, number> = {}

function judge(action: ActionName, payload: unknown, env: Envelope, status?: number): void {
  calls += 1
  const code = env.ok ? 'OK' : env.code
  counted[code] = (counted[code] ?? 0) + 1
  const valid = ACTIONS[action].input.safeParse(payload ?? {}).success
  const where = `${action} ${JSON.stringify(payload)?.slice(0, 200)} → ${JSON.stringify(env).slice(0, 200)}`
  if (env.ok) {
    if (!valid) throw new Error(`accepted a payload its schema rejects: ${where}`)
    if (status !== undefined && status !== 200) throw new Error(`ok with HTTP ${status}: ${where}`)
    return
  }
  if (!isErrorCode(env.code)) throw new Error(`unknown error code: ${where}`)
  if (!CHINESE.test(env.message)) throw new Error(`message not in Chinese: ${where}`)
  if (env.code === 'INTERNAL' || ERRORS[env.code].status >= 500) throw new Error(`server error: ${where}`)
  if (!valid && env.code !== 'VALIDATION') throw new Error(`invalid payload not answered VALIDATION: ${where}`)
  if (status !== undefined && (status !== ERRORS[env.code].status || status < 400 || status >= 500))
    throw new Error(`HTTP ${status} for ${env.code}: ${where}`)
}

afterAll(() => {
  process.stdout.write(
    `fuzz: seed ${seed} (replay: RELIABILITY_SEED=${seed}), ${NAMES.length} actions, ${calls} calls; answers ${JSON.stringify(counted)}\n`
  )
})

describe.each(ADAPTERS)('every action with bad input, through the router on $name', (adapter) => {
  let h: Harness
  let store: TrackedStore
  let router: Router
  beforeAll(async () => {
    h = await makeHarness(adapter)
    store = trackWrites(h.store)
    router = createRouter(
      { store, clock: h.clock, secrets: { tokenKey: 'test-token-key' }, log: silentLogger },
      handlers
    )
  })
  afterAll(() => h.cleanup())

  it.each(NAMES)('%s', async (action) => {
    const caller = callerFor(ACTIONS[action].access)
    const start = await snapshot(h.store)
    let refusedOnly = true
    let n = 0
    await fc.assert(
      fc.asyncProperty(payloadArbitrary(ACTIONS[action].input), async (payload) => {
        store.takeWrites()
        const env = await router.handle(caller, {
          action,
          payload,
          mutationId: `fuzz-${action.replace(/\W/g, '')}-${n++}`
        })
        judge(action, payload, env)
        const wrote = store.takeWrites().filter((c) => c !== 'mutations')
        if (!env.ok && wrote.length)
          throw new Error(
            `refused ${env.code} but wrote ${wrote.join(', ')}: ${action} ${JSON.stringify(payload).slice(0, 200)}`
          )
        if (env.ok) refusedOnly = false
      }),
      { seed, numRuns: adapter.name.startsWith('sqlite') ? 40 : 20 }
    )
    // And, independently of the port's bookkeeping: when every call was refused, nothing stored changed.
    if (refusedOnly) expect(changedCollections(start, await snapshot(h.store))).toEqual([])
  })
})

describe('bad input through the HTTP host', () => {
  let host: RunningHost
  const tokens = new Map<string, string>()
  const token = async (accountId: string) => {
    if (!tokens.has(accountId))
      tokens.set(accountId, (await post(`${host.url}/api/demo/login`, { accountId })).json.data.token)
    return tokens.get(accountId)!
  }
  beforeAll(async () => {
    host = await startHost({ demo: true })
  })
  afterAll(() => host.stop())

  it('answers every action with a 4xx envelope or 200, never a 5xx, and changes nothing when it refuses', async () => {
    let before = await snapshot(host.store)
    let n = 0
    for (const action of NAMES) {
      const t = await token(callerFor(ACTIONS[action].access))
      await fc.assert(
        fc.asyncProperty(payloadArbitrary(ACTIONS[action].input), async (payload) => {
          const res = await post(`${host.url}/api`, { action, payload, mutationId: `http-fuzz-${n++}` }, t)
          judge(action, payload, res.json, res.status)
          const after = await snapshot(host.store)
          if (!res.json.ok && changedCollections(before, after).length)
            throw new Error(`refused but changed ${changedCollections(before, after)}: ${action}`)
          before = after
        }),
        { seed, numRuns: 6 }
      )
    }
  })

  it('answers junk envelopes, junk bodies and oversized bodies with a 4xx envelope', async () => {
    const t = await token(ACCOUNTS.retiree)
    const before = await snapshot(host.store)
    const envelopeField = fc.oneof(nastyString, fc.anything({ maxDepth: 2 }))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // The call's own fields, each junk in turn.
          fc.record(
            {
              action: fc.oneof(fc.constantFrom(...NAMES), nastyString),
              payload: fc.anything({ maxDepth: 2 }),
              mutationId: envelopeField,
              actingFor: envelopeField,
              clientTime: envelopeField
            },
            { requiredKeys: ['action'] }
          ),
          fc.record({
            batch: fc.oneof(fc.anything({ maxDepth: 2 }), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }))
          }),
          fc.anything({ maxDepth: 3 })
        ),
        async (body) => {
          const res = await post(`${host.url}/api`, JSON.stringify(body) ?? 'null', t)
          expect(res.status).toBeLessThan(500)
          expect(typeof res.json.ok).toBe('boolean')
          const answers: Envelope[] =
            res.json.ok && Array.isArray(res.json.data) && 'batch' in (body as object) ? res.json.data : [res.json]
          for (const a of answers) {
            if (a.ok) continue
            expect(ERROR_CODES).toContain(a.code)
            expect(a.message).toMatch(CHINESE)
            expect(a.code).not.toBe('INTERNAL')
          }
        }
      ),
      { seed, numRuns: 300 }
    )
    // Only well-formed reads can have passed; a junk write never reached a handler.
    expect(changedCollections(before, await snapshot(host.store))).toEqual([])

    const raw = async (body: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${host.url}/api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}`, ...headers },
        body
      })
      return { status: res.status, json: (await res.json()) as Envelope }
    }
    expect(await raw('{"action": "auth.whoami",')).toMatchObject({
      status: 400,
      json: { ok: false, code: 'BAD_REQUEST' }
    })
    expect(await raw('这不是 JSON')).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST' } })
    expect(await raw('[]')).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST' } })
    expect(await raw('['.repeat(200_000) + ']'.repeat(200_000))).toMatchObject({
      status: 413,
      json: { code: 'PAYLOAD_TOO_LARGE' }
    })
    expect(await raw('['.repeat(100_000) + ']'.repeat(100_000))).toMatchObject({
      status: 400,
      json: { code: 'BAD_REQUEST' }
    })
    expect(
      await raw(JSON.stringify({ action: 'help.create', payload: { description: '长'.repeat(MAX_BODY_BYTES) } }))
    ).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } })
    const tooMany = {
      batch: Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({
        action: 'message.markRead',
        payload: { all: true },
        mutationId: `too-many-${i}`
      }))
    }
    expect(await raw(JSON.stringify(tooMany))).toMatchObject({ status: 413, json: { code: 'BATCH_TOO_LARGE' } })
    for (let i = 0; i <= MAX_BATCH; i++)
      expect(await host.store.get('mutations', `${ACCOUNTS.retiree}:too-many-${i}`)).toBeNull()
    for (const r of [
      await raw('{}'),
      await raw('{"action":"__proto__"}'),
      await raw('{"action":"constructor"}'),
      await raw('{"action":"toString"}')
    ]) {
      expect(r.status).toBe(400)
      expect(['BAD_REQUEST', 'UNKNOWN_ACTION']).toContain(r.json.ok ? 'OK' : r.json.code)
    }
  })
})
