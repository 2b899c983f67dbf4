/**
 * Online backup while writes continue, and restore: the restored database holds everything the backup saw,
 * passes integrity_check, and a host serves it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { backupDatabase, inspect, restoreDatabase } from '../../server/storage/sqlite/backup'
import { seedDemo } from '../../server/seed/seed'
import { DEFAULT_NOW } from '../support/harness'

describe('backup and restore', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yl-backup-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('takes a consistent backup during a burst of writes and restores it', async () => {
    const live = new SqliteStorage({ filename: path.join(dir, 'live.db') })
    await seedDemo(live, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        const n = written++
        await live.transaction(async (tx) => {
          await tx.create('audit', {
            _id: `burst-${n}`,
            at: n,
            actorAccountId: 'bench',
            subjectPersonId: null,
            action: 'backup-test',
            target: 't',
            detail: { n }
          })
          const c = await tx.get('counters', 'backup-burst')
          if (c) await tx.update('counters', 'backup-burst', { taken: c.taken + 1 })
          else
            await tx.create('counters', {
              _id: 'backup-burst',
              capacity: null,
              taken: 1,
              waitlisted: 0,
              nextWaitlistSeq: 1
            })
        })
        await new Promise((r) => setImmediate(r))
      }
    })()
    await new Promise((r) => setTimeout(r, 30))
    const report = await backupDatabase(live, path.join(dir, 'backup.db'))
    writing = false
    await writer
    expect(report.integrity).toBe('ok')
    expect(report.counts.persons).toBe(42)
    // The snapshot is consistent: the counter equals the number of burst rows it holds.
    const copy = new SqliteStorage({ filename: path.join(dir, 'backup.db') })
    const burst = await copy.count('audit', { action: 'backup-test' })
    expect(burst).toBeGreaterThan(0)
    expect(burst).toBeLessThanOrEqual(written)
    expect((await copy.get('counters', 'backup-burst'))?.taken).toBe(burst)
    await copy.close()
    await live.close()

    // Restore over a different database file and read it back.
    const target = path.join(dir, 'restored.db')
    const restored = restoreDatabase(path.join(dir, 'backup.db'), target)
    expect(restored.integrity).toBe('ok')
    const back = new SqliteStorage({ filename: target })
    expect(await back.count('audit', { action: 'backup-test' })).toBe(burst)
    expect((await back.get('persons', 'p-zhangguilan'))?.name).toBe('张桂兰')
    await back.close()
    expect(inspect(target).integrity).toBe('ok')
  })

  it('refuses to restore a file that is not a database of this app', async () => {
    const Database = (await import('better-sqlite3')).default
    const raw = new Database(path.join(dir, 'foreign.db'))
    raw.exec('CREATE TABLE t (x)')
    raw.close()
    expect(() => restoreDatabase(path.join(dir, 'foreign.db'), path.join(dir, 'x.db'))).toThrow(
      /not a 银龄之家 database/
    )
  })
})
