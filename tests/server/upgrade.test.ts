/**
 * `npm run upgrade` on a copy of the demo deployment (made before data versions existed, so at version 0): it
 * backs up, runs the migrations, can be rolled back to the backup, and rolls back by itself when a migration
 * fails. The runner works over the storage port only: the same migrations run on the CloudBase stand-in.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'
import {
  MIGRATIONS,
  currentVersion,
  latestVersion,
  migrate,
  stampIfEmpty,
  type Migration
} from '../../server/storage/migrations'
import type { StoragePort } from '../../server/storage/port'
import { seedDemo } from '../../server/seed/seed'
import { upgrade } from '../../server/tools/upgrade'
import { DEFAULT_NOW } from '../support/harness'
import { ROOT, buildServerOnce, cleanEnv } from '../support/serve-process'

jest.setTimeout(60_000)

let dir: string
let db: string
beforeAll(() => buildServerOnce())
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yl-upgrade-'))
  db = path.join(dir, 'yinling.db')
  const store = new SqliteStorage({ filename: db })
  await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
  await store.close()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build/upgrade.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cleanEnv({ YINLING_DATA_DIR: dir })
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

async function look<T>(fn: (s: SqliteStorage) => Promise<T>): Promise<T> {
  const s = new SqliteStorage({ filename: db })
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}

const flags = (s: StoragePort) =>
  s.find('accounts', { limit: 1000 }).then((all) => all.map((a) => a.mustChangePassword))

describe('npm run upgrade', () => {
  it('backs up, migrates the demo deployment to the latest version, and rolls back on request', async () => {
    const before = await look(async (s) => ({
      version: await currentVersion(s),
      flags: await flags(s),
      accounts: await s.count('accounts')
    }))
    expect(before.version).toBe(0)
    expect(before.flags.every((f) => f === undefined)).toBe(true)

    const up = run()
    expect(up.err).toBe('')
    expect(up.code).toBe(0)
    expect(up.out).toContain(`第 0 版 → 第 ${latestVersion(MIGRATIONS)} 版`)
    expect(up.out).toContain(`accounts: mustChangePassword（${before.accounts} 条）`)
    const after = await look(async (s) => ({ version: await currentVersion(s), flags: await flags(s) }))
    expect(after.version).toBe(latestVersion(MIGRATIONS))
    expect(after.flags).toEqual(before.flags.map(() => false))
    const backups = readdirSync(path.join(dir, 'backups'))
    expect(backups).toEqual([expect.stringMatching(/^pre-upgrade-v0-.*\.db$/)])

    // Nothing left to do: no second backup.
    const again = run()
    expect(again.out).toContain('无需升级')
    expect(readdirSync(path.join(dir, 'backups'))).toHaveLength(1)

    const back = run('--rollback')
    expect(back.err).toBe('')
    expect(back.code).toBe(0)
    expect(back.out).toContain('数据第 0 版')
    const restored = await look(async (s) => ({ version: await currentVersion(s), flags: await flags(s) }))
    expect(restored).toEqual({ version: 0, flags: before.flags })
  })

  it('puts the backup back by itself when a migration fails halfway', async () => {
    const broken: Migration = {
      version: 2,
      name: 'breaks halfway',
      async up(store) {
        await store.transaction(async (tx) => tx.update('persons', 'p-zhangguilan', { name: '改坏了' }))
        throw new Error('disk on fire')
      }
    }
    const r = await upgrade(db, [...MIGRATIONS, broken])
    expect(r.status).toBe('rolled-back')
    expect(r.error).toBe('disk on fire')
    expect(existsSync(r.backup!)).toBe(true)
    const state = await look(async (s) => ({
      version: await currentVersion(s),
      name: (await s.get('persons', 'p-zhangguilan'))?.name,
      flags: await flags(s)
    }))
    // Not even the first, successful migration is kept: the database is exactly as before the upgrade.
    expect(state.version).toBe(0)
    expect(state.name).toBe('张桂兰')
    expect(state.flags.every((f) => f === undefined)).toBe(true)
  })

  it('refuses a database newer than the code', async () => {
    await look(async (s) =>
      s.transaction(async (tx) =>
        tx.put('settings', {
          _id: 'schemaVersion',
          value: { version: 99, history: [] },
          updatedAt: 1,
          updatedBy: 'upgrade'
        })
      )
    )
    const r = run()
    expect(r.code).toBe(1)
    expect(r.err).toContain('比这个程序')
  })
})

describe('the migration runner over the storage port', () => {
  it('runs the same migrations on the CloudBase stand-in, once', async () => {
    const store = new CloudbaseStorage(new MemoryCloudDb())
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    const first = await migrate(store, MIGRATIONS, { now: () => DEFAULT_NOW })
    expect(first.from).toBe(0)
    expect(first.to).toBe(latestVersion(MIGRATIONS))
    expect((await flags(store)).every((f) => f === false)).toBe(true)
    const second = await migrate(store, MIGRATIONS, { now: () => DEFAULT_NOW })
    expect(second.applied).toEqual([])
  })

  it('stamps an empty deployment with the latest version and leaves a used one alone', async () => {
    const empty = new CloudbaseStorage(new MemoryCloudDb())
    expect(await stampIfEmpty(empty, MIGRATIONS, DEFAULT_NOW)).toBe(latestVersion(MIGRATIONS))
    const used = new CloudbaseStorage(new MemoryCloudDb())
    await seedDemo(used, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    expect(await stampIfEmpty(used, MIGRATIONS, DEFAULT_NOW)).toBe(0)
  })
})
