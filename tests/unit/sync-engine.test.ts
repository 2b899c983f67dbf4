import fc from 'fast-check'
import { MAX_BODY_BYTES, type ApiBatch, type ApiCall, type Envelope } from '../../types/envelope'
import { ERRORS } from '../../types/errors'
import { createSyncEngine } from '../../src/sync/sync-engine'
import { NetworkError, type Transport } from '../../src/services/transport/transport'
import { backoffDelay } from '../../src/sync/backoff'
import { memoryOutbox } from '../support/memory-outbox'

/** A scripted server: answers each call by a rule, records what it saw. Like the real one, it halts a batch. */
function scriptedTransport(
  answer: (call: ApiCall) => Envelope | 'drop'
): Transport & { seen: ApiCall[]; online: boolean } {
  const t = {
    kind: 'http' as const,
    seen: [] as ApiCall[],
    online: true,
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      if (!t.online) throw new NetworkError('offline')
      const calls = 'batch' in body ? body.batch : [body]
      const results: Envelope[] = []
      let halted = false
      for (const c of calls) {
        if (halted) {
          results.push({ ok: false, code: 'BUSY', message: '前面的事情还没办完，稍后会一起提交' })
          continue
        }
        t.seen.push(c)
        const a = answer(c)
        if (a === 'drop') throw new NetworkError('dropped')
        results.push(a)
        if (!a.ok && (ERRORS[a.code]?.retry ?? true)) halted = true
      }
      return { ok: true, data: results }
    }
  }
  return t
}

const item = (id: string, action = 'activity.signup', accountId: string | null = null) => ({
  id,
  action,
  payload: { id },
  accountId,
  actingFor: null,
  clientTime: 1,
  label: `报名 ${id}`
})

describe('sync engine', () => {
  let now = 1_000_000
  const timers: { fn: () => void; at: number }[] = []
  const deps = () => ({
    now: () => now,
    random: () => 0.5,
    setTimer: (fn: () => void, ms: number) => {
      timers.push({ fn, at: now + ms })
      return timers.length
    },
    clearTimer: () => undefined
  })
  beforeEach(() => {
    now = 1_000_000
    timers.length = 0
  })

  it('sends a write, removes it when applied, and reports the result', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: { status: 'signed' } }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    const outcome = await engine.submit(item('m1'))
    expect(outcome).toEqual({ status: 'applied', data: { status: 'signed' } })
    expect(items()).toHaveLength(0)
    expect(transport.seen[0]).toMatchObject({ action: 'activity.signup', mutationId: 'm1' })
  })

  it('keeps a write made offline as queued, and sends it when the network is back', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: 1 }))
    transport.online = false
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    expect(await engine.submit(item('m1'))).toEqual({ status: 'queued', id: 'm1' })
    expect(items()).toHaveLength(1)
    expect(items()[0].attempts).toBe(1)
    expect(items()[0].nextAttemptAt).toBeGreaterThan(now)
    expect(items()[0].lastError).toBe(ERRORS.NETWORK.message)
    transport.online = true
    await engine.retryAllNow()
    expect(items()).toHaveLength(0)
  })

  it('drops a write the server refuses for good, shows why, and does not block the ones behind it', async () => {
    const { box, items, rejected } = memoryOutbox()
    const transport = scriptedTransport((c) =>
      c.mutationId === 'bad'
        ? { ok: false, code: 'ACTIVITY_CANCELLED', message: '这个活动已取消，请看看其他活动' }
        : { ok: true, data: c.mutationId }
    )
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    void engine.submit(item('a'))
    void engine.submit(item('bad'))
    void engine.submit(item('c'))
    await engine.flush()
    transport.online = true
    await engine.retryAllNow()
    expect(items()).toEqual([])
    expect(rejected.map((r) => [r.id, r.code, r.message])).toEqual([
      ['bad', 'ACTIVITY_CANCELLED', '这个活动已取消，请看看其他活动']
    ])
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['a', 'bad', 'c'])
  })

  it('tells the page that made a refused write which write it was (to take it out of the 待同步 banner)', async () => {
    const { box } = memoryOutbox()
    const transport = scriptedTransport(() => ({
      ok: false,
      code: 'ACTIVITY_CANCELLED',
      message: '这个活动已取消，请看看其他活动'
    }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    expect(await engine.submit(item('bad'))).toEqual({
      status: 'rejected',
      code: 'ACTIVITY_CANCELLED',
      message: '这个活动已取消，请看看其他活动',
      id: 'bad'
    })
  })

  it('keeps a temporary failure and everything behind it, and sends them again together, in order', async () => {
    const { box, items } = memoryOutbox()
    let busy = true
    const transport = scriptedTransport((c) =>
      busy && c.mutationId === 'first' ? { ok: false, code: 'BUSY', message: '忙' } : { ok: true, data: null }
    )
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    void engine.submit(item('first'))
    void engine.submit(item('second'))
    await engine.flush()
    transport.online = true
    await engine.retryAllNow()
    // The server stopped at 'first'; 'second' waits behind it with the same next attempt time.
    expect(items().map((i) => i.id)).toEqual(['first', 'second'])
    expect(items()[0].lastError).toBe('忙')
    expect(items()[0].nextAttemptAt).toBe(items()[1].nextAttemptAt)
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['first'])
    busy = false
    now = items()[0].nextAttemptAt
    await engine.flush()
    expect(items()).toEqual([])
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['first', 'first', 'second'])
  })

  it('never sends a later write while an earlier one waits out its backoff', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    void engine.submit(item('old'))
    await engine.flush()
    // 'new' is due, 'old' is not (as after an app restart that kept the old backoff).
    box.enqueue({ ...item('new'), attempts: 0, nextAttemptAt: 0, lastError: null })
    transport.online = true
    await engine.flush()
    expect(transport.seen).toEqual([])
    expect(items().map((i) => i.id)).toEqual(['old', 'new'])
    now = items()[0].nextAttemptAt
    await engine.flush()
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['old', 'new'])
  })

  it('a new write syncs everything before it at once (sync after each write)', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    void engine.submit(item('a'))
    await engine.flush()
    transport.online = true
    expect((await engine.submit(item('b'))).status).toBe('applied')
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['a', 'b'])
    expect(items()).toEqual([])
  })

  it('sends at most 50 per round trip', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    for (let i = 0; i < 120; i++) void engine.submit(item(`m${i}`))
    await engine.flush()
    transport.online = true
    const before = engine.stats.roundTrips
    await engine.retryAllNow()
    expect(items()).toEqual([])
    expect(engine.stats.roundTrips - before).toBe(3)
    expect(transport.seen.map((c) => c.mutationId)).toEqual(Array.from({ length: 120 }, (_, i) => `m${i}`))
  })

  const sized = (id: string, bytes: number) => ({
    ...item(id, 'help.create'),
    payload: { description: '长'.repeat(Math.floor(bytes / 3)) }
  })

  it('keeps every batch within the hosts’ body limit', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const bodies: number[] = []
    const measured: Transport = {
      kind: 'http',
      send: (body) => (bodies.push(Buffer.byteLength(JSON.stringify(body))), transport.send(body))
    }
    const engine = createSyncEngine({ transport: () => measured, box, ...deps() })
    transport.online = false
    for (let i = 0; i < 6; i++) void engine.submit(sized(`m${i}`, 100_000))
    await engine.flush()
    transport.online = true
    bodies.length = 0
    await engine.retryAllNow()
    expect(items()).toEqual([])
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5'])
    expect(bodies.length).toBe(3)
    for (const b of bodies) expect(b).toBeLessThanOrEqual(MAX_BODY_BYTES)
  })

  it('refuses at once, in words, a write too large for any request, and queues nothing', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    expect(await engine.submit(sized('huge', MAX_BODY_BYTES))).toEqual({
      status: 'rejected',
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容太多了，请删减后再试'
    })
    expect(items()).toEqual([])
    expect(transport.seen).toEqual([])
  })

  it('takes a whole batch refused for good (413) as a refusal, not a network failure: one at a time, the culprit removed with its reason', async () => {
    const { box, items, rejected } = memoryOutbox()
    const inner = scriptedTransport(() => ({ ok: true, data: null }))
    // A host (or a proxy in front of it) with a smaller limit than ours: any body with 'big' in it is too large.
    const limited: Transport = {
      kind: 'http',
      send: (body) =>
        JSON.stringify(body).includes('"big"')
          ? Promise.resolve({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message })
          : inner.send(body)
    }
    const engine = createSyncEngine({ transport: () => limited, box, ...deps() })
    inner.online = false
    const outcomes = [engine.submit(item('a')), engine.submit(item('big')), engine.submit(item('c'))]
    await engine.flush()
    inner.online = true
    await engine.retryAllNow()
    expect(items()).toEqual([])
    expect(inner.seen.map((c) => c.mutationId)).toEqual(['a', 'c'])
    expect(rejected).toEqual([
      expect.objectContaining({ id: 'big', code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太多了，请删减后再试' })
    ])
    expect((await outcomes[0]).status).toBe('queued')
    // Nothing is left to retry: no timer, no backoff on the items that went through.
    expect(engine.pendingCount()).toBe(0)
  })

  it('keeps items when the server says the caller is not logged in, and says so', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' }))
    let told = 0
    const engine = createSyncEngine({
      transport: () => transport,
      box,
      ...deps(),
      onUnauthenticated: () => void (told += 1)
    })
    expect((await engine.submit(item('m1'))).status).toBe('queued')
    expect(items()).toHaveLength(1)
    expect(told).toBe(1)
  })

  it('sends a write only while the account that made it is signed in', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    let account: string | null = 'local:a'
    const engine = createSyncEngine({ transport: () => transport, box, ...deps(), account: () => account })
    transport.online = false
    void engine.submit(item('of-a', 'signup.create', 'local:a'))
    await engine.flush()
    transport.online = true
    account = 'local:b'
    expect(await engine.submit(item('of-b', 'signup.create', 'local:b'))).toEqual({ status: 'applied', data: null })
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['of-b'])
    expect(items().map((i) => i.id)).toEqual(['of-a'])
    expect(engine.pendingCount()).toBe(0)
    account = 'local:a'
    await engine.retryAllNow()
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['of-b', 'of-a'])
    expect(items()).toEqual([])
  })

  it('refuses a write it has no room to keep, in words, and queues nothing', async () => {
    const { box, items } = memoryOutbox()
    const transport = scriptedTransport(() => ({ ok: true, data: null }))
    const engine = createSyncEngine({
      transport: () => transport,
      box,
      ...deps(),
      admit: () => ({ code: 'STORAGE_FULL', message: ERRORS.STORAGE_FULL.message })
    })
    expect(await engine.submit(item('m1'))).toEqual({
      status: 'rejected',
      code: 'STORAGE_FULL',
      message: ERRORS.STORAGE_FULL.message
    })
    expect(items()).toEqual([])
    expect(transport.seen).toEqual([])
  })

  it('treats any failure of the transport as "not sent": the items stay', async () => {
    const { box, items } = memoryOutbox()
    const engine = createSyncEngine({
      transport: () => ({ kind: 'http', send: () => Promise.reject(new TypeError('fetch failed')) }),
      box,
      ...deps()
    })
    expect(await engine.submit(item('m1'))).toEqual({ status: 'queued', id: 'm1' })
    expect(items()).toHaveLength(1)
  })

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(2000)
    expect(backoffDelay(4, () => 0.999)).toBeGreaterThan(15000)
    expect(backoffDelay(40, () => 0.999)).toBeLessThanOrEqual(5 * 60_000)
    expect(backoffDelay(3, () => 0)).toBe(500)
  })
})

/**
 * Oldest first, whatever happens: a model server that records the first application of each mutation id, a
 * network that drops requests and answers, BUSY and final refusals, app restarts (the persisted outbox read
 * back, the engine made anew). The server's applications are always in the order the user made the writes,
 * and once the network heals everything is settled exactly once.
 */
describe('sync engine order (property)', () => {
  type Step =
    | { kind: 'write' }
    | { kind: 'flush' }
    | { kind: 'restart' }
    | { kind: 'time'; ms: number }
    | { kind: 'net'; mode: 'ok' | 'drop-request' | 'drop-response' | 'busy' }
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constant({ kind: 'write' as const }),
    fc.constant({ kind: 'flush' as const }),
    fc.constant({ kind: 'restart' as const }),
    fc.integer({ min: 0, max: 400_000 }).map((ms) => ({ kind: 'time' as const, ms })),
    fc
      .constantFrom('ok', 'drop-request', 'drop-response', 'busy')
      .map((mode) => ({ kind: 'net' as const, mode: mode as 'ok' }))
  )

  it('applies writes in the order they were made, each once, and settles them all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 60 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer(),
        async (steps, refuseEvery, seed) => {
          let r = seed >>> 0
          const random = () => (r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 4294967296
          let now = 0
          let mode: 'ok' | 'drop-request' | 'drop-response' | 'busy' = 'ok'
          const applied: string[] = []
          const results = new Map<string, Envelope>()
          const server = (c: ApiCall): Envelope => {
            const id = c.mutationId!
            const prior = results.get(id)
            if (prior) return prior
            const n = Number(id.slice(1))
            const r: Envelope =
              refuseEvery && n % refuseEvery === 0
                ? { ok: false, code: 'NOT_FOUND', message: '没有找到' }
                : { ok: true, data: n }
            results.set(id, r)
            if (r.ok) applied.push(id)
            return r
          }
          const transport: Transport = {
            kind: 'http',
            async send(body) {
              const calls = (body as ApiBatch).batch
              if (mode === 'drop-request') throw new NetworkError('dropped')
              if (mode === 'busy') return { ok: false, code: 'BUSY', message: '忙' }
              const out = calls.map(server)
              if (mode === 'drop-response') throw new NetworkError('lost answer')
              return { ok: true, data: out }
            }
          }
          const store = memoryOutbox()
          const make = () =>
            createSyncEngine({
              transport: () => transport,
              box: store.box,
              now: () => now,
              random,
              setTimer: () => null,
              clearTimer: () => undefined
            })
          let engine = make()
          let made = 0
          const submitted: string[] = []
          for (const s of steps) {
            if (s.kind === 'write') {
              const id = `m${made++}`
              submitted.push(id)
              void engine.submit(item(id))
              await engine.flush()
            } else if (s.kind === 'flush') await engine.flush()
            else if (s.kind === 'restart') {
              await engine.flush()
              store.restart()
              engine = make()
            } else if (s.kind === 'time') now += s.ms
            else mode = s.mode
          }
          mode = 'ok'
          await engine.retryAllNow()
          expect(store.items()).toEqual([])
          // Every write reached the server exactly once: applied, or refused for good.
          expect([...results.keys()].sort()).toEqual([...submitted].sort())
          expect(applied).toEqual(submitted.filter((id) => results.get(id)!.ok))
          expect(store.rejected.map((r) => r.id)).toEqual(submitted.filter((id) => !results.get(id)!.ok))
        }
      ),
      { numRuns: 150 }
    )
  })
})
