/**
 * Schema changes to stored documents (a field added, renamed, reshaped) as versioned migrations that run on any
 * adapter: only the storage port is used, and each document is rewritten in its own transaction, which is all a
 * CloudBase transaction can do. The database's schema version is one `settings` document (`schemaVersion`).
 *
 * A migration's `up` gets a stored document and returns it in the new shape, or null when it already has that
 * shape. So a run that stopped half-way (a crash, a timeout of the cloud function) is simply run again: the
 * documents done before are skipped, and the version moves only when the whole collection is done.
 *
 * Deploy order: code that reads both shapes first, then the migration, then (a release later) code that reads
 * only the new one. MIGRATIONS lists the migrations of this code base in version order.
 */
import type { CollectionName, DocOf } from '../schema'
import type { StoragePort } from '../port'

export interface DocMigration<C extends CollectionName = CollectionName> {
  /** The schema version this migration brings the database to (1, 2, 3 …; no gaps). */
  version: number
  collection: C
  description: string
  up(doc: Record<string, unknown>): DocOf<C> | null
}

/** Every migration of this code base, in version order. Empty: the stored shapes are those of schema.ts. */
export const MIGRATIONS: DocMigration[] = []

export const SCHEMA_VERSION_ID = 'schemaVersion'

export async function schemaVersion(store: StoragePort): Promise<number> {
  const doc = await store.get('settings', SCHEMA_VERSION_ID)
  const v = doc?.value.version
  return typeof v === 'number' ? v : 0
}

export interface MigrationReport {
  from: number
  to: number
  /** Documents rewritten, by migration version. */
  changed: Record<number, number>
}

export async function runMigrations(
  store: StoragePort,
  migrations: DocMigration[] = MIGRATIONS,
  options: { now: number; pageSize?: number; log?: (line: string) => void }
): Promise<MigrationReport> {
  const pageSize = options.pageSize ?? 200
  const log = options.log ?? (() => undefined)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.description}: version ${m.version}, expected ${i + 1}`)
  })
  const from = await schemaVersion(store)
  const changed: Record<number, number> = {}
  for (const m of migrations.filter((x) => x.version > from)) {
    changed[m.version] = 0
    let after: string | null = null
    for (;;) {
      const page: { _id: string }[] = await store.find(m.collection, {
        ...(after === null ? {} : { where: { _id: { gt: after } } as never }),
        orderBy: [['_id' as never, 'asc']],
        limit: pageSize
      })
      for (const { _id } of page) {
        const rewritten = await store.transaction(async (tx) => {
          const cur = await tx.get(m.collection, _id)
          const next = cur ? m.up(cur as unknown as Record<string, unknown>) : null
          if (!next) return false
          if (next._id !== _id) throw new Error(`migration ${m.version} changed the _id of ${m.collection}/${_id}`)
          await tx.put(m.collection, next)
          return true
        })
        if (rewritten) changed[m.version] += 1
      }
      if (page.length < pageSize) break
      after = page[page.length - 1]._id
    }
    await store.transaction((tx) =>
      tx.put('settings', { _id: SCHEMA_VERSION_ID, value: { version: m.version }, updatedAt: options.now, updatedBy: 'migration' })
    )
    log(`schema ${m.version}: ${m.description} — ${changed[m.version]} ${m.collection} rewritten`)
  }
  return { from, to: Math.max(from, ...migrations.map((m) => m.version)), changed }
}
