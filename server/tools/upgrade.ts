/**
 * An upgrade of a self-hosted deployment's data: back up, run the pending migrations, and put the backup back
 * if any of them fails. `rollback` puts the newest pre-upgrade backup (or a given one) back by hand, e.g. when
 * the new version misbehaves after a good upgrade. The host must be stopped for both (README「升级」).
 */
import { mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { backupDatabase, restoreDatabase } from '../storage/sqlite/backup'
import { migrate, versionStatus, type Migration } from '../storage/migrations'

export interface UpgradeOutcome {
  status: 'up-to-date' | 'upgraded' | 'rolled-back'
  from: number
  to: number
  backup: string | null
  applied: string[]
  error?: string
}

export const backupDir = (dbFile: string) => path.join(path.dirname(dbFile), 'backups')
const PREFIX = 'pre-upgrade-'

export async function upgrade(
  dbFile: string,
  migrations: readonly Migration[],
  now: () => number = Date.now
): Promise<UpgradeOutcome> {
  const store = new SqliteStorage({ filename: dbFile })
  let backup: string | null = null
  let from = 0
  try {
    const status = await versionStatus(store, migrations)
    from = status.at
    if (status.newer)
      throw new Error(`数据库是第 ${status.at} 版，比这个程序（第 ${status.latest} 版）新：请运行新版程序`)
    if (status.pending.length === 0) return { status: 'up-to-date', from, to: from, backup: null, applied: [] }
    mkdirSync(backupDir(dbFile), { recursive: true })
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-')
    backup = (await backupDatabase(store, path.join(backupDir(dbFile), `${PREFIX}v${from}-${stamp}.db`))).file
    const report = await migrate(store, migrations, { now })
    return {
      status: 'upgraded',
      from,
      to: report.to,
      backup,
      applied: report.applied.map((a) => `${a.version} ${a.name}（${a.changed} 条）`)
    }
  } catch (err) {
    if (!backup) throw err
    await store.close()
    restoreDatabase(backup, dbFile)
    return {
      status: 'rolled-back',
      from,
      to: from,
      backup,
      applied: [],
      error: err instanceof Error ? err.message : String(err)
    }
  } finally {
    await store.close().catch(() => undefined)
  }
}

/** The newest backup made by `upgrade`, or null. */
export function latestUpgradeBackup(dbFile: string): string | null {
  let names: string[]
  try {
    names = readdirSync(backupDir(dbFile)).filter((n) => n.startsWith(PREFIX) && n.endsWith('.db'))
  } catch {
    return null
  }
  // The ISO stamp sorts by time within one version; the newest is the one with the latest stamp.
  names.sort((a, b) => a.replace(/^pre-upgrade-v\d+-/, '').localeCompare(b.replace(/^pre-upgrade-v\d+-/, '')))
  return names.length ? path.join(backupDir(dbFile), names[names.length - 1]) : null
}

export function rollback(dbFile: string, file?: string) {
  const source = file ? path.resolve(file) : latestUpgradeBackup(dbFile)
  if (!source) throw new Error(`没有找到升级前的备份（${backupDir(dbFile)}/${PREFIX}*.db）`)
  return restoreDatabase(source, dbFile)
}
