/**
 * `npm run points:reconcile` proves every stored balance equals the sum of its entries and names anyone where
 * it does not (the real command over a real SQLite file); and the expiry run (off by default) is idempotent.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { seedDemo } from '../../server/seed/seed'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import { expiringAmount, runExpiry } from '../../server/domain/points/points-expiry'
import { DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'
import { awardPoints } from '../../server/domain/points/points-ledger'
import { ADAPTERS } from '../support/adapters'
import { DEFAULT_NOW, makeHarness } from '../support/harness'

jest.setTimeout(120_000)
const ROOT = path.join(__dirname, '../..')

describe('npm run points:reconcile (the built command over a SQLite file)', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(built.status).toBe(0)
    dir = mkdtempSync(path.join(tmpdir(), 'yl-reconcile-'))
    db = path.join(dir, 'yl.db')
    const store = new SqliteStorage({ filename: db })
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    await store.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const run = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'build/points-reconcile.cjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, YINLING_DB: db }
    })

  it('passes on an honest ledger and prints a summary with counts', () => {
    const r = run()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/核对了 \d+ 人的积分，共 \d+ 条明细，余额合计 \d+ 分。/)
    expect(r.stdout).toContain('全部对得上')
  })

  it('names the person whose stored balance was tampered with, and exits non-zero', async () => {
    const store = new SqliteStorage({ filename: db })
    const b = (await store.get('pointsBalances', 'p-zhangguilan'))!
    await store.transaction((tx) => tx.update('pointsBalances', 'p-zhangguilan', { balance: b.balance + 100 }))
    await store.close()
    const r = run()
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`✗ 张桂兰（p-zhangguilan）：余额 ${b.balance + 100} ≠ 明细合计 ${b.balance}`)
    expect(r.stdout).toContain('有 1 人对不上')
  })
})

describe.each(ADAPTERS)('reconcile and expiry on $name', (adapter) => {
  it('detects a removed entry, a balance without entries and entries without a balance', async () => {
    const h = await makeHarness(adapter)
    try {
      expect((await reconcilePoints(h.store)).mismatches).toEqual([])
      const [entry] = await h.store.find('pointsLedger', { where: { personId: 'p-zhangguilan' }, limit: 1 })
      await h.store.transaction(async (tx) => {
        await tx.remove('pointsLedger', entry._id)
        await tx.put('pointsBalances', { _id: 'p-lideming-ghost', balance: 5, entries: 1, updatedAt: 0 })
        await tx.remove('pointsBalances', 'p-wangjianguo')
      })
      const { mismatches } = await reconcilePoints(h.store)
      expect(mismatches.map((m) => m.personId).sort()).toEqual(['p-lideming-ghost', 'p-wangjianguo', 'p-zhangguilan'])
      expect(mismatches.find((m) => m.personId === 'p-wangjianguo')?.problem).toBe('有明细但没有余额记录')
    } finally {
      await h.cleanup()
    }
  })

  it('expires unspent points of a year only when switched on and due, once however often it runs', async () => {
    const h = await makeHarness(adapter)
    try {
      const P = 'p-lideming'
      await h.store.transaction((tx) =>
        awardPoints(tx, {
          personId: P,
          amount: 7,
          reason: '参加「旧活动」',
          source: { kind: 'checkin', id: 'old' },
          actorAccountId: 't',
          at: Date.UTC(2024, 5, 1)
        })
      )
      const before = (await h.store.get('pointsBalances', P))!.balance
      const off = await runExpiry(h.store, DEFAULT_POINTS_RULES, 2024, h.clock.now())
      expect(off.skipped).toContain('没有打开')
      const on = { ...DEFAULT_POINTS_RULES, expiry: { enabled: true, afterYears: 2 } }
      expect((await runExpiry(h.store, on, 2024, h.clock.now())).skipped).toContain('2026-12-31 之后')
      const rules = { ...on, expiry: { enabled: true, afterYears: 1 } }
      const first = await runExpiry(h.store, rules, 2024, h.clock.now())
      expect(first).toMatchObject({ skipped: null, persons: 1, expired: 7 })
      expect(await runExpiry(h.store, rules, 2024, h.clock.now())).toMatchObject({ persons: 0, expired: 0 })
      expect((await h.store.get('pointsBalances', P))!.balance).toBe(before - 7)
      expect(await h.store.get('pointsLedger', `expiry:2024:${P}`)).toMatchObject({
        amount: -7,
        reason: '积分到期：2024年获得的积分'
      })
      expect((await reconcilePoints(h.store)).mismatches).toEqual([])
    } finally {
      await h.cleanup()
    }
  })
})

describe('expiringAmount', () => {
  const e = (
    day: string,
    amount: number,
    kind: 'award' | 'redemption' | 'reversal' | 'expiry' = amount > 0 ? 'award' : 'redemption',
    source: string | null = null
  ) => ({
    _id: `${day}${amount}`,
    personId: 'p',
    kind,
    amount,
    reason: '',
    source: source ? { kind: source, id: 'x' } : null,
    day,
    at: 0,
    actorAccountId: '',
    staffAccountId: null
  })
  it('spends the oldest points first and never expires more than was earned by then', () => {
    expect(expiringAmount([e('2024-03-01', 10), e('2025-02-01', 5), e('2025-03-01', -4)], 2024)).toBe(6)
    expect(expiringAmount([e('2024-03-01', 10), e('2025-03-01', -12), e('2025-04-01', 20)], 2024)).toBe(0)
    // A cancelled redemption gives the points back: they can still expire.
    expect(
      expiringAmount([e('2024-03-01', 10), e('2024-05-01', -10), e('2024-06-01', 10, 'reversal', 'redemption')], 2024)
    ).toBe(10)
  })
})
