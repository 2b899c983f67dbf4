/**
 * The points actions behind the real router over SQLite with the demo deployment: 我的积分 in plain words,
 * staff records and adjustments (scope, reasons, audit), redemption end to end (pick-up code, 核销, cancel),
 * 践诺评星 with exemptions, the opt-in leaderboard, rules as configuration and the .xlsx export.
 */
import ExcelJS from 'exceljs'
import { ERROR_CODES } from '../../types/errors'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { DEFAULT_POINTS_RULES } from '../../server/domain/points/points-rules'
import { reconcilePoints } from '../../server/domain/points/points-reconcile'
import { awardPoints } from '../../server/domain/points/points-ledger'

jest.setTimeout(60_000)

const ZGL = 'p-zhangguilan'

describe('points actions (over SQLite)', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness()
  })
  afterEach(async () => {
    // Whatever a test did, the ledger still adds up.
    expect((await reconcilePoints(h.store)).mismatches).toEqual([])
    await h.cleanup()
  })

  const expectError = (env: { ok: boolean; code?: string; message?: string }, code: string) => {
    expect(env).toMatchObject({ ok: false, code })
    expect(ERROR_CODES).toContain(env.code)
    expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  const balanceOf = async (p: string) => (await h.store.get('pointsBalances', p))?.balance ?? 0

  describe('我的积分', () => {
    it('shows the balance, this month against last month, and her star rating', async () => {
      const s = await h.as(ACCOUNTS.retiree).ok('points.summary', {})
      expect(s.name).toBe('张桂兰')
      expect(s.balance).toBe(await balanceOf(ZGL))
      expect(s.balance).toBeGreaterThan(0)
      expect(typeof s.thisMonth).toBe('number')
      expect(s.lastMonth).toBeGreaterThan(0)
      expect(s.star).toMatchObject({ year: 2026, exempt: false })
      expect(s.star!.score).toBeGreaterThan(0)
      expect(s.leaderboard).toEqual({ enabled: false, optedIn: false })
      expect(s.reservedCount).toBe(1)
    })

    it('groups the history by month in plain words, newest first', async () => {
      const { months } = await h.as(ACCOUNTS.retiree).ok('points.history', {})
      expect(months.length).toBeGreaterThan(1)
      expect(months[0].month > months[1].month).toBe(true)
      expect(months[0].label).toMatch(/^\d{4}年\d{1,2}月$/)
      const texts = months.flatMap((m) => m.items.map((i) => i.text))
      expect(texts).toContain('兑换「书法字帖」')
      expect(texts).toContain('工作人员调整：补录3月学习')
      expect(texts.some((t) => t.startsWith('参加「'))).toBe(true)
      const capped = months.flatMap((m) => m.items).find((i) => i.note?.includes('每天最多'))
      expect(capped).toBeDefined()
      // The month sums agree with the items.
      for (const m of months)
        expect(m.earned - m.spent).toBe(m.items.reduce((a, i) => a + (i.kind === 'expiry' ? 0 : i.amount), 0))
    })

    it('reads as a statement over every page of the seeded history: months newest first, entries newest first', async () => {
      for (const account of [ACCOUNTS.retiree, ACCOUNTS.volunteer, ACCOUNTS.retireeDunhuang]) {
        const months: { month: string; items: { day: string; at: number }[] }[] = []
        let cursor: string | undefined
        do {
          const page = await h.as(account).ok('points.history', cursor ? { cursor } : {})
          months.push(...page.months)
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        const keys = months.map((m) => m.month)
        expect(keys).toEqual([...new Set(keys)].sort().reverse())
        for (const m of months) {
          expect(m.items.every((i) => i.day.startsWith(m.month))).toBe(true)
          const times = m.items.map((i) => i.at)
          expect(times).toEqual([...times].sort((a, b) => b - a))
        }
        const all = months.flatMap((m) => m.items)
        expect(all.length).toBe(
          await h.store.count('pointsLedger', { personId: (await h.store.get('accounts', account))!.personId! })
        )
      }
    })

    it('lets a bound family member see it for the elder (代办), and nobody without a person', async () => {
      const s = await h.as(ACCOUNTS.family).ok('points.summary', {}, { actingFor: ZGL })
      expect(s.name).toBe('张桂兰')
      expectError(await h.as(ACCOUNTS.family).call('points.summary', {}), 'FORBIDDEN')
      expectError(await h.as(ACCOUNTS.retireeDunhuang).call('points.summary', {}, { actingFor: ZGL }), 'NOT_BOUND')
    })
  })

  describe('staff records and adjustments', () => {
    it('records 送学上门 once per person, day and subject, and says so the second time', async () => {
      const staff = h.as(ACCOUNTS.staffSuzhou)
      const before = await balanceOf('p-zhaoshuzhen')
      const input = { personId: 'p-zhaoshuzhen', kind: 'songxue' as const, title: '学习全会精神', day: '2026-11-30' }
      const first = await staff.ok('points.staff.award', input)
      expect(first).toMatchObject({ awarded: 5, status: 'awarded', balance: before + 5 })
      const again = await staff.ok('points.staff.award', { ...input, title: '学习 全会精神' })
      expect(again).toMatchObject({ awarded: 0, status: 'already', balance: before + 5 })
      const { months } = await staff.ok('points.staff.ledger', { personId: 'p-zhaoshuzhen' })
      expect(months[0].items[0]).toMatchObject({ text: '送学上门「学习全会精神」', amount: 5, day: '2026-11-30' })
      expect(await h.store.count('audit', { action: 'points.staff.award', subjectPersonId: 'p-zhaoshuzhen' })).toBe(1)
    })

    it('keeps records to the staff member’s county, to staff, and to days that have happened', async () => {
      const input = { personId: 'p-lideming', kind: 'participation' as const, title: '社区义诊', day: '2026-11-30' }
      expectError(await h.as(ACCOUNTS.staffSuzhou).call('points.staff.award', input), 'FORBIDDEN')
      expectError(await h.as(ACCOUNTS.retiree).call('points.staff.award', input), 'FORBIDDEN')
      expectError(
        await h.as(ACCOUNTS.staffCity).call('points.staff.award', { ...input, day: '2026-12-05' }),
        'VALIDATION'
      )
      expect(await h.as(ACCOUNTS.staffCity).ok('points.staff.award', input)).toMatchObject({
        awarded: 2,
        status: 'awarded'
      })
    })

    it('adjusts with a reason and the staff id, never below zero', async () => {
      const staff = h.as(ACCOUNTS.staffSuzhou)
      const before = await balanceOf(ZGL)
      expectError(await staff.call('points.staff.adjust', { personId: ZGL, amount: 3, reason: '' }), 'VALIDATION')
      expectError(await staff.call('points.staff.adjust', { personId: ZGL, amount: 0, reason: '补录' }), 'VALIDATION')
      const r = await staff.ok('points.staff.adjust', { personId: ZGL, amount: 3, reason: '补录11月学习' })
      expect(r.balance).toBe(before + 3)
      const entry = await h.store.get('pointsLedger', r.entryId)
      expect(entry).toMatchObject({
        kind: 'adjustment',
        amount: 3,
        reason: '工作人员调整：补录11月学习',
        staffAccountId: ACCOUNTS.staffSuzhou
      })
      const tooMuch = await staff.call('points.staff.adjust', {
        personId: ZGL,
        amount: -(before + 4),
        reason: '扣分测试'
      })
      expectError(tooMuch, 'INSUFFICIENT_POINTS')
      expect(await balanceOf(ZGL)).toBe(before + 3)
      expectError(
        await h
          .as(ACCOUNTS.staffSuzhou)
          .call('points.staff.adjust', { personId: 'p-lideming', amount: 3, reason: '补录' }),
        'FORBIDDEN'
      )
    })

    it('logs every look at a person’s ledger', async () => {
      const before = await h.store.count('audit', { action: 'points.staff.ledger' })
      const r = await h.as(ACCOUNTS.staffCity).ok('points.staff.ledger', { personId: ZGL })
      expect(r.person).toMatchObject({ name: '张桂兰', balance: await balanceOf(ZGL) })
      const logs = await h.store.find('audit', { where: { action: 'points.staff.ledger' } })
      expect(logs).toHaveLength(before + 1)
      expect(logs[logs.length - 1]).toMatchObject({ actorAccountId: ACCOUNTS.staffCity, subjectPersonId: ZGL })
      expectError(await h.as(ACCOUNTS.staffSuzhou).call('points.staff.ledger', { personId: 'p-lideming' }), 'FORBIDDEN')
      expect(await h.store.count('audit', { action: 'points.staff.ledger' })).toBe(before + 1)
    })

    it('finds people in scope by name with their balances', async () => {
      const { items } = await h.as(ACCOUNTS.staffSuzhou).ok('points.staff.people', { q: '桂兰' })
      expect(items.map((p) => p.name)).toEqual(['张桂兰'])
      const dh = await h.as(ACCOUNTS.staffSuzhou).ok('points.staff.people', { q: '李德明' })
      expect(dh.items).toEqual([])
    })
  })

  describe('积分兑换', () => {
    it('redeems, shows the pick-up code, and staff 核销 it once', async () => {
      const me = h.as(ACCOUNTS.retiree)
      const before = await balanceOf(ZGL)
      const { items } = await me.ok('points.catalogue', {})
      expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['老花镜', '社区理疗一次']))
      const glasses = items.find((i) => i.name === '老花镜')!
      const r = await me.ok('points.redeem', { itemId: glasses.id })
      expect(r.redemption).toMatchObject({ itemName: '老花镜', status: 'reserved', price: 30, personName: '张桂兰' })
      expect(r.redemption.code).toMatch(/^\d{8}$/)
      expect(r.balance).toBe(before - 30)
      expect((await h.store.get('rewardItems', glasses.id))!.stock).toBe(glasses.stock - 1)
      expectError(await me.call('points.redeem', { itemId: glasses.id }), 'LIMIT_REACHED')

      const mine = await me.ok('points.myRedemptions', {})
      expect(mine.items[0]).toMatchObject({ code: r.redemption.code, status: 'reserved' })

      const staff = h.as(ACCOUNTS.staffCity)
      // Codes may be typed with a space in the middle, as they are printed.
      const code = `${r.redemption.code.slice(0, 4)} ${r.redemption.code.slice(4)}`
      expect((await staff.ok('points.staff.redemption', { code })).redemption.personName).toBe('张桂兰')
      expect((await staff.ok('points.staff.pending', {})).items.map((i) => i.code)).toContain(r.redemption.code)
      // County staff see what their people wait for, also the bureau's items; other counties' staff do not.
      expect((await h.as(ACCOUNTS.staffSuzhou).ok('points.staff.pending', {})).items.map((i) => i.code)).toContain(
        r.redemption.code
      )
      const dunhuang = await h.store.transaction(async (tx) => {
        await tx.put('accounts', {
          _id: 'local:dh-staff',
          kind: 'local',
          displayName: '敦煌工作人员',
          roles: ['staff'],
          personId: null,
          orgUnitId: 'org-dh',
          phone: null,
          passwordHash: null,
          demo: null,
          createdAt: 0
        })
        return 'local:dh-staff'
      })
      expect((await h.as(dunhuang).ok('points.staff.pending', {})).items.map((i) => i.code)).not.toContain(
        r.redemption.code
      )
      expectError(await h.as(dunhuang).call('points.staff.fulfil', { code }), 'FORBIDDEN')
      const done = await staff.ok('points.staff.fulfil', { code })
      expect(done.redemption.status).toBe('picked')
      expectError(await staff.call('points.staff.fulfil', { code }), 'ALREADY_DONE')
      expectError(await me.call('points.cancelRedemption', { code }), 'ILLEGAL_TRANSITION')
      expect(await balanceOf(ZGL)).toBe(before - 30)
      expect(await h.store.get('messages', `picked:${r.redemption.code}`)).toMatchObject({ toPersonId: ZGL })
    })

    it('gives the points, the stock and the quota back when cancelled before pick-up', async () => {
      const me = h.as(ACCOUNTS.retiree)
      const before = await balanceOf(ZGL)
      const item = (await h.store.get('rewardItems', 'ri-cup'))!
      const r = await me.ok('points.redeem', { itemId: 'ri-cup' })
      const c = await me.ok('points.cancelRedemption', { code: r.redemption.code })
      expect(c).toMatchObject({ refunded: 40, redemption: { status: 'cancelled' } })
      expect(await balanceOf(ZGL)).toBe(before)
      expect((await h.store.get('rewardItems', 'ri-cup'))!.stock).toBe(item.stock)
      expectError(await me.call('points.cancelRedemption', { code: r.redemption.code }), 'ALREADY_DONE')
      expectError(
        await h.as(ACCOUNTS.staffCity).call('points.staff.fulfil', { code: r.redemption.code }),
        'ILLEGAL_TRANSITION'
      )
      // The limit counts only what was not cancelled: she may redeem it again.
      expect((await me.ok('points.redeem', { itemId: 'ri-cup' })).redemption.status).toBe('reserved')
      const { months } = await me.ok('points.history', {})
      expect(months[0].items.slice(0, 3).map((i) => [i.text, i.amount])).toEqual([
        ['兑换「保温杯」', -40],
        ['取消兑换「保温杯」，积分退回', 40],
        ['兑换「保温杯」', -40]
      ])
    })

    it('refuses without enough points, when out of stock, and for another county’s item', async () => {
      const li = h.as(ACCOUNTS.retireeDunhuang)
      const bal = await balanceOf('p-lideming')
      expect(bal).toBeLessThan(120)
      expectError(await li.call('points.redeem', { itemId: 'ri-bp' }), 'INSUFFICIENT_POINTS')
      expectError(await li.call('points.redeem', { itemId: 'ri-sz-massage' }), 'NOT_FOUND')
      await h.store.transaction((tx) => tx.update('rewardItems', 'ri-zitie', { stock: 0 }))
      expectError(await h.as(ACCOUNTS.retiree).call('points.redeem', { itemId: 'ri-zitie' }), 'OUT_OF_STOCK')
      expect(await balanceOf('p-lideming')).toBe(bal)
    })

    it('refuses redeeming by 代办, and lets staff cancel the elder’s own redemption', async () => {
      expectError(
        await h.as(ACCOUNTS.family).call('points.redeem', { itemId: 'ri-haircut' }, { actingFor: ZGL }),
        'PROXY_NOT_ALLOWED'
      )
      const r = await h.as(ACCOUNTS.retiree).ok('points.redeem', { itemId: 'ri-haircut' })
      expect(r.redemption.personName).toBe('张桂兰')
      expectError(
        await h.as(ACCOUNTS.family).call('points.cancelRedemption', { code: r.redemption.code }, { actingFor: ZGL }),
        'PROXY_NOT_ALLOWED'
      )
      expectError(
        await h.as(ACCOUNTS.retireeDunhuang).call('points.cancelRedemption', { code: r.redemption.code }),
        'FORBIDDEN'
      )
      const c = await h.as(ACCOUNTS.staffSuzhou).ok('points.cancelRedemption', { code: r.redemption.code })
      expect(c.refunded).toBe(20)
      expect(await h.store.count('audit', { action: 'points.cancelRedemption' })).toBe(1)
    })

    it('lets staff manage the catalogue of their own units, with stock changed by amounts', async () => {
      const staff = h.as(ACCOUNTS.staffSuzhou)
      const saved = await staff.ok('points.staff.saveItem', {
        name: '门球一副',
        description: '',
        kind: 'item',
        price: 50,
        addStock: 3,
        perPersonLimit: 1,
        orgUnitId: 'org-sz',
        active: true
      })
      expect(saved.item).toMatchObject({ name: '门球一副', stock: 3, orgUnitName: '肃州区' })
      const more = await staff.ok('points.staff.saveItem', {
        id: saved.item.id,
        name: '门球一副',
        kind: 'item',
        price: 45,
        addStock: 2,
        perPersonLimit: 1,
        orgUnitId: 'org-sz',
        active: true
      })
      expect(more.item).toMatchObject({ stock: 5, price: 45 })
      expectError(
        await staff.call('points.staff.saveItem', {
          id: saved.item.id,
          name: '门球一副',
          kind: 'item',
          price: 45,
          addStock: -6,
          perPersonLimit: 1,
          orgUnitId: 'org-sz',
          active: true
        }),
        'VALIDATION'
      )
      expectError(
        await staff.call('points.staff.saveItem', {
          name: '敦煌特产',
          kind: 'item',
          price: 10,
          addStock: 1,
          perPersonLimit: null,
          orgUnitId: 'org-dh',
          active: true
        }),
        'FORBIDDEN'
      )
      expectError(
        await staff.call('points.staff.saveItem', {
          id: 'ri-glasses',
          name: '老花镜',
          kind: 'item',
          price: 1,
          addStock: 0,
          perPersonLimit: 1,
          orgUnitId: 'org-sz',
          active: true
        }),
        'FORBIDDEN'
      )
      await staff.ok('points.staff.saveItem', {
        id: saved.item.id,
        name: '门球一副',
        kind: 'item',
        price: 45,
        addStock: 0,
        perPersonLimit: 1,
        orgUnitId: 'org-sz',
        active: false
      })
      const { items } = await h.as(ACCOUNTS.retiree).ok('points.catalogue', {})
      expect(items.map((i) => i.name)).not.toContain('门球一副')
      expectError(await h.as(ACCOUNTS.retiree).call('points.redeem', { itemId: saved.item.id }), 'NOT_FOUND')
    })
  })

  describe('践诺评星 and the leaderboard', () => {
    it('bands each party member’s yearly score into stars and lets staff exempt a frail member', async () => {
      const staff = h.as(ACCOUNTS.staffSuzhou)
      const report = await staff.ok('points.staff.stars', { branchId: 'br-sz-1', year: 2026 })
      expect(report.rows.map((r) => r.name)).toContain('张桂兰')
      for (const r of report.rows) {
        const expected = [...DEFAULT_POINTS_RULES.starBands].reverse().find((b) => r.score >= b.min)?.stars ?? 0
        expect(r.stars).toBe(expected)
      }
      const zhao = report.rows.find((r) => r.personId === 'p-zhaoshuzhen')!
      expect(zhao).toMatchObject({ frail: true, exempt: false })
      expectError(
        await staff.call('points.staff.setStarExempt', {
          personId: 'p-zhaoshuzhen',
          year: 2026,
          exempt: true,
          reason: ''
        }),
        'VALIDATION'
      )
      await staff.ok('points.staff.setStarExempt', {
        personId: 'p-zhaoshuzhen',
        year: 2026,
        exempt: true,
        reason: '长期卧床'
      })
      const after = await staff.ok('points.staff.stars', { branchId: 'br-sz-1', year: 2026 })
      expect(after.rows.find((r) => r.personId === 'p-zhaoshuzhen')).toMatchObject({
        exempt: true,
        exemptReason: '长期卧床'
      })
      expectError(await staff.call('points.staff.stars', { branchId: 'br-dh-1', year: 2026 }), 'FORBIDDEN')
      expectError(
        await staff.call('points.staff.setStarExempt', {
          personId: 'p-lideming',
          year: 2026,
          exempt: true,
          reason: '不在本区'
        }),
        'FORBIDDEN'
      )
    })

    it('uses configured star bands', async () => {
      const score = (await h.as(ACCOUNTS.retiree).ok('points.summary', {})).star!.score
      await h
        .as(ACCOUNTS.admin)
        .ok('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, starBands: [{ min: score, stars: 5 }] } })
      expect((await h.as(ACCOUNTS.retiree).ok('points.summary', {})).star).toMatchObject({ score, stars: 5 })
    })

    it('has no leaderboard by default; when a branch turns it on, only people who opted in appear', async () => {
      const me = h.as(ACCOUNTS.retiree)
      expect(await me.ok('points.leaderboard', {})).toEqual({ enabled: false, branchName: null, rows: [] })
      expectError(await me.call('points.staff.setLeaderboard', { branchId: 'br-sz-1', enabled: true }), 'FORBIDDEN')
      await h.as(ACCOUNTS.staffSuzhou).ok('points.staff.setLeaderboard', { branchId: 'br-sz-1', enabled: true })
      const empty = await me.ok('points.leaderboard', {})
      expect(empty).toMatchObject({ enabled: true, branchName: '肃州区老干部第一党支部', rows: [] })
      await me.ok('points.setLeaderboardOptIn', { optIn: true })
      const board = await me.ok('points.leaderboard', {})
      expect(board.rows).toEqual([{ name: '张桂兰', score: expect.any(Number), me: true }])
      expect((await me.ok('points.summary', {})).leaderboard).toEqual({ enabled: true, optedIn: true })
      // 李德明's branch has it off.
      expect((await h.as(ACCOUNTS.retireeDunhuang).ok('points.leaderboard', {})).enabled).toBe(false)
    })
  })

  describe('rules as configuration', () => {
    it('are readable by everybody, changed only by an admin, and validated', async () => {
      const r = await h.as(ACCOUNTS.retiree).ok('points.rules', {})
      expect(r).toEqual({ rules: DEFAULT_POINTS_RULES, updatedAt: null })
      expectError(
        await h.as(ACCOUNTS.staffCity).call('points.staff.setRules', { rules: DEFAULT_POINTS_RULES }),
        'FORBIDDEN'
      )
      expectError(
        await h.as(ACCOUNTS.admin).call('points.staff.setRules', { rules: { ...DEFAULT_POINTS_RULES, dailyCap: -1 } }),
        'VALIDATION'
      )
      const bad = {
        ...DEFAULT_POINTS_RULES,
        starBands: [
          { min: 80, stars: 2 },
          { min: 60, stars: 3 }
        ]
      }
      expectError(await h.as(ACCOUNTS.admin).call('points.staff.setRules', { rules: bad }), 'VALIDATION')
      const next = { ...DEFAULT_POINTS_RULES, dailyCap: 20, expiry: { enabled: true, afterYears: 2 } }
      await h.as(ACCOUNTS.admin).ok('points.staff.setRules', { rules: next })
      expect(await h.as(ACCOUNTS.retiree).ok('points.rules', {})).toEqual({ rules: next, updatedAt: h.clock.now() })
      expect(await h.store.count('audit', { action: 'points.staff.setRules' })).toBe(1)
    })

    it('shows activities with the configured points', async () => {
      await h.as(ACCOUNTS.admin).ok('points.staff.setRules', {
        rules: { ...DEFAULT_POINTS_RULES, byType: { ...DEFAULT_POINTS_RULES.byType, 讲座: 7 } }
      })
      expect((await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-health-2' })).points).toBe(7)
    })
  })

  describe('export', () => {
    it('writes a branch’s points for a period as .xlsx, with a summary that adds up', async () => {
      await h.store.transaction((tx) =>
        awardPoints(tx, {
          personId: ZGL,
          amount: 3,
          reason: '参加「导出测试」',
          source: { kind: 'checkin', id: 'export-t' },
          actorAccountId: ACCOUNTS.retiree,
          at: h.clock.now()
        })
      )
      const r = await h
        .as(ACCOUNTS.staffSuzhou)
        .ok('points.staff.export', { branchId: 'br-sz-1', from: '2026-12-01', to: '2026-12-31' })
      expect(r.filename).toBe('肃州区老干部第一党支部积分_2026-12-01至2026-12-31.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer)
      const detail = wb.getWorksheet('明细')!
      expect(detail.getRow(1).values).toEqual(expect.arrayContaining(['日期', '姓名', '事项', '积分']))
      const texts = detail
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[])[5])
      expect(texts).toContain('参加「导出测试」')
      expect(r.rows).toBe(detail.rowCount - 1)
      const summary = wb.getWorksheet('汇总')!
      const zgl = summary.getSheetValues().find((row) => Array.isArray(row) && row[1] === '张桂兰') as unknown[]
      expect(zgl[6]).toBe(await balanceOf(ZGL))
      expectError(
        await h
          .as(ACCOUNTS.staffSuzhou)
          .call('points.staff.export', { branchId: 'br-dh-1', from: '2026-01-01', to: '2026-12-31' }),
        'FORBIDDEN'
      )
      expectError(
        await h
          .as(ACCOUNTS.staffSuzhou)
          .call('points.staff.export', { branchId: 'br-sz-1', from: '2026-12-31', to: '2026-01-01' }),
        'VALIDATION'
      )
      expect(await h.store.count('audit', { action: 'points.staff.export' })).toBe(1)
    })
  })
})
