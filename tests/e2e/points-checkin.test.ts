/**
 * Issue 4's end-to-end flow with a real check-in, in the h5 build against the real local host over SQLite:
 * staff show the rotating code → she checks in on her phone → her balance rises by the activity's points →
 * she redeems 老花镜 → staff 核销 the pick-up code → both sides agree.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beijingTime, businessDay } from '../../types/time'
import type { FixedClock } from '../../server/core/clock'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'
import { DEFAULT_NOW } from '../support/harness'

jest.setTimeout(120_000)

const ZGL = 'p-zhangguilan'
const TALK = 'a-xuanjiang-0' // 学习贯彻全会精神宣讲会, 09:30 today, 5 points

describe('h5: check in → balance rises → redeem → staff 核销', () => {
  let host: RunningHost
  let clock: FixedClock
  let browser: Browser
  const contexts: BrowserContext[] = []
  let elder: Page
  let staff: Page
  let start = 0
  let code = ''

  async function person(accountId: string): Promise<Page> {
    const { context, page } = await phone(browser, { at: clock.now() })
    contexts.push(context)
    await demoLogin(page, host.url, accountId)
    return page
  }
  const balance = async () => (await host.store.get('pointsBalances', ZGL))!.balance
  const textOf = async (page: Page, testId: string) => {
    await visible(page, testId).first().waitFor()
    return visible(page, testId).first().innerText()
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    clock = host.clock as FixedClock
    // At the door, 25 minutes before the talk: check-in is open.
    clock.set(beijingTime(businessDay(DEFAULT_NOW), '09:05'))
    browser = await launch()
    elder = await person('local:zhangguilan')
    staff = await person('local:liufang')
    start = await balance()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('checks her in with the code on the staff screen, and her balance rises by the activity’s points', async () => {
    await staff.goto(`${host.url}/#/packages/staff/code/index?id=${TALK}`)
    await visible(staff, 'staff-code-qr').waitFor()
    const token = (await visible(staff, 'staff-code-qr').getAttribute('data-token'))!

    await elder.goto(`${host.url}/#/pages/checkin/index`)
    await visible(elder, 'checkin-reader-input').locator('input').fill(token)
    await visible(elder, 'checkin-reader-submit').click()
    expect(await textOf(elder, 'checkin-result')).toContain('签到成功')
    expect(await balance()).toBe(start + 5)
    expect(await host.store.get('pointsLedger', `award:checkin:${TALK}:${ZGL}`)).toMatchObject({
      amount: 5,
      kind: 'award'
    })
  })

  it('shows the award on 我的积分 in plain words', async () => {
    await elder.goto(`${host.url}/#/packages/points/index/index`)
    await elder.locator('[data-testid="points-balance"]:visible', { hasText: String(start + 5) }).waitFor()
    expect(await visible(elder, 'history-item').first().innerText()).toMatch(/参加「学习贯彻全会精神宣讲会」\s*\+5/)
  })

  it('lets her redeem 老花镜 and shows the pick-up code', async () => {
    await elder.goto(`${host.url}/#/packages/points/shop/index`)
    await visible(elder, 'redeem-ri-glasses').click()
    await visible(elder, 'dialog-confirm').click()
    code = (await textOf(elder, 'redeem-code')).replace(/\s/g, '')
    expect(code).toMatch(/^\d{8}$/)
    expect(await balance()).toBe(start + 5 - 30)
  })

  it('lets staff 核销 it, and both sides agree afterwards', async () => {
    await staff.goto(`${host.url}/#/packages/points-staff/verify/index`)
    await visible(staff, 'verify-code').locator('input').fill(code)
    await visible(staff, 'verify-find').click()
    expect(await textOf(staff, 'verify-found')).toContain('张桂兰')
    await visible(staff, 'verify-confirm').click()
    await visible(staff, 'dialog-confirm').click()
    expect(await textOf(staff, 'verify-notice')).toContain('已核销：张桂兰 领取了「老花镜」')

    await elder.goto(`${host.url}/#/packages/points/index/index`)
    await elder.locator('[data-testid="points-balance"]:visible', { hasText: String(start - 25) }).waitFor()
    const lines = await visible(elder, 'history-item').allInnerTexts()
    expect(lines[0]).toMatch(/兑换「老花镜」\s*−30/)
    expect(lines[1]).toMatch(/参加「学习贯彻全会精神宣讲会」\s*\+5/)
    expect(await balance()).toBe(start - 25)
  })
})
