/**
 * The CloudBase entry: the `api` cloud function. Identity is `cloud.getWXContext().OPENID` and nothing else;
 * from the event only the call's own fields are read (WeChat adds `userInfo` to it; payload ids are ignored
 * for identity by the router). Cloud functions run in UTC: business days come from types/time.ts.
 */
import { MAX_BODY_BYTES, type Envelope } from '../../../types/envelope'
import { errEnvelope } from '../../core/app-error'
import { systemClock, type Clock } from '../../core/clock'
import type { Logger } from '../../core/context'
import { createRouter } from '../../core/router'
import { handlers } from '../../handlers'
import { jsonLogger } from '../../core/logger'
import { CloudbaseStorage } from '../../storage/cloudbase/cloudbase-adapter'
import type { CloudDatabase } from '../../storage/cloudbase/cloud-database'
import type { FileUrlService } from '../../domain/files/photo-urls'

/** The part of wx-server-sdk this entry uses. */
export interface CloudSdk {
  init(options: { env: unknown }): void
  database(): CloudDatabase
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string }
  DYNAMIC_CURRENT_ENV: unknown
  /** Temporary download URLs for cloud-storage fileIDs (help request photos). */
  getTempFileURL?(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>
}

/** Photos are CloudBase fileIDs: the function (with admin rights) hands out temporary URLs to allowed readers. */
export function cloudFileUrls(cloud: CloudSdk): FileUrlService | undefined {
  const get = cloud.getTempFileURL?.bind(cloud)
  if (!get) return undefined
  return {
    async tempUrls(fileIds) {
      const out = new Map<string, string>()
      if (fileIds.length === 0) return out
      const res = await get({ fileList: fileIds.slice(0, 50) })
      for (const f of res.fileList ?? []) if (f.status === 0 && f.tempFileURL) out.set(f.fileID, f.tempFileURL)
      return out
    }
  }
}

export interface CloudMainOptions {
  clock?: Clock
  log?: Logger
  tokenKey?: string
}

const CALL_FIELDS = ['action', 'payload', 'mutationId', 'actingFor', 'clientTime'] as const

function pickCall(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of CALL_FIELDS) if (f in event) out[f] = event[f]
  return out
}

export function createCloudMain(cloud: CloudSdk, options: CloudMainOptions = {}) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const store = new CloudbaseStorage(cloud.database())
  const log = options.log ?? jsonLogger()
  const tokenKey = options.tokenKey ?? process.env.TOKEN_KEY ?? ''
  if (!tokenKey) log.error('TOKEN_KEY is not set: signed check-in codes will be refused')
  const router = createRouter({ store, clock: options.clock ?? systemClock, secrets: { tokenKey }, log, files: cloudFileUrls(cloud) }, handlers)

  return async function main(event: unknown): Promise<Envelope> {
    let size = 0
    try {
      size = JSON.stringify(event ?? {}).length
    } catch {
      return errEnvelope('BAD_REQUEST')
    }
    if (size > MAX_BODY_BYTES) return errEnvelope('PAYLOAD_TOO_LARGE')
    const { OPENID } = cloud.getWXContext()
    const accountId = OPENID ? `wx:${OPENID}` : null
    const ev = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>
    const body = Array.isArray(ev.batch) ? { batch: ev.batch } : 'batch' in ev ? { batch: ev.batch } : pickCall(ev)
    return router.handle(accountId, body)
  }
}
