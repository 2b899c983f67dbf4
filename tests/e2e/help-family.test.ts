/**
 * 求助 and 代办 end to end, in the real h5 build against the real local host: a son binds to his mother with her
 * invite code and she confirms; acting for her he asks for help (with a photo); county staff dispatch it to a
 * volunteer, who does it; the son rates it; and the mother sees it, and who did what, in her own history.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'
import { axe } from '../support/measure'
import { waitUntilDrawn } from '../support/page-walk'

jest.setTimeout(180_000)

const SON = 'local:e2e-son'

describe('h5: a family member asks for help for his mother and sees it through', () => {
  let host: RunningHost
  let browser: Browser
  const contexts: BrowserContext[] = []
  let mother: Page
  let son: Page
  let requestId = ''

  async function as(accountId: string): Promise<Page> {
    const { context, page } = await phone(browser)
    contexts.push(context)
    await demoLogin(page, host.url, accountId)
    return page
  }
  const go = (page: Page, path: string) => page.goto(`${host.url}/#${path}`)
  const input = (page: Page, testId: string) =>
    page
      .locator(
        `[data-testid="${testId}"]:visible input, [data-testid="${testId}"]:visible textarea, input[data-testid="${testId}"]:visible, textarea[data-testid="${testId}"]:visible`
      )
      .first()

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR })
    // A son with a login of his own and no binding yet (shown on the 演示登录 page for this test).
    await host.store.transaction((tx) =>
      tx.put('accounts', {
        _id: SON,
        kind: 'local',
        displayName: '张建军',
        roles: ['family'],
        personId: null,
        orgUnitId: null,
        phone: '13800138066',
        passwordHash: null,
        demo: { label: '家属（测试）', order: 50 },
        createdAt: Date.now()
      })
    )
    browser = await launch()
    mother = await as('local:zhangguilan')
    son = await as(SON)
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await host?.stop()
  })

  it('binds the son to his mother with her one-time code, once she confirms', async () => {
    await go(mother, '/pages/me/index')
    await visible(mother, 'me-family-members').click()
    await visible(mother, 'invite-create').click()
    const code = (await visible(mother, 'invite-code').innerText()).trim()
    expect(code).toMatch(/^\d{6}$/)

    await visible(son, 'tile-elders').click()
    await visible(son, 'family-bind').click()
    await input(son, 'bind-code').fill(code)
    await visible(son, 'bind-relation-儿子').click()
    await visible(son, 'bind-submit').click()
    await visible(son, 'bind-done').waitFor()

    await mother.reload()
    await visible(mother, 'binding-confirm').click()
    await visible(mother, 'notice').filter({ hasText: '已和张建军绑定' }).waitFor()
  })

  it('acts for her: the banner stays on, and he asks for help with a photo', async () => {
    await go(son, '/packages/family/home/index')
    await visible(son, 'act-for-p-zhangguilan').click()
    await visible(son, 'proxy-banner').filter({ hasText: '正在为「张桂兰」代办' }).waitFor()
    await visible(son, 'proxy-help-new').click()
    await visible(son, 'page-help-new').waitFor()
    await visible(son, 'proxy-banner').waitFor()
    // The duty phone is the first thing on the page, above the fold.
    const call = await visible(son, 'call-duty').boundingBox()
    expect(call!.y + call!.height).toBeLessThan(812)
    expect(await visible(son, 'call-duty').innerText()).toContain('0937-2612100')

    await visible(son, 'help-category-就医陪护').click()
    await input(son, 'help-description').fill('母亲周二上午去市医院复查心脏，我在外地，请人陪同挂号取药。')
    const jpeg = await son.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 64
      c.height = 48
      const g = c.getContext('2d')!
      g.fillStyle = '#a8071a'
      g.fillRect(0, 0, 64, 48)
      return c.toDataURL('image/jpeg', 0.9).split(',')[1]
    })
    const [chooser] = await Promise.all([son.waitForEvent('filechooser'), visible(son, 'help-add-photo').click()])
    await chooser.setFiles({ name: 'report.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') })
    await son.locator('.yl-help-new__photo-state:visible').filter({ hasText: '已上传' }).waitFor()
    await input(son, 'help-address').fill('肃州区东关街道富康家园 3 号楼 401')
    await input(son, 'help-phone').fill('13800138066')
    await visible(son, 'help-submit').click()
    await visible(son, 'help-created').waitFor()
    requestId = new URL(son.url().replace('/#/', '/')).searchParams.get('id') ?? ''
    expect(requestId).toMatch(/^hr_/)
    expect(await visible(son, 'help-status').innerText()).toContain('已提交')
    expect(await son.locator('.yl-help-detail__photo:visible').count()).toBe(1)
    // The photo is served back through its signed address.
    await son.waitForFunction(() =>
      Array.from(document.querySelectorAll('.yl-help-detail__photo-img img')).some(
        (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 64
      )
    )
  })

  it('staff of her county dispatch it to the suggested volunteer', async () => {
    const staff = await as('local:chenjing')
    await go(staff, '/packages/help-staff/queue/index')
    await visible(staff, `help-${requestId}`).click()
    await visible(staff, 'help-assign').click()
    await visible(staff, 'assign-local:wangjianguo').click()
    await visible(staff, 'page-help-detail').waitFor()
    await visible(staff, 'help-assignee').filter({ hasText: '王建国' }).waitFor()
    expect(await visible(staff, 'help-status').innerText()).toContain('已派单')
  })

  it('the volunteer finds it in 我的任务, does it and says what he did', async () => {
    const volunteer = await as('local:wangjianguo')
    await go(volunteer, '/pages/me/index')
    await visible(volunteer, 'me-help-tasks').click()
    await visible(volunteer, `help-${requestId}`).click()
    await visible(volunteer, 'help-start').click()
    await visible(volunteer, 'help-status').filter({ hasText: '处理中' }).waitFor()
    await visible(volunteer, 'help-complete').click()
    await input(volunteer, 'help-form-text').fill('陪同复查，取了药，已送回家。')
    await visible(volunteer, 'help-form-confirm').click()
    await visible(volunteer, 'help-status').filter({ hasText: '已完成' }).waitFor()
  })

  it('the son rates it for her', async () => {
    await go(son, `/packages/help/detail/index?id=${requestId}`)
    await visible(son, 'help-stars-5').click()
    await input(son, 'help-comment').fill('王老师很耐心，谢谢！')
    await visible(son, 'help-rate').click()
    await visible(son, 'help-status').filter({ hasText: '已评价' }).waitFor()
  })

  it('the mother sees it in her own history, with who did what for her', async () => {
    await go(mother, '/packages/help/list/index')
    const card = visible(mother, `help-${requestId}`)
    await card.waitFor()
    expect(await card.innerText()).toContain('已评价')
    await card.click()
    await visible(mother, 'help-rating').filter({ hasText: '王老师很耐心' }).waitFor()
    const timeline = await visible(mother, 'help-timeline').innerText()
    expect(timeline).toContain('张建军（儿子）代 张桂兰')
    expect(timeline).toContain('已派单给 王建国（志愿者）')
    expect(timeline).toContain('陪同复查，取了药，已送回家。')
    // Her own contact details she sees in full.
    expect(await visible(mother, 'help-phone').innerText()).toContain('13800138066')

    await go(mother, '/packages/family/done/index')
    await visible(mother, 'done-item').first().waitFor()
    const done = await mother.locator('[data-testid="done-item"]:visible').allInnerTexts()
    expect(done.join('\n')).toContain('张建军（儿子） 提交了求助「就医陪护」')
    expect(done.join('\n')).toContain('张建军（儿子） 评价了求助「就医陪护」')
  })

  it('passes axe on the help and family pages, in normal and 长辈版', async () => {
    const staff = await as('local:chenjing')
    const pages: [Page, string][] = [
      [son, '/packages/help/new/index'],
      [son, `/packages/help/detail/index?id=${requestId}`],
      [son, '/packages/family/home/index'],
      [son, '/packages/family/bind/index'],
      [mother, '/packages/family/members/index'],
      [mother, '/packages/family/done/index'],
      [mother, '/packages/help/list/index'],
      [staff, '/packages/help-staff/queue/index'],
      [staff, `/packages/help-staff/assign/index?id=${requestId}`],
      [staff, '/packages/help-staff/bindings/index'],
      [staff, '/packages/help-staff/settings/index']
    ]
    const problems: string[] = []
    for (const elder of [false, true]) {
      for (const [page, path] of pages) {
        await go(page, path)
        await waitUntilDrawn(page)
        // The same axe rules as the design walker (tests/support/measure.ts), on this flow's own request with a photo.
        for (const f of await axe(page)) problems.push(`${elder ? '长辈版 ' : ''}${path}: ${f.what}`)
      }
      if (!elder) {
        for (const page of [son, mother, staff]) {
          await go(page, '/pages/index/index')
          await visible(page, 'elder-switch').click()
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('ends 代办 with the banner’s 结束代办', async () => {
    await go(son, '/packages/family/home/index')
    await visible(son, 'proxy-banner').getByRole('button', { name: '结束代办' }).click()
    await visible(son, 'act-for-p-zhangguilan').waitFor()
    expect(await son.locator('[data-testid="proxy-banner"]:visible').count()).toBe(0)
  })
})
