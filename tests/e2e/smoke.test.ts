/**
 * The first vertical slice, in the real h5 build against the real local host over SQLite:
 * 演示登录 → 首页 (greeting, today's activities) → 活动 → activity detail → 我的.
 */
import type { Browser, Page } from 'playwright-core'
import { businessDay } from '../../types/time'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'

jest.setTimeout(60_000)

describe('h5 smoke: a retiree finds today’s activities', () => {
  let host: RunningHost
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR })
    browser = await launch()
    ;({ page } = await phone(browser))
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('logs in on the 演示登录 page and greets her by name', async () => {
    await demoLogin(page, host.url, 'local:zhangguilan')
    await expectText(page, 'greeting', '张桂兰')
  })

  it('shows today’s activities on the home page, from the backend', async () => {
    const today = businessDay(Date.now())
    const { items } = await host.store.find('activities', { where: { status: 'published' } }).then((all) => ({
      items: all.filter(
        (a) => businessDay(a.startAt) === today && (a.audience.kind === 'all' || a.orgUnitId === 'org-sz')
      )
    }))
    expect(items.length).toBeGreaterThan(0)
    for (const a of items) await visible(page, `activity-${a._id}`).waitFor()
  })

  it('opens an activity from the 活动 tab and shows its details', async () => {
    await visible(page, 'tab-活动').click()
    await visible(page, 'page-activities').waitFor()
    await visible(page, 'activity-a-health-2').click()
    await visible(page, 'activity-title').waitFor()
    expect(await visible(page, 'activity-title').innerText()).toBe('冬季健康讲座：预防心脑血管疾病')
    expect(await page.locator('[data-testid="page-activity-detail"]:visible').innerText()).toContain(
      '市人民医院学术报告厅'
    )
  })

  it('shows her name, role and county on 我的', async () => {
    await page.goto(`${host.url}/#/pages/me/index`)
    await expectText(page, 'me-name', '张桂兰')
    await expectText(page, 'me-roles', '老干部')
    await expectText(page, 'me-county', '肃州区')
  })
})

async function expectText(page: Page, testId: string, text: string) {
  const el = visible(page, testId)
  await el.waitFor()
  await expect(el.innerText()).resolves.toContain(text)
}
