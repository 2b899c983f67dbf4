import Taro from '@tarojs/taro'
import type { ApiBatch, ApiCall, Envelope } from '@contract/envelope'
import { ERRORS } from '@contract/errors'
import { NetworkError, isEnvelope, type Transport } from './transport'

/**
 * HTTP to the local host (h5, or weapp when an API base URL is configured). Bearer token from the session;
 * `session` (weapp) makes one first when there is none (WeChat login through the server).
 */
export function httpTransport(base: string, token: () => string | null, session?: () => Promise<void>): Transport {
  return {
    kind: 'http',
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      if (session && !token()) {
        try {
          await session()
        } catch (err) {
          if (err instanceof NetworkError) throw err
          // WeChat or the server refused the login: answer as the server would for a call without a session.
          const { code, message } = err as { code?: string; message?: string }
          return { ok: false, code: (code ?? 'UNAUTHENTICATED') as never, message: message ?? '' }
        }
      }
      let res: { statusCode: number; data: unknown }
      try {
        const t = token()
        res = await Taro.request({
          url: `${base}/api`,
          method: 'POST',
          data: body,
          header: { 'Content-Type': 'application/json', ...(t ? { Authorization: `Bearer ${t}` } : {}) },
          timeout: 15000,
          dataType: 'json'
        })
      } catch (err) {
        throw new NetworkError(err instanceof Error ? err.message : String((err as { errMsg?: string })?.errMsg ?? err))
      }
      if (isEnvelope(res.data)) return res.data
      // A proxy in front of the host (nginx's client_max_body_size) answers 413 with a page of its own: still a
      // final refusal in words, never a network failure to retry for ever.
      if (res.statusCode === 413)
        return { ok: false, code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message }
      throw new NetworkError(`HTTP ${res.statusCode} without an envelope`)
    }
  }
}

/** Host endpoints outside the api function (login, demo accounts). */
export async function hostRequest<T>(
  base: string,
  path: string,
  data?: unknown,
  token?: string | null
): Promise<Envelope<T>> {
  try {
    const res = await Taro.request({
      url: `${base}${path}`,
      method: data === undefined ? 'GET' : 'POST',
      data,
      header: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      timeout: 15000,
      dataType: 'json'
    })
    if (isEnvelope(res.data)) return res.data as Envelope<T>
    throw new NetworkError(`HTTP ${res.statusCode}`)
  } catch (err) {
    if (err instanceof NetworkError) throw err
    throw new NetworkError(String((err as { errMsg?: string })?.errMsg ?? err))
  }
}
