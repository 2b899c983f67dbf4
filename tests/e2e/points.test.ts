/**
 * Points end to end in the real h5 build against the real local host over SQLite, two people on two phones:
 * staff record 送学上门 for 张桂兰 → her balance rises → she redeems 老花镜 and gets a pick-up code → staff 核销
 * it → both sides show the right balance and history.
 */
import type { Browser, Page } from 'playwright-core'
import { spacedCode } from '../../types/points-words'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'

jest.setTimeout(120_000)

const ZGL = 'p-zhangguilan'

describe('h5: award → balance rises → redeem → staff 核销', () => {
  let host: RunningHost
  let browser: Browser
  let elder: Page
  let staff: Page
  let start = 0
  let code = ''
  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR })
    browser = await launch()
    ;({ page: elder } = await phone(browser))
    ;({ page: staff } = await phone(browser))
    start = (await host.store.get('pointsBalances', ZGL))!.balance
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const balance = async () => (await host.store.get('pointsBalances', ZGL))!.balance
  const fill = async (page: Page, testId: string, text: string) => {
    const input = visible(page, testId).locator('input')
    await input.fill(text)
  }
  const textOf = async (page: Page, testId: string) => {
    await visible(page, testId).first().waitFor()
    return visible(page, testId).first().innerText()
  }

  it('staff record 送学上门 for her from 我的 → 积分管理', async () => {
    await demoLogin(staff, host.url, 'local:chenjing')
    await visible(staff, 'tab-我的').click()
    await visible(staff, 'me-points-staff').click()
    await visible(staff, 'go-people').click()
    await fill(staff, 'people-q', '桂兰')
    await visible(staff, 'people-search').click()
    await visible(staff, `person-${ZGL}`).click()
    expect(await textOf(staff, 'person-balance')).toBe(String(start))
    await fill(staff, 'award-title', '学习全会精神')
    await visible(staff, 'award-submit').click()
    expect(await textOf(staff, 'person-outcome')).toContain(`已记 5 分，现在 ${start + 5} 分`)
    expect(await balance()).toBe(start + 5)
    // Recording it again counts once.
    await fill(staff, 'award-title', '学习全会精神')
    await visible(staff, 'award-submit').click()
    await staff.locator('[data-testid="person-outcome"]:visible', { hasText: '已经记过积分' }).waitFor()
    expect(await balance()).toBe(start + 5)
    // The ledger look was logged.
    expect(await host.store.count('audit', { action: 'points.staff.ledger', subjectPersonId: ZGL })).toBeGreaterThan(0)
  })

  it('she sees her balance risen and the record in plain words, from the 我的积分 tile', async () => {
    await demoLogin(elder, host.url, 'local:zhangguilan')
    await visible(elder, 'tile-points').click()
    await visible(elder, 'page-points').waitFor()
    await elder.locator('[data-testid="points-balance"]:visible', { hasText: String(start + 5) }).waitFor()
    const first = visible(elder, 'history-item').first()
    expect(await first.innerText()).toMatch(/送学上门「学习全会精神」\s*\+5/)
  })

  it('she redeems 老花镜 after confirming and gets a pick-up code', async () => {
    await visible(elder, 'go-shop').click()
    await visible(elder, 'shop-balance').waitFor()
    await visible(elder, 'redeem-ri-glasses').click()
    await visible(elder, 'dialog-confirm').click()
    const shown = await textOf(elder, 'redeem-code')
    code = shown.replace(/\s/g, '')
    expect(code).toMatch(/^\d{8}$/)
    expect(shown).toBe(spacedCode(code))
    expect(await balance()).toBe(start + 5 - 30)
    expect((await host.store.get('redemptions', code))!.status).toBe('reserved')
  })

  it('staff 核销 the code she shows', async () => {
    await staff.goto(`${host.url}/#/packages/points-staff/verify/index`)
    await fill(staff, 'verify-code', code)
    await visible(staff, 'verify-find').click()
    expect(await textOf(staff, 'verify-found')).toContain('张桂兰')
    await visible(staff, 'verify-confirm').click()
    await visible(staff, 'dialog-confirm').click()
    expect(await textOf(staff, 'verify-notice')).toContain('已核销：张桂兰 领取了「老花镜」')
    expect((await host.store.get('redemptions', code))!.status).toBe('picked')
  })

  it('both sides show the same balance and history afterwards', async () => {
    await elder.goto(`${host.url}/#/packages/points/orders/index`)
    expect(await textOf(elder, `order-${code}`)).toContain('已领取')
    await elder.goto(`${host.url}/#/packages/points/index/index`)
    await elder.locator('[data-testid="points-balance"]:visible', { hasText: String(start - 25) }).waitFor()
    expect(await visible(elder, 'history-item').first().innerText()).toMatch(/兑换「老花镜」\s*−30/)

    await staff.goto(`${host.url}/#/packages/points-staff/person/index?id=${ZGL}`)
    await staff.locator('[data-testid="person-balance"]:visible', { hasText: String(start - 25) }).waitFor()
    const lines = await visible(staff, 'history-item').allInnerTexts()
    expect(lines[0]).toMatch(/兑换「老花镜」\s*−30/)
    expect(lines[1]).toMatch(/送学上门「学习全会精神」\s*\+5/)
    expect(await balance()).toBe(start - 25)
  })
})
