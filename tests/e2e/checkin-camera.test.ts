/**
 * The h5 check-in page with a camera (issue 12): the staff's rotating code, filmed by Chromium's fake camera
 * (a Y4M video of that very QR code), is read by the page's decoder and checks the elder in for real against
 * the local host. Without permission, or without a camera, the page says so in words and the paste box still
 * works. The decoder (jsQR) is a chunk of its own, fetched only once a code reader is on screen.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beijingTime, businessDay } from '../../types/time'
import type { FixedClock } from '../../server/core/clock'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'
import { DEFAULT_NOW } from '../support/harness'
import { fakeCameraArgs, qrVideo } from '../support/fake-camera'

jest.setTimeout(120_000)

const ZGL = 'p-zhangguilan'
const TALK = 'a-xuanjiang-0' // 学习贯彻全会精神宣讲会, 09:30 today, 5 points

describe('h5: 扫码签到 with the camera', () => {
  let host: RunningHost
  let clock: FixedClock
  let plain: Browser
  let filming: Browser
  let dir: string
  const contexts: BrowserContext[] = []

  async function person(browser: Browser, accountId: string, camera: boolean): Promise<Page> {
    const { context, page } = await phone(browser, { at: clock.now() })
    contexts.push(context)
    if (camera) await context.grantPermissions(['camera'], { origin: host.url })
    await demoLogin(page, host.url, accountId)
    return page
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    clock = host.clock as FixedClock
    clock.set(beijingTime(businessDay(DEFAULT_NOW), '09:05'))
    dir = mkdtempSync(path.join(tmpdir(), 'yl-camera-'))
    plain = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await filming?.close()
    await plain?.close()
    await host?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the decoder out of the pages until a code reader is on screen', async () => {
    const page = await person(plain, 'local:zhangguilan', false)
    const fetched: string[] = []
    page.on('request', (r) => fetched.push(r.url()))
    await page.goto(`${host.url}/#/pages/index/index`)
    await visible(page, 'page-home').waitFor()
    await page.waitForLoadState('networkidle')
    expect(fetched.filter((u) => /jsqr/i.test(u))).toEqual([])
    await page.goto(`${host.url}/#/pages/checkin/index`)
    await visible(page, 'checkin-reader-camera').waitFor()
    await page.waitForRequest((r) => /jsqr/i.test(r.url()), { timeout: 10_000 })
  })

  it('reads the code on the staff screen through the camera and checks her in', async () => {
    const staff = await person(plain, 'local:liufang', false)
    await staff.goto(`${host.url}/#/packages/staff/code/index?id=${TALK}`)
    await visible(staff, 'staff-code-qr').waitFor()
    const token = (await visible(staff, 'staff-code-qr').getAttribute('data-token'))!
    filming = await launch(fakeCameraArgs(qrVideo(token, path.join(dir, 'code.y4m'))))

    const before = (await host.store.get('pointsBalances', ZGL))!.balance
    const elder = await person(filming, 'local:zhangguilan', true)
    await elder.goto(`${host.url}/#/pages/checkin/index`)
    await visible(elder, 'checkin-reader-camera').click()
    const result = visible(elder, 'checkin-result')
    await result.waitFor({ timeout: 20_000 })
    expect(await result.innerText()).toContain('签到成功')
    expect((await host.store.get('pointsBalances', ZGL))!.balance).toBe(before + 5)
    expect(await host.store.get('checkins', `${TALK}:${ZGL}`)).toBeTruthy()
    // Once read, the camera is off again.
    expect(await elder.locator('video').count()).toBe(0)
  })

  it('says in words when the camera may not be used, and the paste box still works', async () => {
    const elder = await person(filming, 'local:lideming', false)
    await elder.goto(`${host.url}/#/pages/checkin/index`)
    await visible(elder, 'checkin-reader-camera').click()
    expect(await visible(elder, 'checkin-reader-camera-problem').innerText()).toContain('没有得到使用摄像头的许可')
    expect(await visible(elder, 'checkin-reader-input').isVisible()).toBe(true)
  })

  it('says in words when there is no camera', async () => {
    const elder = await person(plain, 'local:lideming', true)
    await elder.goto(`${host.url}/#/pages/checkin/index`)
    await visible(elder, 'checkin-reader-camera').click()
    expect(await visible(elder, 'checkin-reader-camera-problem').innerText()).toMatch(/没有找到摄像头|摄像头没有打开/)
  })
})
