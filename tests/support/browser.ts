/**
 * Real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser downloads) at
 * phone size. A missing browser or a missing h5 build fails the run: e2e tests never skip.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// YL_H5_DIR: for bundled scripts (npm run screenshots), where __dirname is not this folder.
export const H5_DIR = process.env.YL_H5_DIR ?? path.join(__dirname, '../../dist/h5')

export function requireBuild(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (see .ci/run)`)
  if (!existsSync(path.join(H5_DIR, 'index.html')))
    throw new Error('dist/h5 is missing: run npm run build:h5 (npm test does)')
}

/** `extraArgs`: more Chromium switches, e.g. a fake camera (tests/support/fake-camera.ts). */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  requireBuild()
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs
    ]
  })
}

/** A phone-sized page; `at`: the browser's clock fixed there (the server's fixed clock). A page error fails the test. */
export async function phone(
  browser: Browser,
  opts: { at?: number } = {}
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'UTC'
  })
  if (opts.at !== undefined) await context.clock.setFixedTime(new Date(opts.at))
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  return { context, page }
}

/** Tab pages stay in the DOM when hidden in Taro h5: always look for the visible copy. */
export function visible(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]:visible`)
}

/** Logs in through the 演示登录 page, as a person would. */
export async function demoLogin(page: Page, baseUrl: string, accountId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await visible(page, `demo-${accountId}`).click()
  await visible(page, 'page-home').waitFor()
}
