/**
 * Schema changes to stored documents (a field added, renamed, reshaped) as versioned migrations that run on any
 * adapter: only the storage port is used, and each document is rewritten in its own transaction, which is all a
 * CloudBase transaction can do. The version and its history are the runner's (runner.ts): one list of
 * migrations (index.ts) for every deployment, run by `npm run upgrade` on the local host and by the `api`
 * function's `{ Type: 'Migrate' }` on CloudBase.
 *
 * A migration's `up` gets a stored document and returns it in the new shape, or null when it already has that
 * shape. So a run that stopped half-way (a crash, a timeout of the cloud function) is simply run again: the
 * documents done before are skipped, and the version moves only when the whole collection is done.
 *
 * Deploy order: code that reads both shapes first, then the migration, then (a release later) code that reads
 * only the new one. A per-document migration joins index.ts's MIGRATIONS through `documentMigration`.
 */
import type { CollectionName, DocOf } from '../schema'
import type { StoragePort } from '../port'
import { currentVersion, migrate, type Migration } from './runner'

export interface DocMigration<C extends CollectionName = CollectionName> {
  /** The schema version this migration brings the database to (1, 2, 3 …; no gaps). */
  version: number
  collection: C
  description: string
  up(doc: Record<string, unknown>): DocOf<C> | null
}

/**
 * A per-document migration as a step of the data-version runner (runner.ts, whose version document and history
 * every deployment shares): pages through the collection by `_id` and rewrites each document in its own
 * transaction; a document `up` answers null for is already in the new shape.
 */
export function documentMigration(m: DocMigration, pageSize = 200): Migration {
  return {
    version: m.version,
    name: m.description,
    async up(store) {
      let changed = 0
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
          if (rewritten) changed += 1
        }
        if (page.length < pageSize) break
        after = page[page.length - 1]._id
      }
      return { changed }
    }
  }
}

export const schemaVersion = currentVersion

export interface MigrationReport {
  from: number
  to: number
  /** Documents rewritten, by migration version. */
  changed: Record<number, number>
}

/** Runs per-document migrations (versions 1, 2, 3 … without gaps) through the shared runner. */
export async function runMigrations(
  store: StoragePort,
  migrations: DocMigration[],
  options: { now: number; pageSize?: number; log?: (line: string) => void }
): Promise<MigrationReport> {
  const log = options.log ?? (() => undefined)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.description}: version ${m.version}, expected ${i + 1}`)
  })
  const byVersion = new Map(migrations.map((m) => [m.version, m]))
  const report = await migrate(
    store,
    migrations.map((m) => documentMigration(m, options.pageSize)),
    {
      now: () => options.now,
      onStep: (m, n) =>
        log(`schema ${m.version}: ${m.name} — ${n} ${byVersion.get(m.version)?.collection ?? ''} rewritten`)
    }
  )
  return {
    from: report.from,
    to: Math.max(report.from, report.to),
    changed: Object.fromEntries(report.applied.map((a) => [a.version, a.changed]))
  }
}
