/**
 * Online backup and restore of the local SQLite database. The backup uses SQLite's backup API through
 * better-sqlite3 (`db.backup`), which copies a consistent snapshot page by page while the host keeps serving;
 * the copy is then checked with `PRAGMA integrity_check`.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import type { SqliteStorage } from './sqlite-adapter'
import { COLLECTION_NAMES } from '../schema'

export interface BackupReport {
  file: string
  bytes: number
  integrity: string
  counts: Record<string, number>
}

export function inspect(file: string): BackupReport {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown'
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
    )
    const counts: Record<string, number> = {}
    for (const c of COLLECTION_NAMES) {
      if (tables.has(`c_${c}`)) counts[c] = (db.prepare(`SELECT COUNT(*) AS n FROM c_${c}`).get() as { n: number }).n
    }
    return { file, bytes: statSync(file).size, integrity, counts }
  } finally {
    db.close()
  }
}

/** Copies a consistent snapshot of the live database to `dest` and verifies it. */
export async function backupDatabase(store: SqliteStorage, dest: string): Promise<BackupReport> {
  const tmp = `${dest}.partial`
  if (existsSync(tmp)) rmSync(tmp)
  await store.database.backup(tmp)
  // The copy inherits WAL mode; a backup should be one self-contained file (no -wal/-shm beside it).
  const copy = new Database(tmp)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  const report = inspect(tmp)
  if (report.integrity !== 'ok') {
    rmSync(tmp)
    throw new Error(`backup failed its integrity check: ${report.integrity}`)
  }
  renameSync(tmp, dest)
  return { ...report, file: dest }
}

/**
 * Puts a backup in place of the database file. The host must be stopped: the WAL and shared-memory files of
 * the old database are removed so they cannot be replayed over the restored one.
 */
export function restoreDatabase(backupFile: string, dbFile: string): BackupReport {
  const report = inspect(backupFile)
  if (report.integrity !== 'ok') throw new Error(`the backup is damaged: ${report.integrity}`)
  if (!('orgUnits' in report.counts)) throw new Error('this file is not a 银龄之家 database')
  for (const f of [`${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(f)) rmSync(f)
  copyFileSync(backupFile, `${dbFile}.restoring`)
  renameSync(`${dbFile}.restoring`, dbFile)
  return { ...report, file: dbFile }
}
