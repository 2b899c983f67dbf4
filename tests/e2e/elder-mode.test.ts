/**
 * 长辈版 and the home page in the real h5 build against the real local host: the switch is remembered across
 * launches and reaches every page, the tab bar and dialogs; a large font setting turns it on by itself until the
 * reader chooses; a retiree's six tiles, one tap each; 待同步 on the home page while a write waits offline; and
 * 朗读 through speechSynthesis (stubbed in the page to record what is read).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, visible } from '../support/browser'
import { addWalkData, waitUntilDrawn } from '../support/page-walk'

jest.setTimeout(120_000)

/** Records every utterance instead of speaking; the current one ends with window.__finishSpeech(). */
/** Waits (up to 10 s) for something the browser reports to Node by an event. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((r) => setTimeout(r, 50))
}

const SPEECH_STUB = `
  window.__spoken = []
  window.__cancels = 0
  let current = null
  class Utterance {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; this.onend = null; this.onerror = null }
  }
  const synth = {
    speaking: false, pending: false, paused: false,
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null }); current = u },
    cancel() { window.__cancels += 1; const u = current; current = null; if (u && u.onerror) u.onerror({ error: 'interrupted' }) },
    getVoices() { return [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '普通话' }] },
    addEventListener() {}, removeEventListener() {}
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  window.SpeechSynthesisUtterance = Utterance
  window.__finishSpeech = () => { const u = current; current = null; if (u && u.onend) u.onend({}) }
`

describe('h5: 长辈版, the home page, 待同步 and 朗读', () => {
  let host: RunningHost
  let browser: Browser
  const contexts: BrowserContext[] = []

  /** A phone; `fontPx`: the reader's own browser font size (CDP Page.setFontSizes), set before the app starts. */
  async function phoneWith(opts: { fontPx?: number; speech?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai'
    })
    contexts.push(context)
    if (opts.speech) await context.addInitScript(SPEECH_STUB)
    const page = await context.newPage()
    page.on('pageerror', (err) => {
      throw err
    })
    await page.clock.setFixedTime(new Date(DEFAULT_NOW))
    if (opts.fontPx) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: opts.fontPx, fixed: opts.fontPx } })
    }
    return page
  }
  /** A fresh load of the page (a new launch of the app, with nothing else on Taro's page stack). */
  const go = async (page: Page, path: string) => {
    await page.goto('about:blank')
    await page.goto(`${host.url}/#${path}`)
    await waitUntilDrawn(page)
  }
  const px = (page: Page, selector: string, prop: 'fontSize' | 'height') =>
    page
      .locator(`${selector}:visible`)
      .first()
      .evaluate(
        (el, p) => (p === 'height' ? el.getBoundingClientRect().height : parseFloat(getComputedStyle(el).fontSize)),
        prop
      )
  const elder = (page: Page) => page.locator('.yl-page[data-elder]:visible').first().getAttribute('data-elder')

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    await addWalkData(host.store, DEFAULT_NOW)
    browser = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await host?.stop()
  })

  it('remembers the 长辈版 switch across launches and applies it to every page, the tab bar and dialogs', async () => {
    const page = await phoneWith()
    await demoLogin(page, host.url, 'local:zhangguilan')
    expect(await elder(page)).toBe('off')
    expect(await px(page, '[data-testid="tab-首页"] .yl-tabbar__text', 'fontSize')).toBeLessThan(24)
    await visible(page, 'elder-switch').click()
    expect(await visible(page, 'elder-switch').getAttribute('aria-checked')).toBe('true')
    expect(await visible(page, 'elder-switch').innerText()).toContain('已开')

    // A new launch of the app keeps it.
    await page.reload()
    await waitUntilDrawn(page)
    expect(await elder(page)).toBe('on')
    expect(await px(page, '[data-testid="tab-首页"] .yl-tabbar__text', 'fontSize')).toBeGreaterThanOrEqual(24)

    // A page in a subpackage, far from the switch.
    await go(page, '/packages/points/index/index')
    expect(await elder(page)).toBe('on')
    expect(await px(page, '.yl-pts__line', 'fontSize')).toBeGreaterThanOrEqual(24)

    // 我的 has the switch too; its dialog is 长辈版 as well.
    await go(page, '/pages/me/index')
    expect(await visible(page, 'elder-switch').getAttribute('aria-checked')).toBe('true')
    await visible(page, 'logout').click()
    expect(await px(page, '.yl-dialog__message', 'fontSize')).toBeGreaterThanOrEqual(24)
    expect(await px(page, '[role="dialog"] [data-testid="dialog-confirm"]', 'height')).toBeGreaterThanOrEqual(60)
    await visible(page, 'dialog-cancel').click()

    await visible(page, 'elder-switch').click()
    await go(page, '/pages/index/index')
    expect(await elder(page)).toBe('off')
  })

  it('turns 长辈版 on by itself when the reader’s font setting is large, and never against their choice', async () => {
    // A "very large" browser font (24 px, 25.5 on WeChat's scale, above 22): on, untouched.
    const large = await phoneWith({ fontPx: 24 })
    await demoLogin(large, host.url, 'local:lideming')
    expect(await elder(large)).toBe('on')
    expect(await visible(large, 'elder-switch').getAttribute('aria-checked')).toBe('true')

    // She turns it off: that is remembered, also on the next launch with the same large setting.
    await visible(large, 'elder-switch').click()
    expect(await elder(large)).toBe('off')
    await large.reload()
    await waitUntilDrawn(large)
    expect(await elder(large)).toBe('off')

    // The default font (16 px, WeChat's 17): off.
    const normal = await phoneWith()
    await demoLogin(normal, host.url, 'local:lideming')
    expect(await elder(normal)).toBe('off')
  })

  it('gives a retiree exactly six tiles in order, one tap each, and one per row in 长辈版', async () => {
    const page = await phoneWith()
    await demoLogin(page, host.url, 'local:zhangguilan')
    const tiles = page.locator('[data-testid="home-tiles"]:visible [role="button"]')
    expect((await tiles.allInnerTexts()).map((t) => t.replace(/\s+/g, ''))).toEqual([
      '▣扫码签到',
      '☰活动报名',
      '★我的积分',
      '♣志愿服务',
      '✚我要求助',
      '☎联系我们'
    ])
    // Marks are hidden from screen readers: the name is the words.
    expect(await page.getByRole('button', { name: '志愿服务', exact: true }).count()).toBe(1)

    const boxes = async () => Promise.all((await tiles.all()).map((t) => t.boundingBox()))
    expect(new Set((await boxes()).map((b) => Math.round(b!.y))).size).toBe(3)
    await visible(page, 'elder-switch').click()
    await page.locator('[data-testid="page-home"][data-elder="on"]:visible').waitFor()
    const rows = await boxes()
    expect(new Set(rows.map((b) => Math.round(b!.y))).size).toBe(6)
    for (const b of rows) {
      expect(b!.height).toBeGreaterThanOrEqual(60)
      expect(b!.width).toBeGreaterThan(300)
    }

    await visible(page, 'tile-volunteer').click()
    await page.waitForURL(/#\/packages\/volunteer\/index\/index/)

    // 联系我们 calls the liaison phone of her county at once (last: Chromium keeps a tel: link pending).
    await go(page, '/pages/index/index')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Page.enable')
    const called: string[] = []
    cdp.on('Page.frameRequestedNavigation', (e: { url: string }) => {
      if (e.url.startsWith('tel:')) called.push(e.url)
    })
    await visible(page, 'tile-contact').click()
    await until(() => called.length > 0)
    expect(called).toEqual(['tel:0937-2612101'])
  })

  it('shows 待同步 on the home page while a sign-up waits offline, and sends it with one tap', async () => {
    const page = await phoneWith()
    await demoLogin(page, host.url, 'local:lideming')
    await go(page, '/packages/activity/detail/index?id=a-health-2')
    expect(await page.locator('[data-testid="sync-badge"]:visible').count()).toBe(0)

    // The server cannot be reached (the browser itself stays online, so nothing retries by itself: the page's
    // clock is fixed, so no backoff comes due either).
    await page.route(`${host.url}/api**`, (route) => route.abort('internetdisconnected'))
    await visible(page, 'main-action').click()
    await visible(page, 'signup-result').filter({ hasText: '待同步' }).waitFor()
    await visible(page, 'back').click()
    await visible(page, 'page-home').waitFor()
    await waitUntilDrawn(page)
    await visible(page, 'sync-badge').filter({ hasText: '待同步 1 项' }).waitFor()
    // On the home page the badge says it; the big 待同步 box is for the other pages.
    expect(await page.locator('[data-testid="sync-status"]:visible').count()).toBe(0)
    expect(await host.store.get('signups', 'a-health-2:p-lideming')).toBeNull()

    await page.unroute(`${host.url}/api**`)
    await visible(page, 'sync-badge').click()
    await page.locator('[data-testid="sync-badge"]:visible').waitFor({ state: 'detached' })
    expect((await host.store.get('signups', 'a-health-2:p-lideming'))?.status).toBe('signed')
  })

  it('reads an activity, a message and a status notice aloud in Mandarin, and stops on a second tap', async () => {
    const page = await phoneWith({ speech: true })
    const spoken = () =>
      page.evaluate(
        () => (window as unknown as { __spoken: { text: string; lang: string; voice: string | null }[] }).__spoken
      )
    await demoLogin(page, host.url, 'local:zhangguilan')

    await go(page, '/packages/activity/detail/index?id=a-phone-1')
    await visible(page, 'activity-read').click()
    const [first] = await spoken()
    expect(first.lang).toBe('zh-CN')
    expect(first.voice).toBe('zh-CN')
    expect(first.text).toMatch(
      /^智能手机使用培训。.*时间：12月2日 周三，09:00 到 11:00。地点：肃州区老干部活动中心一楼。/
    )
    expect(await visible(page, 'activity-read').innerText()).toContain('停止朗读')
    await visible(page, 'activity-read').click()
    expect(await page.evaluate(() => (window as unknown as { __cancels: number }).__cancels)).toBeGreaterThanOrEqual(2)
    expect(await visible(page, 'activity-read').innerText()).toContain('朗读')
    expect(await visible(page, 'activity-read').innerText()).not.toContain('停止')

    await go(page, '/packages/me/messages/index')
    await visible(page, 'message-read-walk-msg-1').click()
    expect((await spoken()).at(-1)?.text).toBe(
      '活动时间调整：智能手机使用培训。「智能手机使用培训」改到 12月2日 周三 09:00 开始，地点不变。请按时参加。'
    )
    // Read aloud counts as read.
    await visible(page, 'message-walk-msg-1').filter({ hasText: '已读' }).waitFor()
    await page.evaluate(() => (window as unknown as { __finishSpeech(): void }).__finishSpeech())

    await go(page, '/packages/activity/detail/index?id=a-shufa-7')
    await visible(page, 'main-action').click()
    await visible(page, 'signup-result').filter({ hasText: '报名成功' }).waitFor()
    await visible(page, 'signup-result-read').click()
    expect((await spoken()).at(-1)?.text).toBe('报名成功。请按时参加，到场后扫码签到。')
  })
})
