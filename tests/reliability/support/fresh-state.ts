/**
 * Many fresh copies of one prepared database, cheaply: the demo deployment is seeded (and whatever a suite
 * adds) once, then each test case gets its own copy — a file copy on SQLite, a document copy on the CloudBase
 * stand-in — so a case that changes data cannot affect the next one.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { StoragePort } from '../../../server/storage/port'
import { SqliteStorage } from '../../../server/storage/sqlite/sqlite-adapter'
import { CloudbaseStorage } from '../../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../../server/storage/cloudbase/memory-cloud-db'
import { COLLECTION_NAMES } from '../../../server/storage/schema'
import { FixedClock } from '../../../server/core/clock'
import { seedDemo } from '../../../server/seed/seed'
import { DEFAULT_NOW, harnessOver, type Harness } from '../../support/harness'
import { findAll } from '../sim/invariants'

export interface Template {
  name: string
  fresh(): Promise<Harness>
  dispose(): Promise<void>
}

export async function template(
  kind: 'sqlite' | 'cloudbase',
  prepare: (h: Harness) => Promise<void>,
  now = DEFAULT_NOW
): Promise<Template> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'yl-template-'))
    const file = path.join(dir, 'template.db')
    const store = new SqliteStorage({ filename: file })
    await seedDemo(store, { now, passwordHash: () => 'scrypt$x$y' })
    await prepare(harnessOver(store, new FixedClock(now), async () => undefined))
    store.database.pragma('wal_checkpoint(TRUNCATE)')
    await store.close()
    let n = 0
    return {
      name: 'sqlite (file, WAL)',
      async fresh() {
        const copy = path.join(dir, `case-${n++}.db`)
        copyFileSync(file, copy)
        const s = new SqliteStorage({ filename: copy })
        return harnessOver(s, new FixedClock(now), async () => {
          await s.close()
          for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
        })
      },
      async dispose() {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const source: StoragePort = new CloudbaseStorage(new MemoryCloudDb())
  await seedDemo(source, { now, passwordHash: () => 'scrypt$x$y' })
  await prepare(harnessOver(source, new FixedClock(now), async () => undefined))
  const docs = await Promise.all(COLLECTION_NAMES.map(async (c) => [c, await findAll(source, c)] as const))
  return {
    name: 'cloudbase (stand-in)',
    async fresh() {
      const store = new CloudbaseStorage(new MemoryCloudDb())
      for (const [c, list] of docs) {
        for (let i = 0; i < list.length; i += 200) {
          await store.transaction(async (tx) => {
            for (const d of list.slice(i, i + 200)) await tx.put(c, d as never)
          })
        }
      }
      return harnessOver(store, new FixedClock(now), async () => undefined)
    },
    async dispose() {}
  }
}
