/**
 * axe-core over every page the activities work added, in the real h5 build: names, alt text, contrast, roles.
 * Two findings are not ours and are left out on purpose: Taro's own page container (scrollable-region-focusable)
 * and the shared 返回 button (components/BackBar, label 回到首页 vs text 回首页).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'

jest.setTimeout(90_000)

/** [path, an element that shows the page has loaded, the page's own root] */
const RETIREE_PAGES: [string, string, string][] = [
  ['/packages/activity/detail/index?id=a-phone-1', 'main-action', 'page-activity-detail'],
  ['/packages/activity/mine/index', 'mine-a-xuanjiang-0', 'page-my-activities'],
  ['/packages/me/messages/index', 'page-messages', 'page-messages'],
  ['/packages/me/checkin-code/index', 'my-code-qr', 'page-my-code'],
  ['/pages/checkin/index', 'checkin-reader-input', 'page-checkin'],
  ['/pages/me/index', 'entry-messages', 'page-me']
]
const STAFF_PAGES: [string, string, string][] = [
  ['/packages/staff/index/index', 'manage-a-xuanjiang-0', 'page-staff-desk'],
  ['/packages/staff/activity/index?id=a-xuanjiang-0', 'staff-reader-input', 'page-staff-activity'],
  ['/packages/staff/code/index?id=a-xuanjiang-0', 'staff-code-qr', 'page-staff-code'],
  ['/packages/staff/edit/index?id=a-phone-1', 'f-title', 'page-staff-edit']
]

describe('h5: the activity pages pass axe', () => {
  let host: RunningHost
  let browser: Browser

  /** Only the page's own root: Taro keeps hidden tab pages (and pages being left) in the DOM. */
  async function violations(page: Page, root: string): Promise<string[]> {
    const r = await new AxeBuilder({ page: page as never })
      .include(`[data-testid="${root}"]`)
      .exclude('[data-testid="back"]')
      .disableRules(['scrollable-region-focusable'])
      .analyze()
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`)
  }

  async function check(account: string, pages: [string, string, string][]) {
    const { page } = await phone(browser)
    await page.clock.setFixedTime(new Date(DEFAULT_NOW))
    await demoLogin(page, host.url, account)
    const found: Record<string, string[]> = {}
    for (const [path, ready, root] of pages) {
      await page.goto(`${host.url}/#${path}`)
      await visible(page, ready).waitFor()
      // Wait for the page being left to finish its transition (for a moment both pages are on screen).
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[role="main"]')).filter((m) => (m as HTMLElement).checkVisibility()).length === 1)
      const v = await violations(page, root)
      if (v.length) found[path] = v
    }
    return { page, found }
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('retiree pages', async () => {
    const { found } = await check('local:zhangguilan', RETIREE_PAGES)
    expect(found).toEqual({})
  })

  it('staff pages, and the 代签 dialog', async () => {
    const { page, found } = await check('local:liufang', STAFF_PAGES)
    expect(found).toEqual({})
    await page.goto(`${host.url}/#/packages/staff/activity/index?id=a-past-chongyang`)
    await visible(page, 'proxy-p-lideming').click()
    await visible(page, 'dialog-confirm').click()
    await page.locator('[role="dialog"]:visible').getByText('请写明原因').waitFor()
    expect(await violations(page, 'page-staff-activity')).toEqual([])
  })
})
