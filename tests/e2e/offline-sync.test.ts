/**
 * The outbox in the real h5 build against the real local host: a sign-up made without a connection to the
 * server is shown as 待同步 at once (optimistically: the main button already offers 取消报名), survives a
 * reload of the page (the outbox is persisted), and is sent when the browser says it is online again — with
 * the page's timers frozen, so only the `online` event can have sent it (src/platform/network-watch.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, visible } from '../support/browser'

jest.setTimeout(90_000)

describe('h5: a write made offline', () => {
  let host: RunningHost
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    browser = await launch()
    context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'UTC' })
    await context.clock.install({ time: new Date(DEFAULT_NOW) })
    page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await demoLogin(page, host.url, 'local:zhangguilan')
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const text = async (testId: string) => {
    const el = visible(page, testId)
    await el.waitFor()
    return el.innerText()
  }

  it('shows a sign-up made without the server as 待同步, with its effect on the page', async () => {
    await page.goto(`${host.url}/#/packages/activity/detail/index?id=a-volunteer-5`)
    expect(await text('main-action')).toBe('报名')
    // The server cannot be reached (the page itself is already loaded).
    await page.route('**/api', (route) => route.abort('internetdisconnected'))
    await visible(page, 'main-action').click()
    expect(await text('signup-result')).toContain('已记下，待同步')
    expect(await text('activity-status')).toContain('报名待同步')
    await expect(visible(page, 'main-action').innerText()).resolves.toBe('取消报名')
    expect(await text('sync-status')).toContain('待同步 1 项')
    expect(await host.store.get('signups', 'a-volunteer-5:p-zhangguilan')).toBeNull()
  })

  it('still holds it after the page is reloaded, and sends it when the browser is back online', async () => {
    await page.reload()
    expect(await text('sync-status')).toContain('待同步 1 项')
    expect(await text('sync-status')).toContain('报名「关爱空巢老人上门探访」')
    expect(await host.store.get('signups', 'a-volunteer-5:p-zhangguilan')).toBeNull()

    // Freeze the page's timers: the outbox's backoff timer cannot fire from here on.
    await context.clock.pauseAt(new Date(DEFAULT_NOW + 60_000))
    await context.setOffline(true)
    await page.unroute('**/api')
    await context.setOffline(false) // fires window 'online'
    await visible(page, 'sync-status').waitFor({ state: 'detached' })
    expect(await host.store.get('signups', 'a-volunteer-5:p-zhangguilan')).toMatchObject({
      status: 'signed',
      actorAccountId: 'local:zhangguilan'
    })
    expect(await host.store.count('mutations', { accountId: 'local:zhangguilan', action: 'signup.create' })).toBe(1)
  })
})
