/**
 * A network that misbehaves on purpose, between the simulated phones' sync engines and the server. For each
 * request it draws (from the seeded PRNG) one of:
 *
 * - drop-request:   lost on the way; the server never sees it, the phone gets a network error;
 * - drop-response:  the server runs it (and commits), the answer is lost; the phone gets a network error;
 * - duplicate:      delivered twice at once (a retrying proxy); the phone gets one of the answers;
 * - delay:          held back and delivered later, after requests sent after it (reordering); the phone times
 *                   out with a network error; held requests are released at random moments, in random order;
 * - server-error:   an overloaded gateway answers for the server without running anything: BUSY (503),
 *                   INTERNAL (500), or a 502 page that is not an envelope at all;
 * - ok:             delivered once, answered.
 *
 * A phone may also be offline for a while (every request fails at once). `heal()` stops all faults and
 * delivers everything still held, so the suite can sync to quiescence and check the server's records.
 */
import type { ApiBatch, ApiCall, Envelope } from '../../../types/envelope'
import { NetworkError, type Transport } from '../../../src/services/transport/transport'
import type { Rng } from './prng'

export type FaultKind = 'drop-request' | 'drop-response' | 'duplicate' | 'delay' | 'server-error' | 'offline'

export interface FaultRates {
  dropRequest: number
  dropResponse: number
  duplicate: number
  delay: number
  serverError: number
}

export const DEFAULT_RATES: FaultRates = {
  dropRequest: 0.08,
  dropResponse: 0.08,
  duplicate: 0.05,
  delay: 0.06,
  serverError: 0.06
}

/** Sends one request body to the server as `accountId` and returns its envelope (throws NetworkError if the host says nothing usable). */
export type Deliver = (accountId: string, body: ApiCall | ApiBatch) => Promise<Envelope>

export class FaultNetwork {
  readonly injected: Record<FaultKind | 'delivered' | 'released', number> = {
    'drop-request': 0,
    'drop-response': 0,
    duplicate: 0,
    delay: 0,
    'server-error': 0,
    offline: 0,
    delivered: 0,
    released: 0
  }
  private held: { accountId: string; body: ApiCall | ApiBatch }[] = []
  private readonly offline = new Set<string>()
  private healed = false
  /** Deliveries running now (released held ones included): heal() waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(
    private readonly rng: Rng,
    private readonly deliver: Deliver,
    private readonly rates: FaultRates = DEFAULT_RATES
  ) {}

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p)
    const done = () => void this.inFlight.delete(p)
    p.then(done, done)
    return p
  }

  private send(accountId: string, body: ApiCall | ApiBatch): Promise<Envelope> {
    this.injected.delivered += 1
    // A copy: the server never shares objects with the phone, as over a real wire.
    return this.track(this.deliver(accountId, JSON.parse(JSON.stringify(body)) as ApiCall | ApiBatch))
  }

  /** The transport one phone uses. */
  transportFor(accountId: string): Transport {
    return {
      kind: 'http',
      send: async (body) => {
        if (this.healed) return this.send(accountId, body)
        if (this.offline.has(accountId)) {
          this.injected.offline += 1
          throw new NetworkError('offline')
        }
        const r = this.rng()
        let edge = this.rates.dropRequest
        if (r < edge) {
          this.injected['drop-request'] += 1
          throw new NetworkError('request lost')
        }
        if (r < (edge += this.rates.dropResponse)) {
          this.injected['drop-response'] += 1
          await this.send(accountId, body).catch(() => undefined)
          throw new NetworkError('answer lost')
        }
        if (r < (edge += this.rates.duplicate)) {
          this.injected.duplicate += 1
          const [first] = await Promise.all([this.send(accountId, body), this.send(accountId, body)])
          return first
        }
        if (r < (edge += this.rates.delay)) {
          this.injected.delay += 1
          this.held.push({ accountId, body: JSON.parse(JSON.stringify(body)) as ApiCall | ApiBatch })
          throw new NetworkError('timed out')
        }
        if (r < edge + this.rates.serverError) {
          this.injected['server-error'] += 1
          const kind = this.rng.int(0, 2)
          if (kind === 0) return { ok: false, code: 'BUSY', message: '现在办理的人太多，请稍等一会儿再试' }
          if (kind === 1) return { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试，或联系工作人员' }
          throw new NetworkError('HTTP 502 without an envelope')
        }
        return this.send(accountId, body)
      }
    }
  }

  setOffline(accountId: string, off: boolean): void {
    if (off) this.offline.add(accountId)
    else this.offline.delete(accountId)
  }

  /** Delivers some held requests (each with probability p), in random order, concurrently. */
  releaseSome(p = 0.3): Promise<void> {
    if (!this.held.length) return Promise.resolve()
    const go = this.rng.shuffle(this.held.filter(() => this.rng.chance(p)))
    this.held = this.held.filter((h) => !go.includes(h))
    this.injected.released += go.length
    return Promise.all(go.map((h) => this.send(h.accountId, h.body).catch(() => undefined))).then(() => undefined)
  }

  get heldCount(): number {
    return this.held.length
  }

  /** No more faults: everyone is online, everything held is delivered, and nothing is still on the wire. */
  async heal(): Promise<void> {
    this.healed = true
    this.offline.clear()
    const go = this.rng.shuffle(this.held)
    this.held = []
    this.injected.released += go.length
    await Promise.all(go.map((h) => this.send(h.accountId, h.body).catch(() => undefined)))
    while (this.inFlight.size) await Promise.all([...this.inFlight].map((p) => p.catch(() => undefined)))
  }
}
