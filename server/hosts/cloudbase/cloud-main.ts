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
import { reconcilePoints } from '../../domain/points/points-reconcile'
import { reconcileHours } from '../../domain/volunteer/hours-reconcile'
import type { StoragePort } from '../../storage/port'
import { MIGRATIONS, migrate } from '../../storage/migrations'

/**
 * Scheduled jobs, run by the function's timer triggers (config.json, written by build-cloudfunction.mjs from
 * TIMER_TRIGGERS). Each checks the books and logs what does not add up; none changes data.
 */
export const TIMER_JOBS: Record<string, (store: StoragePort) => Promise<{ mismatches: unknown[] }>> = {
  'points-reconcile': reconcilePoints,
  'hours-reconcile': reconcileHours
}

/** CloudBase timer cron (seconds minutes hours day month weekday year), evaluated in Beijing time (UTC+8). */
export const TIMER_TRIGGERS: { name: keyof typeof TIMER_JOBS & string; type: 'timer'; config: string }[] = [
  { name: 'points-reconcile', type: 'timer', config: '0 0 3 * * * *' },
  { name: 'hours-reconcile', type: 'timer', config: '0 15 3 * * * *' }
]

/** The part of wx-server-sdk this entry uses. */
export interface CloudSdk {
  init(options: { env: unknown }): void
  database(): CloudDatabase
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string }
  DYNAMIC_CURRENT_ENV: unknown
  /** Temporary download URLs for cloud-storage fileIDs (help request photos). */
  getTempFileURL?(options: {
    fileList: string[]
  }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>
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
  const router = createRouter(
    { store, clock: options.clock ?? systemClock, secrets: { tokenKey }, log, files: cloudFileUrls(cloud) },
    handlers
  )

  async function runTimer(name: string): Promise<Envelope> {
    const job = Object.prototype.hasOwnProperty.call(TIMER_JOBS, name) ? TIMER_JOBS[name] : undefined
    if (!job) return errEnvelope('UNKNOWN_ACTION')
    const report = await job(store)
    if (report.mismatches.length)
      log.error(`${name}: books do not add up`, { mismatches: report.mismatches.slice(0, 50) })
    else log.info(`${name}: ok`)
    return { ok: true, data: { job: name, mismatches: report.mismatches.length } }
  }

  return async function main(event: unknown): Promise<Envelope> {
    let size: number
    try {
      size = JSON.stringify(event ?? {}).length
    } catch {
      return errEnvelope('BAD_REQUEST')
    }
    if (size > MAX_BODY_BYTES) return errEnvelope('PAYLOAD_TOO_LARGE')
    const { OPENID } = cloud.getWXContext()
    const accountId = OPENID ? `wx:${OPENID}` : null
    const ev = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>
    // A timer trigger: CloudBase calls with { Type: 'Timer', TriggerName } and no user. A mini-program call
    // always has an OPENID, so a phone cannot start a job by sending the same fields.
    if (!OPENID && ev.Type === 'Timer' && typeof ev.TriggerName === 'string') return runTimer(ev.TriggerName)
    // Document migrations after an upgrade: invoked from the CloudBase console (云端测试) or the management API
    // with { "Type": "Migrate" }; never from a phone (no OPENID). Safe to repeat: done documents are skipped.
    if (!OPENID && ev.Type === 'Migrate') {
      const clock = options.clock ?? systemClock
      const report = await migrate(store, MIGRATIONS, {
        now: () => clock.now(),
        onStep: (m, changed) => log.info(`schema ${m.version}: ${m.name}`, { changed })
      })
      return { ok: true, data: report }
    }
    const body = Array.isArray(ev.batch) ? { batch: ev.batch } : 'batch' in ev ? { batch: ev.batch } : pickCall(ev)
    return router.handle(accountId, body)
  }
}
