/**
 * The scheduled backup (`npm run backup -- --keep N`, what the systemd timer runs): a good backup of the
 * deployment in YINLING_DATA_DIR, then only the newest N automatic backups are kept; upgrade backups and other
 * files in the folder are never removed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { DEFAULT_NOW } from '../support/harness'
import { ROOT, buildServerOnce, cleanEnv } from '../support/serve-process'

jest.setTimeout(60_000)

let dir: string
beforeAll(() => buildServerOnce())
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yl-keep-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('keeps the newest N automatic backups and nothing else is touched', async () => {
  const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
  await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
  await store.close()
  const backups = path.join(dir, 'backups')
  mkdirSync(backups)
  const old = [
    'yinling-2026-01-01T02-30-00-000Z.db',
    'yinling-2026-01-02T02-30-00-000Z.db',
    'yinling-2026-01-03T02-30-00-000Z.db'
  ]
  for (const f of [...old, 'pre-upgrade-v0-2026-01-01T00-00-00-000Z.db', 'notes.txt'])
    writeFileSync(path.join(backups, f), 'x')

  const r = spawnSync(process.execPath, [path.join(ROOT, 'build/backup.cjs'), 'backup', '--keep', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cleanEnv({ YINLING_DATA_DIR: dir })
  })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('删除了 2 份旧备份')
  const left = readdirSync(backups).sort()
  const fresh = left.filter((f) => f.startsWith('yinling-') && !old.includes(f))
  expect(fresh).toHaveLength(1)
  expect(left).toEqual([...['notes.txt', 'pre-upgrade-v0-2026-01-01T00-00-00-000Z.db', old[2]], ...fresh].sort())

  const bad = spawnSync(process.execPath, [path.join(ROOT, 'build/backup.cjs'), 'backup', '--keep', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cleanEnv({ YINLING_DATA_DIR: dir })
  })
  expect(bad.status).toBe(1)
  expect(bad.stderr).toContain('--keep')
})
