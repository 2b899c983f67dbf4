/**
 * 志愿服务 end to end, in the real h5 build against the real local host (SQLite), with a fixed server clock
 * (07:00 in Beijing) and every browser's clock at the same instant:
 * 张桂兰 asks to join the 关爱团 → its leader 王建国 approves → she signs up for today's team-only shift →
 * checks in by scanning the staff's 签到码 at 08:50 → checks out by the 签退码 at 11:10 → her hours (2 小时 10 分,
 * counted from the 09:00 start) and points rise → the certificate shows the right total, saves as a PNG, and
 * verifies on the public page without logging in (a changed symbol and an unknown code do not).
 * Then axe (WCAG 2.1 A/AA) over every volunteer page, retiree and staff, in normal and 长辈版.
 */
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FixedClock } from '../../server/core/clock'
import { beijingTime, businessDay } from '../../types/time'
import { CERT_ALPHABET, certCheckSymbol, normalizeCertCode } from '../../types/volunteer-rules'
import { DEMO_VOLUNTEER } from '../../server/seed/volunteer-seed'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, visible } from '../support/browser'

jest.setTimeout(240_000)

const SHIFT = DEMO_VOLUNTEER.todayShift
const TEAM = DEMO_VOLUNTEER.teams.guanai
const ACTIVITY = DEMO_VOLUNTEER.activities.guanai

describe('h5: join a team, serve a shift, and prove it', () => {
  let host: RunningHost
  let clock: FixedClock
  let browser: Browser
  const contexts: BrowserContext[] = []
  let zhang: Page
  let wang: Page
  let staff: Page
  let certCode = ''
  const today = businessDay(DEFAULT_NOW)

  async function phone(accountId: string | null): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      timezoneId: 'UTC',
      acceptDownloads: true
    })
    await context.clock.setFixedTime(new Date(clock.now()))
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    if (accountId) await demoLogin(page, host.url, accountId)
    return page
  }

  async function setTime(t: number) {
    clock.set(t)
    for (const c of contexts) await c.clock.setFixedTime(new Date(t))
  }

  const go = (page: Page, path: string) => page.goto(`${host.url}/#${path}`)
  const field = (page: Page, testId: string) =>
    page.locator(`[data-testid="${testId}"]:visible input, input[data-testid="${testId}"]:visible`).first()
  const textOf = async (page: Page, testId: string) => {
    const el = visible(page, testId)
    await el.waitFor()
    return el.innerText()
  }

  /** The code staff hold up at the door, read off their screen (the QR image carries its text). */
  async function staffCode(direction: 'in' | 'out'): Promise<string> {
    await go(staff, `/packages/volunteer-staff/code/index?id=${SHIFT}&dir=${direction}`)
    expect(await textOf(staff, 'code-direction')).toBe(direction === 'in' ? '志愿服务签到码' : '志愿服务签退码')
    const qr = visible(staff, 'shift-code-qr')
    await qr.waitFor()
    return (await qr.getAttribute('data-token'))!
  }

  async function scan(token: string): Promise<string> {
    await go(zhang, '/pages/checkin/index')
    await field(zhang, 'checkin-reader-input').fill(token)
    await visible(zhang, 'checkin-reader-submit').click()
    return textOf(zhang, 'checkin-result')
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    clock = host.clock as FixedClock
    browser = await launch()
    zhang = await phone('local:zhangguilan')
    wang = await phone('local:wangjianguo')
    staff = await phone('local:chenjing')
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await host?.stop()
  })

  it('finds the 关爱团 from the 志愿服务 tile and asks to join', async () => {
    await go(zhang, '/pages/index/index')
    await visible(zhang, 'tile-volunteer').click()
    await visible(zhang, 'page-volunteer').waitFor()
    expect(await textOf(zhang, 'volunteer-total')).toBe('0 小时')
    await visible(zhang, 'go-teams').click()
    await visible(zhang, `team-${TEAM}`).click()
    await visible(zhang, 'team-join').click()
    expect(await textOf(zhang, 'team-result')).toContain('申请已提交')
    await visible(zhang, 'team-pending').waitFor()
  })

  it('the team leader approves her request on the team page', async () => {
    await go(wang, `/packages/volunteer/team/index?id=${TEAM}`)
    await visible(wang, 'request-p-zhangguilan').waitFor()
    await visible(wang, 'approve-p-zhangguilan').click()
    expect(await textOf(wang, 'team-result')).toContain('已同意 张桂兰 入队')
    await visible(wang, 'member-p-zhangguilan').waitFor()
  })

  it('she signs up for today’s team-only shift', async () => {
    await go(zhang, `/packages/volunteer/activity/index?id=${ACTIVITY}`)
    expect(await textOf(zhang, `act-${SHIFT}`)).toBe('报名这个班次')
    await visible(zhang, `act-${SHIFT}`).click()
    expect(await textOf(zhang, 'shift-result')).toContain('报名成功')
    expect(await host.store.get('shiftSignups', `${SHIFT}:p-zhangguilan`)).toMatchObject({ status: 'signed' })
  })

  it('checks in at 08:50 by the staff’s 签到码 and out at 11:10 by the 签退码; her hours and points rise', async () => {
    await go(zhang, '/packages/points/index/index')
    const pointsBefore = Number(await textOf(zhang, 'points-balance'))

    await setTime(beijingTime(today, '08:50'))
    await go(zhang, `/packages/volunteer/activity/index?id=${ACTIVITY}`)
    expect(await textOf(zhang, `act-${SHIFT}`)).toBe('扫码签到')
    const checkedIn = await scan(await staffCode('in'))
    expect(checkedIn).toContain('签到成功')
    expect(checkedIn).toContain('08:50')

    await setTime(beijingTime(today, '11:10'))
    const checkedOut = await scan(await staffCode('out'))
    expect(checkedOut).toContain('签退成功')
    expect(checkedOut).toContain('记志愿服务时长 2 小时 10 分')
    expect(checkedOut).toContain('提前到达，从 09:00 开始计')
    expect(checkedOut).toContain('得到 5 个积分')

    await go(zhang, '/packages/volunteer/index/index')
    expect(await textOf(zhang, 'volunteer-total')).toBe('2 小时 10 分')
    await go(zhang, '/packages/points/index/index')
    await zhang.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="points-balance"]')?.textContent) === before + 5,
      pointsBefore
    )

    // Staff see her on the roster, checked in and out.
    await go(staff, `/packages/volunteer-staff/shift/index?id=${SHIFT}`)
    expect(await textOf(staff, 'line-p-zhangguilan')).toContain('记 2 小时 10 分')
  })

  it('her certificate shows the right total and saves as a picture', async () => {
    await go(zhang, '/packages/volunteer/hours/index')
    expect(await textOf(zhang, 'hours-total')).toBe('2 小时 10 分')
    await visible(zhang, 'hours-certificate').click()
    await visible(zhang, 'cert-issue').click()
    // Issuing is a write through the outbox: on a loaded machine it may take longer than one default wait.
    await visible(zhang, 'certificate').waitFor({ timeout: 90_000 })
    // The volunteer number tells her apart from any namesake born the same year in the same county.
    expect(await textOf(zhang, 'cert-who')).toMatch(/^兹证明 张桂兰（女，1948年出生，肃州区，志愿者编号 YL\d{6}）/)
    expect(await textOf(zhang, 'cert-total')).toBe('合计：2.2 小时（2 小时 10 分）')
    const items = await zhang.locator('[data-testid="cert-item"]:visible').allInnerTexts()
    expect(items).toEqual([expect.stringContaining('关爱空巢老人结对探访：2.2 小时')])
    certCode = normalizeCertCode(await textOf(zhang, 'cert-code'))
    expect(certCode).toMatch(/^[0-9A-Z]{16}$/)

    const [download] = await Promise.all([zhang.waitForEvent('download'), visible(zhang, 'cert-save').click()])
    expect(download.suggestedFilename()).toBe(`志愿服务证明-张桂兰-${today}.png`)
    const path = await download.path()
    const bytes = readFileSync(path)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.length).toBeGreaterThan(20_000)
    await visible(zhang, 'cert-preview').waitFor()
  })

  it('verifies on the public page without logging in; a changed symbol and an unknown code do not pass', async () => {
    const stranger = await phone(null)
    await go(stranger, `/packages/volunteer/verify/index?code=${certCode}`)
    expect(await textOf(stranger, 'verify-result')).toContain('核验通过')
    expect(await textOf(stranger, 'verify-name')).toBe('张桂兰')
    expect(await textOf(stranger, 'verify-volunteer-no')).toMatch(/^YL\d{6}$/)
    expect(await textOf(stranger, 'verify-total')).toContain('2 小时 10 分')

    const changed =
      certCode.slice(0, 3) +
      CERT_ALPHABET[(CERT_ALPHABET.indexOf(certCode[3]) + 5) % CERT_ALPHABET.length] +
      certCode.slice(4)
    await field(stranger, 'verify-input').fill(changed)
    await visible(stranger, 'verify-submit').click()
    await stranger.locator('[data-testid="page-volunteer-verify"]:visible').getByText('编号有一位不对').waitFor()

    const body = 'K7QX3MDPW9TBHR2'
    await field(stranger, 'verify-input').fill(body + certCheckSymbol(body))
    await visible(stranger, 'verify-submit').click()
    expect(await textOf(stranger, 'verify-result')).toContain('没有查到这份证明')
  })

  it('passes axe on every volunteer page, in normal and 长辈版', async () => {
    const stranger = await phone(null)
    const pages: [Page, string][] = [
      [zhang, '/packages/volunteer/index/index'],
      [zhang, `/packages/volunteer/activity/index?id=${ACTIVITY}`],
      [zhang, '/packages/volunteer/teams/index'],
      [zhang, `/packages/volunteer/team/index?id=${TEAM}`],
      [zhang, '/packages/volunteer/hours/index'],
      [zhang, '/packages/volunteer/certificate/index'],
      [zhang, '/packages/volunteer/profile/index'],
      [wang, '/packages/volunteer/profile/index'],
      [wang, `/packages/volunteer/team/index?id=${TEAM}`],
      [stranger, `/packages/volunteer/verify/index?code=${certCode}`],
      [staff, '/packages/volunteer-staff/index/index'],
      [staff, `/packages/volunteer-staff/activity/index?id=${ACTIVITY}`],
      [staff, `/packages/volunteer-staff/activity-edit/index?id=${ACTIVITY}`],
      [staff, `/packages/volunteer-staff/shift-edit/index?activityId=${ACTIVITY}&id=vs-guanai-d7-am`],
      [staff, `/packages/volunteer-staff/shift/index?id=${SHIFT}`],
      [staff, `/packages/volunteer-staff/code/index?id=${SHIFT}&dir=out`],
      [staff, `/packages/volunteer-staff/team-edit/index?id=${TEAM}`],
      [staff, '/packages/volunteer-staff/pool/index']
    ]
    const problems: string[] = []
    for (const elder of [false, true]) {
      for (const [page, path] of pages) {
        await go(page, path)
        await page.locator('[data-testid^="page-"]:visible').first().waitFor()
        await page
          .locator('.yl-state:visible')
          .filter({ hasText: '正在加载' })
          .waitFor({ state: 'detached' })
          .catch(() => undefined)
        await page.waitForFunction(
          () =>
            Array.from(document.querySelectorAll('[role="main"]')).filter((m) => (m as HTMLElement).checkVisibility())
              .length === 1
        )
        if (path.includes('/certificate/')) {
          // The certificate itself, as drawn on the page.
          await visible(page, 'cert-issue').click()
          await visible(page, 'certificate').waitFor()
        }
        const result = await new AxeBuilder({ page })
          .include('.taro_page:not([style*="display: none"])')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          // Taro's own page scroller (a div with overflow) is not focusable; not ours to change.
          .disableRules(['scrollable-region-focusable'])
          .analyze()
        for (const v of result.violations)
          problems.push(
            `${elder ? '长辈版 ' : ''}${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
          )
        // Big type everywhere: no text under the body size (18 px, 24 px in 长辈版).
        const small = await page.evaluate(
          (min) => {
            const root =
              Array.from(document.querySelectorAll('.taro_page')).find((p) => (p as HTMLElement).checkVisibility()) ??
              document.body
            return Array.from(root.querySelectorAll('*'))
              .filter(
                (e) =>
                  (e as HTMLElement).checkVisibility() &&
                  Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())
              )
              .filter((e) => parseFloat(getComputedStyle(e).fontSize) < min)
              .map((e) => `${(e.textContent ?? '').trim().slice(0, 20)} ${getComputedStyle(e).fontSize}`)
          },
          elder ? 24 : 18
        )
        for (const s of small) problems.push(`${elder ? '长辈版 ' : ''}${path}: small text ${s}`)
      }
      if (!elder) {
        for (const page of [zhang, wang, staff]) {
          await go(page, '/pages/index/index')
          await visible(page, 'elder-switch').click()
        }
        // Not logged in, the verification page carries the 长辈版 switch itself.
        await go(stranger, '/packages/volunteer/verify/index')
        await visible(stranger, 'elder-switch').click()
      }
    }
    expect(problems).toEqual([])
  })
})
