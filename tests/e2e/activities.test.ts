/**
 * Activities end to end, in the real h5 build against the real local host (SQLite) with a fixed server clock
 * in UTC (23:00Z = 07:00 in Beijing) and the browser's clock fixed to the same instant:
 * 今天 grouping → 报名 → 候补 → promotion on cancel (message) → check-in by the staff's rotating code →
 * the same code twice → an expired code → a forged code → staff scanning a personal code → 代签 without a
 * reason refused → an offline scan shown as 待同步 and synced later.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FixedClock } from '../../server/core/clock'
import { createRouter, type Router } from '../../server/core/router'
import { silentLogger } from '../../server/core/logger'
import { handlers } from '../../server/handlers'
import { beijingTime, businessDay } from '../../types/time'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'

jest.setTimeout(90_000)

describe('h5: activities, sign-up and check-in', () => {
  let host: RunningHost
  let clock: FixedClock
  let others: Router
  let browser: Browser
  const contexts: BrowserContext[] = []
  let zhang: Page
  let staff: Page

  /** A person on a phone of their own, logged in through 演示登录, with the browser clock at the server's. */
  async function person(accountId: string): Promise<Page> {
    const { context, page } = await phone(browser, { at: clock.now() })
    contexts.push(context)
    await demoLogin(page, host.url, accountId)
    return page
  }

  async function setTime(t: number) {
    clock.set(t)
    for (const c of contexts) await c.clock.setFixedTime(new Date(t))
  }

  async function open(page: Page, path: string, testId: string) {
    await page.goto(`${host.url}/#${path}`)
    await visible(page, testId).waitFor()
  }

  async function textOf(page: Page, testId: string): Promise<string> {
    const el = visible(page, testId)
    await el.waitFor()
    return el.innerText()
  }

  async function pasteCode(page: Page, reader: string, token: string) {
    await visible(page, `${reader}-input`).locator('input').fill(token)
    await visible(page, `${reader}-submit`).click()
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    clock = host.clock as FixedClock
    // Other people's phones, for what happens elsewhere meanwhile (they are not demo logins).
    others = createRouter(
      { store: host.store, clock, secrets: { tokenKey: 'test-token-key' }, log: silentLogger },
      handlers
    )
    browser = await launch()
    zhang = await person('local:zhangguilan')
    staff = await person('local:liufang')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('lists a 07:30 Beijing-time activity under 今天 while the server clock is still on the previous UTC day', async () => {
    expect(new Date(clock.now()).getUTCHours()).toBe(23)
    await visible(zhang, 'tab-活动').click()
    // The home page lists today's activities too (same card): look inside the 活动 page once it is shown.
    const list = visible(zhang, 'page-activities')
    await list.waitFor()
    await list.locator('[data-testid="activity-a-taiji-0"]').waitFor()
    const section = list.locator('.yl-section', { has: zhang.locator('[data-testid="activity-a-taiji-0"]') })
    expect(await section.locator('.yl-section__title').innerText()).toBe('今天')
    expect(await textOf(zhang, 'activity-a-taiji-0')).toContain('07:30')
  })

  it('signs her up with one tap', async () => {
    await open(zhang, '/packages/activity/detail/index?id=a-volunteer-5', 'main-action')
    expect(await textOf(zhang, 'main-action')).toBe('报名')
    await visible(zhang, 'main-action').click()
    expect(await textOf(zhang, 'signup-result')).toContain('报名成功')
    await expect(visible(zhang, 'main-action').innerText()).resolves.toBe('取消报名')
    expect(await host.store.get('signups', 'a-volunteer-5:p-zhangguilan')).toMatchObject({ status: 'signed' })
  })

  it('asks before cancelling, then cancels', async () => {
    await visible(zhang, 'main-action').click()
    await visible(zhang, 'dialog-confirm').click()
    expect(await textOf(zhang, 'signup-result')).toContain('已取消报名')
    expect(await host.store.get('signups', 'a-volunteer-5:p-zhangguilan')).toMatchObject({ status: 'cancelled' })
  })

  it('puts her on the waitlist when full, and moves her up when others cancel, telling her', async () => {
    await open(zhang, '/packages/activity/detail/index?id=a-phone-1', 'main-action')
    expect(await textOf(zhang, 'main-action')).toBe('名额已满，报名候补')
    await visible(zhang, 'main-action').click()
    expect(await textOf(zhang, 'signup-result')).toContain('排第 2 位')
    // The result is said at once; the page's own status follows when it has reloaded the activity.
    await visible(zhang, 'activity-status').filter({ hasText: '候补第 2 位' }).waitFor()
    expect(await textOf(zhang, 'activity-status')).toContain('候补第 2 位')

    for (const account of ['wx:seed-volunteer-1', 'wx:seed-volunteer-2']) {
      const env = await others.call(account, {
        action: 'signup.cancel',
        payload: { activityId: 'a-phone-1' },
        mutationId: `e2e-cancel-${account.slice(-1)}-0001`
      })
      expect(env.ok).toBe(true)
    }
    await open(zhang, '/packages/activity/detail/index?id=a-phone-1', 'activity-status')
    await expect(textOf(zhang, 'activity-status')).resolves.toContain('您已报名')

    await open(zhang, '/pages/me/index', 'entry-messages')
    await expect(textOf(zhang, 'entry-messages')).resolves.toContain('1 条未读')
    await visible(zhang, 'entry-messages').click()
    await zhang.locator('[data-testid="page-messages"]:visible').getByText('候补成功：「智能手机使用培训」').waitFor()
  })

  describe('at the door of 学习贯彻全会精神宣讲会 (09:30, check-in from 09:00)', () => {
    let token: string
    beforeAll(async () => {
      await setTime(beijingTime(businessDay(DEFAULT_NOW), '09:05'))
    })

    it('shows staff a rotating code full-screen', async () => {
      await open(staff, '/packages/staff/code/index?id=a-xuanjiang-0', 'staff-code-qr')
      token = (await visible(staff, 'staff-code-qr').getAttribute('data-token'))!
      expect(token).toMatch(/^YL1\.activity\.a-xuanjiang-0\./)
      expect(await staff.locator('[data-testid="page-staff-code"]:visible').innerText()).toContain('自动更新')
    })

    it('checks her in with the code and awards the points', async () => {
      await open(zhang, '/pages/checkin/index', 'checkin-reader-input')
      await pasteCode(zhang, 'checkin-reader', token)
      const result = await textOf(zhang, 'checkin-result')
      expect(result).toContain('签到成功')
      expect(result).toContain('得到 5 个积分')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-zhangguilan')).toMatchObject({ method: 'scan' })
    })

    it('answers the same code twice with 已签到 and the first time', async () => {
      clock.advance(20_000)
      await pasteCode(zhang, 'checkin-reader', token)
      const result = await textOf(zhang, 'checkin-result')
      expect(result).toContain('已签到')
      expect(result).toContain('09:05')
      expect(await host.store.count('pointsLedger', { personId: 'p-zhangguilan', day: businessDay(DEFAULT_NOW) })).toBe(
        1
      )
    })

    it('refuses a forged code', async () => {
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
      await pasteCode(zhang, 'checkin-reader', forged)
      const result = await textOf(zhang, 'checkin-result')
      expect(result).toContain('没有签上')
      expect(result).toContain('这不是有效的签到码')
    })

    it('refuses a code forwarded two minutes later', async () => {
      await setTime(clock.now() + 2 * 60_000)
      await pasteCode(zhang, 'checkin-reader', token)
      expect(await textOf(zhang, 'checkin-result')).toContain('签到码已过期')
    })

    it('lets staff scan a retiree’s personal 签到码', async () => {
      const wang = await person('local:wangjianguo')
      await open(wang, '/packages/me/checkin-code/index', 'my-code-qr')
      const personal = (await visible(wang, 'my-code-qr').getAttribute('data-token'))!
      await open(staff, '/packages/staff/activity/index?id=a-xuanjiang-0', 'staff-reader-input')
      await pasteCode(staff, 'staff-reader', personal)
      expect(await textOf(staff, 'staff-result')).toContain('王建国 签到成功')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-wangjianguo')).toMatchObject({
        method: 'staff-scan',
        actorAccountId: 'local:liufang'
      })
      await expect(textOf(staff, 'roster-p-wangjianguo')).resolves.toContain('工作人员扫码')
    })

    it('refuses 代签 without a reason, and records it with one', async () => {
      await visible(staff, 'proxy-p-001').click()
      await visible(staff, 'dialog-confirm').click()
      expect(await staff.locator('[role="dialog"]:visible').innerText()).toContain('请写明原因')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-001')).toBeNull()
      await visible(staff, 'reason-input').locator('input').fill('本人到场，不会用手机')
      await visible(staff, 'dialog-confirm').click()
      expect(await textOf(staff, 'staff-result')).toContain('签到成功')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-001')).toMatchObject({
        method: 'proxy',
        reason: '本人到场，不会用手机'
      })
    })

    it('keeps a scan made without network as 待同步, and checks in when it syncs', async () => {
      await open(staff, '/packages/staff/code/index?id=a-xuanjiang-0', 'staff-code-qr')
      const fresh = (await visible(staff, 'staff-code-qr').getAttribute('data-token'))!
      const li = await person('local:lideming')
      await open(li, '/pages/checkin/index', 'checkin-reader-input')
      const scannedAt = clock.now()
      await li.context().setOffline(true)
      await pasteCode(li, 'checkin-reader', fresh)
      expect(await textOf(li, 'checkin-result')).toContain('待同步')
      expect(await textOf(li, 'checkin-pending')).toContain('待同步')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-lideming')).toBeNull()

      // Back online an hour later: the outbox sends it by itself on its next retry. The code has long expired,
      // but it was valid when scanned.
      await li.context().setOffline(false)
      await setTime(clock.now() + 3600_000)
      await visible(li, 'checkin-pending').waitFor({ state: 'detached' })
      expect(await textOf(li, 'checkin-result')).toContain('已上传')
      expect(await host.store.get('checkins', 'a-xuanjiang-0:p-lideming')).toMatchObject({
        scannedAt,
        walkIn: true,
        method: 'scan'
      })
    })
  })
})
