/**
 * The elder-friendly rules, measured on EVERY page of src/app.config.ts (main package and subpackages), as the
 * demo user each page is for, in normal mode and in 长辈版, in the real h5 build against the real local host:
 * axe-core (WCAG 2.x A/AA, best practices, 7:1 enhanced contrast), tap targets ≥ 44×44 px (primary actions
 * ≥ 60×60 in 长辈版), text ≥ 18 px (≥ 24 px in 长辈版), running text line height ≥ 1.5, body contrast ≥ 7:1, every
 * tappable thing announced and focusable, nothing off the right edge or clipped, numbers and names never
 * broken across lines. A failure lists the worst offenders first.
 *
 * The pages, users, ids and dialogs come from tests/support/page-catalog.ts; the measures from
 * tests/support/measure.ts (docs/design-system.md explains both).
 */
import { appendFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { DEFAULT_NOW } from '../support/harness'
import { startHost, type RunningHost } from '../support/http'
import { H5_DIR, launch } from '../support/browser'
import { MODES, MODE_LABEL, WALK_USERS, appPages, walkPlan, type Mode, type WalkUserKey } from '../support/page-catalog'
import { axe, axeExcluded, measure, report, type Extremes, type Finding } from '../support/measure'
import { addWalkData, openPage, openSession, type Session } from '../support/page-walk'

jest.setTimeout(600_000)

const plan = walkPlan()
const users = [...new Set(plan.map((p) => p.user))]

describe('h5: every page, as its user, in normal mode and in 长辈版, meets the elder-friendly rules', () => {
  let host: RunningHost
  let browser: Browser
  const visited = new Set<string>()
  const worst: Record<Mode, Extremes> = {
    normal: { target: null, primary: null, text: null, lineHeight: null, contrast: null },
    elder: { target: null, primary: null, text: null, lineHeight: null, contrast: null }
  }
  let pagesMeasured = 0

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
    await addWalkData(host.store, DEFAULT_NOW)
    browser = await launch()
  })
  afterAll(async () => {
    const fmt = (e: Extremes[keyof Extremes], unit: string) => (e ? `${e.value}${unit} (${e.what})` : '—')
    const lines = MODES.map(
      (m) =>
        `${MODE_LABEL[m]}: smallest target ${fmt(worst[m].target, 'px')}; smallest primary ${fmt(worst[m].primary, 'px')}; smallest text ${fmt(worst[m].text, 'px')}; ` +
        `lowest body line height ${fmt(worst[m].lineHeight, '')}; lowest contrast ${fmt(worst[m].contrast, ':1')}`
    )
    const excluded =
      Object.entries(axeExcluded)
        .map(([rule, n]) => `${rule} ×${n}`)
        .join(', ') || 'none'
    console.log(
      `design walk: ${pagesMeasured} page views (${plan.length} visits × ${MODES.length} modes)\n${lines.join('\n')}\naxe findings on Taro's own markup left out: ${excluded}`
    )
    await browser?.close()
    await host?.stop()
  })

  it('catches what it measures (a page with one of each fault added)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
    try {
      const page = await context.newPage()
      await page.goto(`${host.url}/#/pages/login/index`)
      await page.locator('[data-testid="page-login"]:visible').waitFor()
      await page.evaluate(() => {
        const frame = document.querySelector('.taro_page .yl-frame__body')!
        frame.insertAdjacentHTML(
          'beforeend',
          `<div role="button" tabindex="0" style="width:30px;height:30px;font-size:18px;line-height:1.6">小钮</div>
           <div role="button" tabindex="0" data-primary="true" style="width:200px;height:50px;font-size:30px;line-height:1.6">主要动作</div>
           <span style="font-size:14px;line-height:1.6">小字</span>
           <p style="font-size:18px;line-height:1.2">行距太密</p>
           <p style="font-size:18px;line-height:1.6;color:#777;background:#fff">浅灰正文</p>
           <div style="cursor:pointer;font-size:18px;line-height:1.6">看着能点</div>
           <div role="button" style="width:100px;height:50px;font-size:18px;line-height:1.6">点不到</div>
           <input style="font-size:18px;line-height:1.6;height:50px">
           <div style="width:150px;font-size:18px;line-height:1.6">电话：0937-2612101</div>
           <div style="width:120px;font-size:18px;line-height:1.6">队伍：<span>第二党支部</span></div>
           <div style="white-space:nowrap;font-size:18px;line-height:1.6">肃州区第二党支部志愿服务队的队员名单和服务记录</div>
           <input aria-label="什么时候有空" value="周一到周五上午，周末看情况" style="width:120px;font-size:18px;line-height:1.6;height:50px">
           <div style="width:100px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:18px;line-height:1.6">我的特长：电脑维修</div>`
        )
      })
      const normal = await measure(page, 'normal')
      const found = (kind: string, words: string) =>
        normal.findings.some((f) => f.kind === kind && f.what.includes(words))
      expect(found('target', '小钮')).toBe(true)
      expect(found('text-size', '小字')).toBe(true)
      expect(found('line-height', '行距太密')).toBe(true)
      expect(found('contrast', '浅灰正文')).toBe(true)
      expect(found('unannounced-tap', '看着能点')).toBe(true)
      expect(found('not-focusable', '点不到')).toBe(true)
      expect(found('broken', '0937-2612101')).toBe(true)
      expect(found('broken', '第二党支部')).toBe(true)
      expect(found('overflow', '肃州区第二党支部')).toBe(true)
      expect(found('clipped', '我的特长')).toBe(true)
      expect(found('clipped', '什么时候有空')).toBe(true)
      expect(found('primary-target', '主要动作')).toBe(false)
      expect(
        (await measure(page, 'elder')).findings.some((f) => f.kind === 'primary-target' && f.what.includes('主要动作'))
      ).toBe(true)
      const a = await axe(page)
      expect(a.some((f) => f.what.startsWith('label:'))).toBe(true)
      expect(report([...normal.findings, ...a].map((f) => ({ ...f, where: 'test' })))).toMatch(
        /problems \(.*target 1.*\), worst first:/
      )
    } finally {
      await context.close()
    }
  })

  it('plans every page of app.config.ts, each with a user', () => {
    const pages = appPages()
    expect(pages.length).toBeGreaterThanOrEqual(39)
    expect(plan.filter((p) => !p.name.includes('@')).map((p) => p.path)).toEqual(pages)
    for (const p of plan) expect(Object.keys(WALK_USERS)).toContain(p.user)
  })

  for (const mode of MODES) {
    for (const user of users) {
      it(`${MODE_LABEL[mode]}: the pages of ${WALK_USERS[user as WalkUserKey].label}`, async () => {
        const session: Session = await openSession(browser, host.url, user, mode, { now: DEFAULT_NOW })
        const errors: Error[] = []
        session.page.on('pageerror', (e) => errors.push(e))
        const findings: Finding[] = []
        try {
          for (const target of plan.filter((p) => p.user === user)) {
            await openPage(session, host.url, target)
            const states = [{ key: '', name: '', open: async () => undefined }, ...target.states]
            for (const state of states) {
              await state.open(session.page)
              const where = `${MODE_LABEL[mode]} ${target.hash}${state.name ? ` 〔${state.name}〕` : ''}`
              const m = await measure(session.page, mode)
              expect(m.root).toBe(true)
              const a = await axe(session.page)
              for (const f of [...m.findings, ...a]) findings.push({ ...f, where })
              for (const key of Object.keys(worst[mode]) as (keyof Extremes)[]) {
                const e = m.extremes[key]
                const cur = worst[mode][key]
                if (e && (!cur || e.value < cur.value))
                  worst[mode][key] = { value: e.value, what: `${e.what} on ${target.hash}` }
              }
            }
            visited.add(`${mode} ${target.name}`)
            pagesMeasured += 1
          }
        } finally {
          await session.context.close()
        }
        // YL_WALK_REPORT=<file>: every finding as JSON lines, for working through a long list.
        if (process.env.YL_WALK_REPORT)
          appendFileSync(process.env.YL_WALK_REPORT, findings.map((f) => `${JSON.stringify(f)}\n`).join(''))
        expect(errors.map((e) => e.message)).toEqual([])
        if (findings.length) throw new Error(report(findings))
      })
    }
  }

  it('walked every planned page in both modes', () => {
    expect([...visited].sort()).toEqual(MODES.flatMap((m) => plan.map((p) => `${m} ${p.name}`)).sort())
  })
})
