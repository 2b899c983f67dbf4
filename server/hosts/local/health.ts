/**
 * GET /healthz: can the host read its database, and is there room left on the disk that holds it? 200 when
 * both are fine, 503 otherwise (a monitor or the reverse proxy can act on the status alone).
 */
import { statfs } from 'node:fs/promises'
import type { StoragePort } from '../../storage/port'

/** Below this much free space writes may start failing (SQLite's WAL, photos, backups): report it. */
export const MIN_FREE_BYTES = 500 * 1024 * 1024

export interface HealthReport {
  ok: boolean
  storage: string
  database: { ok: boolean; error?: string }
  disk?: { ok: boolean; freeBytes: number; totalBytes: number; minFreeBytes: number }
}

export async function healthReport(
  store: StoragePort,
  dataDir: string | undefined,
  minFreeBytes = MIN_FREE_BYTES
): Promise<HealthReport> {
  let database: HealthReport['database']
  try {
    await store.find('settings', { limit: 1 })
    database = { ok: true }
  } catch (err) {
    database = { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
  let disk: HealthReport['disk']
  if (dataDir) {
    try {
      const s = await statfs(dataDir)
      const freeBytes = s.bavail * s.bsize
      disk = { ok: freeBytes >= minFreeBytes, freeBytes, totalBytes: s.blocks * s.bsize, minFreeBytes }
    } catch {
      disk = { ok: false, freeBytes: 0, totalBytes: 0, minFreeBytes }
    }
  }
  return { ok: database.ok && (disk?.ok ?? true), storage: store.name, database, disk }
}
