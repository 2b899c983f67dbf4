/**
 * Visiting the pages of page-catalog.ts in the h5 build, as their users, in normal mode and in 长辈版. Shared by
 * the walker test and `npm run screenshots`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { StoragePort } from '../../server/storage/port'
import { WALK_USERS, type Mode, type WalkPage, type WalkUserKey } from './page-catalog'

/**
 * What the demo seed does not have but the pages should be seen with: two messages for 张桂兰 (one unread with
 * a link, one read), so 我的消息 shows its cards and their 朗读 buttons.
 */
export async function addWalkData(store: StoragePort, now: number): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.put('messages', {
      _id: 'walk-msg-1',
      toPersonId: 'p-zhangguilan',
      toAccountId: null,
      title: '活动时间调整：智能手机使用培训',
      body: '「智能手机使用培训」改到 12月2日 周三 09:00 开始，地点不变。请按时参加。',
      link: '/packages/activity/detail/index?id=a-phone-1',
      at: now - 3600_000,
      readAt: null
    })
    await tx.put('messages', {
      _id: 'walk-msg-2',
      toPersonId: 'p-zhangguilan',
      toAccountId: null,
      title: '候补成功：学习贯彻全会精神宣讲会',
      body: '有人取消了报名，您已从候补转为正式报名。',
      link: null,
      at: now - 86_400_000,
      readAt: now - 80_000_000
    })
  })
}

/** One signed-in browser context per user and mode (storage is per context, so the modes never mix). */
export interface Session {
  user: WalkUserKey
  mode: Mode
  context: BrowserContext
  page: Page
}

const v = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

export async function openSession(
  browser: Browser,
  baseUrl: string,
  user: WalkUserKey,
  mode: Mode,
  opts: { now?: number; scale?: number } = {}
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: opts.scale ?? 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai'
  })
  const page = await context.newPage()
  const errors: Error[] = []
  page.on('pageerror', (err) => errors.push(err))
  if (opts.now !== undefined) await page.clock.setFixedTime(new Date(opts.now))
  const u = WALK_USERS[user]
  // Everybody starts signed in as themselves (a guest as the retiree, to reach the 长辈版 switch, then signs out).
  const account = u.account ?? WALK_USERS.retiree.account!
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await v(page, `demo-${account}`).click()
  await v(page, 'page-home').waitFor()
  if (mode === 'elder') {
    await v(page, 'elder-switch').click()
    await page.locator('[data-testid="page-home"][data-elder="on"]:visible').waitFor()
  }
  if (u.actingFor) {
    await page.goto(`${baseUrl}/#/packages/family/home/index`)
    await v(page, `act-for-${u.actingFor}`).click()
    await v(page, 'proxy-banner').waitFor()
  }
  if (!u.account) {
    await page.goto(`${baseUrl}/#/pages/me/index`)
    await v(page, 'logout').click()
    await v(page, 'dialog-confirm').click()
    await v(page, 'page-login').waitFor()
  }
  if (errors.length) throw errors[0]
  return { user, mode, context, page }
}

/**
 * Opens a page afresh (a full load, so no other page is on Taro's stack) and waits until it has drawn what it
 * loaded: one visible page, no 正在加载, the network quiet, the fonts in.
 */
export async function openPage(session: Session, baseUrl: string, target: WalkPage): Promise<void> {
  const { page } = session
  await page.goto('about:blank')
  await page.goto(`${baseUrl}${target.hash}`)
  await waitUntilDrawn(page)
  const at = decodeURIComponent(new URL(page.url()).hash)
  if (!at.startsWith(`#/${target.path}`))
    throw new Error(`${target.path} as ${session.user}: the app went to ${at} instead`)
}

export async function waitUntilDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.checkVisibility())
    if (pages.length !== 1) return false
    const frame = pages[0].querySelector('.yl-page')
    if (!frame) return false
    return !pages[0].querySelector('[data-testid="loading"]')?.checkVisibility()
  })
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // A second look: a page may start loading more once the first answer is in.
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('[data-testid="loading"]')).some((l) => l.checkVisibility())
  )
}
