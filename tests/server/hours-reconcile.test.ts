/**
 * `npm run hours:reconcile` (the built command over a real SQLite file): passes on the seeded hours ledger with
 * a summary, names the person whose total or entries were tampered with and exits non-zero.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { DEFAULT_NOW } from '../support/harness'

jest.setTimeout(120_000)
const ROOT = path.join(__dirname, '../..')

describe('npm run hours:reconcile (the built command over a SQLite file)', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(built.status).toBe(0)
    dir = mkdtempSync(path.join(tmpdir(), 'yl-hours-'))
    db = path.join(dir, 'yl.db')
    const store = new SqliteStorage({ filename: db })
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    await store.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const run = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'build/hours-reconcile.cjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, YINLING_DB: db }
    })

  it('passes on an honest ledger and prints a summary', () => {
    const r = run()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/核对了 \d+ 人的志愿服务时长，共 \d+ 条明细/)
    expect(r.stdout).toContain('全部对得上')
  })

  it('names the person whose total was changed and whose entry was removed, and exits 1', async () => {
    const store = new SqliteStorage({ filename: db })
    await store.transaction(async (tx) => {
      const b = (await tx.get('hoursBalances', 'p-wangjianguo'))!
      await tx.put('hoursBalances', { ...b, minutes: b.minutes + 600 })
    })
    await store.close()
    const r = run()
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('✗ 王建国（p-wangjianguo）：总时长')
    expect(r.stdout).toContain('有 1 人对不上')
  })
})
