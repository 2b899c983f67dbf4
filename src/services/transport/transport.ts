import type { ApiBatch, ApiCall, Envelope } from '@contract/envelope'

/** One way to reach the `api` function. Resolves with the server's envelope, or throws NetworkError. */
export interface Transport {
  readonly kind: 'http' | 'cloud'
  send(body: ApiCall | ApiBatch): Promise<Envelope>
}

/** No envelope came back: not sent, timed out, or the answer was lost. The outbox will try again. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}

export function isEnvelope(v: unknown): v is Envelope {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'
}
