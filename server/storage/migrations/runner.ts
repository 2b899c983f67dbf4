/**
 * The data version of a deployment and the runner that brings it up to date, over the storage port only (so
 * the same list runs on SQLite and on the CloudBase document database).
 *
 * - The version is the settings document `schemaVersion` ({ version, history }). A database without it is at
 *   version 0 (everything made before versions existed), unless it is empty: a fresh deployment is stamped
 *   with the latest version, as there is nothing to change.
 * - Migrations run in order of `version`; after each one the version is raised in its own transaction. A
 *   migration must be safe to run again (it may be interrupted before the version is raised): it changes only
 *   what is still in the old shape, one document per transaction, and reads pages of at most 1000.
 * - A database newer than the code (a version this build does not know) is refused: run the newer code, or
 *   restore the backup taken before the upgrade.
 */
import type { StoragePort } from '../port'
import type { SettingsDoc } from '../schema'

export interface Migration {
  version: number
  /** Short, for the log and the history: what it changes. */
  name: string
  up(store: StoragePort, now: number): Promise<{ changed: number }>
}

export const VERSION_DOC_ID = 'schemaVersion'

interface VersionValue {
  version: number
  history: { version: number; name: string; at: number; changed: number }[]
}

export const latestVersion = (migrations: readonly Migration[]) =>
  migrations.reduce((v, m) => Math.max(v, m.version), 0)

function versionValue(doc: SettingsDoc | null): VersionValue {
  const v = doc?.value as Partial<VersionValue> | undefined
  return {
    version: typeof v?.version === 'number' ? v.version : 0,
    history: Array.isArray(v?.history) ? v.history : []
  }
}

export async function currentVersion(store: StoragePort): Promise<number> {
  return versionValue(await store.get('settings', VERSION_DOC_ID)).version
}

async function isEmpty(store: StoragePort): Promise<boolean> {
  const [accounts, units] = await Promise.all([
    store.find('accounts', { limit: 1 }),
    store.find('orgUnits', { limit: 1 })
  ])
  return accounts.length === 0 && units.length === 0
}

/** A fresh (empty) deployment starts at the latest version. Returns the version the database is at. */
export async function stampIfEmpty(store: StoragePort, migrations: readonly Migration[], now: number): Promise<number> {
  const doc = await store.get('settings', VERSION_DOC_ID)
  if (doc || !(await isEmpty(store))) return versionValue(doc).version
  const latest = latestVersion(migrations)
  await store.transaction(async (tx) => {
    if (await tx.get('settings', VERSION_DOC_ID)) return
    await tx.create('settings', {
      _id: VERSION_DOC_ID,
      value: { version: latest, history: [] },
      updatedAt: now,
      updatedBy: 'upgrade'
    })
  })
  return currentVersion(store)
}

export class VersionError extends Error {}

/** What the running code must do with this database: nothing, upgrade first, or refuse (it is newer). */
export async function versionStatus(store: StoragePort, migrations: readonly Migration[]) {
  const at = await currentVersion(store)
  const latest = latestVersion(migrations)
  return { at, latest, pending: migrations.filter((m) => m.version > at).map((m) => m.name), newer: at > latest }
}

export interface MigrateReport {
  from: number
  to: number
  applied: { version: number; name: string; changed: number }[]
}

export async function migrate(
  store: StoragePort,
  migrations: readonly Migration[],
  options: { now: () => number; onStep?: (m: Migration, changed: number) => void }
): Promise<MigrateReport> {
  const versions = migrations.map((m) => m.version)
  if (new Set(versions).size !== versions.length || versions.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new VersionError('migration versions must be distinct positive integers')
  }
  const from = await currentVersion(store)
  const latest = latestVersion(migrations)
  if (from > latest) throw new VersionError(`the database is at version ${from}, newer than this code (${latest})`)
  const applied: MigrateReport['applied'] = []
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= from) continue
    const { changed } = await m.up(store, options.now())
    const at = options.now()
    await store.transaction(async (tx) => {
      const doc = await tx.get('settings', VERSION_DOC_ID)
      const value = versionValue(doc)
      const next = {
        _id: VERSION_DOC_ID,
        value: { version: m.version, history: [...value.history, { version: m.version, name: m.name, at, changed }] },
        updatedAt: at,
        updatedBy: 'upgrade'
      }
      await tx.put('settings', next)
    })
    applied.push({ version: m.version, name: m.name, changed })
    options.onStep?.(m, changed)
  }
  return { from, to: await currentVersion(store), applied }
}
