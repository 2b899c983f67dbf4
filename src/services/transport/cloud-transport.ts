import Taro from '@tarojs/taro'
import type { ApiBatch, ApiCall, Envelope } from '@contract/envelope'
import { NetworkError, isEnvelope, type Transport } from './transport'

let initialised = false

/** wx.cloud.callFunction('api'): WeChat attaches the caller's OPENID; no token is sent or needed. */
export function cloudTransport(env: string | undefined): Transport {
  return {
    kind: 'cloud',
    async send(body: ApiCall | ApiBatch): Promise<Envelope> {
      if (!initialised) {
        Taro.cloud.init({ env, traceUser: true })
        initialised = true
      }
      try {
        const res = await Taro.cloud.callFunction({ name: 'api', data: body as unknown as Record<string, unknown> })
        if (isEnvelope(res.result)) return res.result
        throw new NetworkError('cloud function answered without an envelope')
      } catch (err) {
        if (err instanceof NetworkError) throw err
        throw new NetworkError(String((err as { errMsg?: string })?.errMsg ?? err))
      }
    }
  }
}
