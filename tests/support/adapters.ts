/**
 * Every storage adapter, for suites that must hold on all of them (describe.each(ADAPTERS)). The CloudBase
 * adapter runs over the in-memory stand-in of the wx-server-sdk database (see memory-cloud-db.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { StoragePort } from '../../server/storage/port'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'

export interface AdapterCase {
  name: string
  make(): Promise<{ store: StoragePort; cleanup(): Promise<void>; db?: MemoryCloudDb }>
}

export const ADAPTERS: AdapterCase[] = [
  {
    name: 'sqlite (file, WAL)',
    async make() {
      const dir = mkdtempSync(path.join(tmpdir(), 'yl-sqlite-'))
      const store = new SqliteStorage({ filename: path.join(dir, 'test.db') })
      return {
        store,
        async cleanup() {
          await store.close()
          rmSync(dir, { recursive: true, force: true })
        }
      }
    }
  },
  {
    name: 'cloudbase (stand-in)',
    async make() {
      const db = new MemoryCloudDb()
      const store = new CloudbaseStorage(db)
      return { store, db, async cleanup() {} }
    }
  }
]
