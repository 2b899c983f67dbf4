/**
 * Every storage adapter, for suites that must hold on all of them (describe.each(ADAPTERS)). The CloudBase
 * adapter runs over the in-memory stand-in of the wx-server-sdk database (memory-cloud-db.ts, fast);
 * ADAPTERS_WITH_REAL_SDK adds it through the real wx-server-sdk client, whose HTTP requests a local server answers.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { StoragePort } from '../../server/storage/port'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'
import { realSdkDatabase, startCloudbaseWire } from './cloudbase-wire'

export interface AdapterCase {
  name: string
  /** `seedStore`, when given, writes the same data without the network (fast set-up of a test's starting state). */
  make(): Promise<{ store: StoragePort; cleanup(): Promise<void>; db?: MemoryCloudDb; seedStore?: StoragePort }>
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

/**
 * The CloudBase adapter through the real wx-server-sdk 3.0.4 database client; only CloudBase's HTTP API is
 * answered locally (tests/support/cloudbase-wire.ts). Each request costs a real signed HTTP round trip (~5 ms),
 * so the suites that must hold on production's path run it (storage contract, the capacity and points races,
 * the concurrency suite): use ADAPTERS_WITH_REAL_SDK there.
 */
export const REAL_SDK_ADAPTER: AdapterCase = {
  name: 'cloudbase (real wx-server-sdk, local wire)',
  async make() {
    const wire = await startCloudbaseWire()
    const store = new CloudbaseStorage(realSdkDatabase(wire))
    // Set-up data goes straight into the database the wire serves; the test's own calls go through the SDK.
    return { store, db: wire.db, seedStore: new CloudbaseStorage(wire.db), cleanup: () => wire.close() }
  }
}

export const ADAPTERS_WITH_REAL_SDK: AdapterCase[] = [...ADAPTERS, REAL_SDK_ADAPTER]
