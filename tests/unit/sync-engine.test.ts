import type { ApiBatch, ApiCall, Envelope } from '../../types/envelope'
import { createSyncEngine, type OutboxAccess } from '../../src/sync/sync-engine'
import { NetworkError, type Transport } from '../../src/services/transport/transport'
import type { OutboxItem, RejectedItem } from '../../src/sync/outbox-types'
import { backoffDelay } from '../../src/sync/backoff'

function memoryBox() {
  let items: OutboxItem[] = []
  const rejected: RejectedItem[] = []
  const box: OutboxAccess = {
    outbox: () => items,
    enqueue: (i) => void (items = [...items, i]),
    remove: (ids) => void (items = items.filter((i) => !ids.includes(i.id))),
    update: (id, patch) => void (items = items.map((i) => (i.id === id ? { ...i, ...patch } : i))),
    reject: (r) => void rejected.push(...r)
  }
  return { box, rejected, items: () => items }
}

/** A scripted server: answers each call by a rule, records what it saw. */
function scriptedTransport(answer: (call: ApiCall) => Envelope | 'drop'): Transport & { seen: ApiCall[]; online: boolean } {
  const t = {
    kind: 'http' as const,
    seen: [] as ApiCall[],
    online: true,
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      if (!t.online) throw new NetworkError('offline')
      const calls = 'batch' in body ? body.batch : [body]
      const results: Envelope[] = []
      for (const c of calls) {
        t.seen.push(c)
        const a = answer(c)
        if (a === 'drop') throw new NetworkError('dropped')
        results.push(a)
      }
      return { ok: true, data: results }
    }
  }
  return t
}

const item = (id: string, action = 'activity.signup') => ({ id, action, payload: { id }, actingFor: null, clientTime: 1, label: `报名 ${id}` })

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
    const { box, items } = memoryBox()
    const transport = scriptedTransport(() => ({ ok: true, data: { status: 'signed' } }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    const outcome = await engine.submit(item('m1'))
    expect(outcome).toEqual({ status: 'applied', data: { status: 'signed' } })
    expect(items()).toHaveLength(0)
    expect(transport.seen[0]).toMatchObject({ action: 'activity.signup', mutationId: 'm1' })
  })

  it('keeps a write made offline as queued, and sends it when the network is back', async () => {
    const { box, items } = memoryBox()
    const transport = scriptedTransport(() => ({ ok: true, data: 1 }))
    transport.online = false
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    expect(await engine.submit(item('m1'))).toEqual({ status: 'queued', id: 'm1' })
    expect(items()).toHaveLength(1)
    expect(items()[0].attempts).toBe(1)
    expect(items()[0].nextAttemptAt).toBeGreaterThan(now)
    transport.online = true
    await engine.retryAllNow()
    expect(items()).toHaveLength(0)
  })

  it('drops a write the server refuses for good, shows why, and does not block the ones behind it', async () => {
    const { box, items, rejected } = memoryBox()
    const transport = scriptedTransport((c) =>
      c.mutationId === 'bad' ? { ok: false, code: 'ACTIVITY_CANCELLED', message: '这个活动已取消，请看看其他活动' } : { ok: true, data: c.mutationId }
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
    expect(rejected.map((r) => [r.id, r.code, r.message])).toEqual([['bad', 'ACTIVITY_CANCELLED', '这个活动已取消，请看看其他活动']])
    expect(transport.seen.map((c) => c.mutationId)).toEqual(['a', 'bad', 'c'])
  })

  it('keeps a temporary failure for later and sends items in their original order', async () => {
    const { box, items } = memoryBox()
    let busy = true
    const transport = scriptedTransport((c) => (busy && c.mutationId === 'first' ? { ok: false, code: 'BUSY', message: '忙' } : { ok: true, data: null }))
    const engine = createSyncEngine({ transport: () => transport, box, ...deps() })
    transport.online = false
    void engine.submit(item('first'))
    void engine.submit(item('second'))
    await engine.flush()
    transport.online = true
    await engine.retryAllNow()
    // The server answered BUSY for 'first'; 'second' was applied in the same batch (a real server stops the
    // batch there; this scripted one does not), and 'first' waits with backoff.
    expect(items().map((i) => i.id)).toEqual(['first'])
    expect(items()[0].lastError).toBe('忙')
    busy = false
    now = items()[0].nextAttemptAt
    await engine.flush()
    expect(items()).toEqual([])
  })

  it('sends at most 50 per round trip', async () => {
    const { box, items } = memoryBox()
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
  })

  it('keeps items when the server says the caller is not logged in, and says so', async () => {
    const { box, items } = memoryBox()
    const transport = scriptedTransport(() => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' }))
    let told = 0
    const engine = createSyncEngine({ transport: () => transport, box, ...deps(), onUnauthenticated: () => void (told += 1) })
    expect((await engine.submit(item('m1'))).status).toBe('queued')
    expect(items()).toHaveLength(1)
    expect(told).toBe(1)
  })

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, () => 0.999)).toBeLessThan(2000)
    expect(backoffDelay(4, () => 0.999)).toBeGreaterThan(15000)
    expect(backoffDelay(40, () => 0.999)).toBeLessThanOrEqual(5 * 60_000)
    expect(backoffDelay(3, () => 0)).toBe(500)
  })
})
