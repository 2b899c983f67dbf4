/**
 * An administrator made with admin:create logs in on the h5 app for the first time: the login page asks for a
 * new password before anything else (the server refuses every other call until then), and after the change
 * she is on the home page and the old password no longer works.
 */
import type { Browser, Page } from 'playwright-core'
import { createAdmin } from '../../server/tools/admin-accounts'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import { startHost, post, type RunningHost } from '../support/http'
import { H5_DIR, launch, phone, visible } from '../support/browser'

jest.setTimeout(90_000)

describe('h5: first login of an account made by admin:create', () => {
  let host: RunningHost
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    host = await startHost({ demo: false, staticDir: H5_DIR })
    browser = await launch()
    ;({ page } = await phone(browser))
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('shows the change-password step, then the home page', async () => {
    // The demo deployment has administrators; a new one is vouched for by one of them (password from the seed).
    await createAdmin(host.store, {
      username: 'wangli',
      displayName: '王丽',
      password: 'first-secret-1',
      as: { username: 'admin', password: DEMO_PASSWORD },
      now: Date.now()
    })

    await page.goto(`${host.url}/#/pages/login/index`)
    await visible(page, 'login-username').locator('input').fill('wangli')
    await visible(page, 'login-password').locator('input').fill('first-secret-1')
    await visible(page, 'login-submit').click()

    await visible(page, 'new-password').waitFor()
    await visible(page, 'new-password').locator('input').fill('short')
    await visible(page, 'new-password-again').locator('input').fill('short')
    await visible(page, 'change-password').click()
    await page.getByText('新密码至少要 10 位').first().waitFor()

    await visible(page, 'new-password').locator('input').fill('a-new-secret-9')
    await visible(page, 'new-password-again').locator('input').fill('a-new-secret-9')
    await visible(page, 'change-password').click()
    await visible(page, 'page-home').waitFor()

    expect(
      (await post(`${host.url}/api/auth/login`, { username: 'wangli', password: 'first-secret-1' })).json.code
    ).toBe('LOGIN_FAILED')
    const login = await post(`${host.url}/api/auth/login`, { username: 'wangli', password: 'a-new-secret-9' })
    expect(login.json.data.mustChangePassword).toBe(false)
  })
})
