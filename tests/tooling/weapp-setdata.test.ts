/**
 * The setData measurement over the built mini-program (dist/weapp, built by `npm test` before jest): that it
 * really renders every page with the demo data coming through the handlers, that it flags what is over the
 * limit, and that long lists stay small however much a deployment holds (they are paged).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { walkPlan } from '../support/page-catalog'
import type { SimResult } from '../support/weapp-sim/sim'

jest.setTimeout(300_000)

interface SetDataModule {
  SETDATA_LIMIT: number
  measureSetData(o: { users?: string[]; modes?: string[]; big?: boolean }): Promise<{ results: SimResult[]; problems: string[] }>
  setDataProblems(results: SimResult[], limit?: number): string[]
}

const root = path.join(__dirname, '../..')
// An ES module script: loaded the way Node loads it (jest's own module system would not).
const load = new Function('p', 'return import(p)') as (p: string) => Promise<SetDataModule>

let mod: SetDataModule
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/weapp/app.js'))) throw new Error('dist/weapp is missing: run npm run build:weapp (npm test builds it)')
  mod = await load(path.join(root, 'scripts/weapp-setdata.mjs'))
})

const page = (r: SimResult, p: string) => {
  const found = r.pages.find((x) => x.path === p)
  if (!found) throw new Error(`${p} was not visited`)
  return found
}

describe('setData of the built mini-program', () => {
  it('loads every page of 张桂兰 in 长辈版, each rendering real data through the cloud-function handlers', async () => {
    const { results, problems } = await mod.measureSetData({ users: ['retiree'], modes: ['elder'] })
    expect(problems).toEqual([])
    const [r] = results
    expect(r.pages.map((p) => p.path)).toEqual(walkPlan().filter((v) => v.user === 'retiree').map((v) => v.path))
    expect(r.apiCalls).toBeGreaterThan(10)
    // Words only the seeded data holds: her name, an activity, her points shop, her help request.
    expect(page(r, 'pages/me/index').text).toContain('张桂兰')
    expect(page(r, 'pages/activities/index').text).toContain('太极拳晨练')
    expect(page(r, 'packages/points/shop/index').text).toContain('书法字帖')
    expect(page(r, 'packages/help/detail/index').text).toContain('就医陪护')
    // 长辈版 reached the page (the home page's switch says it is on).
    expect(page(r, 'pages/index/index').text).toContain('已开')
    for (const p of r.pages) expect({ path: p.path, calls: p.calls > 0, errors: p.errors }).toEqual({ path: p.path, calls: true, errors: [] })
  })

  it('flags a page over the limit, one that never rendered, and errors', () => {
    const base = { path: 'packages/x/index', query: '', calls: 1, maxBytes: 1000, totalBytes: 1000, sample: [], text: '', errors: [] }
    const result = (pages: SimResult['pages']): SimResult => ({ user: 'retiree', mode: 'normal', pages, apiCalls: 1, errors: [] })
    expect(mod.setDataProblems([result([base])])).toEqual([])
    expect(mod.setDataProblems([result([{ ...base, maxBytes: mod.SETDATA_LIMIT + 1 }])])[0]).toMatch(/packages\/x\/index .*262145 bytes > 262144/)
    expect(mod.setDataProblems([result([{ ...base, calls: 0 }])])[0]).toMatch(/never rendered/)
    expect(mod.setDataProblems([result([{ ...base, errors: ['TypeError: boom\n  at x'] }])])[0]).toMatch(/TypeError: boom$/)
  })

  it('keeps long lists small in a large deployment (400 more activities and 400 messages): they are paged', async () => {
    const { results, problems } = await mod.measureSetData({ users: ['retiree', 'staff'], modes: ['normal'], big: true })
    expect(problems).toEqual([])
    const [retiree, staff] = results
    // A card or row takes about 1–3 KB of setData (Taro sends the element tree): unpaged, 400 of them would be
    // far over the 256 KB limit. Paged, each list's first load stays under half of it.
    const activities = page(retiree, 'pages/activities/index')
    const messages = page(retiree, 'packages/me/messages/index')
    const desk = page(staff, 'packages/staff/index/index')
    expect(activities.text).toContain('社区书画交流')
    expect(messages.text).toContain('活动提醒')
    expect(desk.text).toContain('社区书画交流')
    for (const p of [activities, messages, desk]) expect({ path: p.path, underHalfTheLimit: p.maxBytes < mod.SETDATA_LIMIT / 2 }).toEqual({ path: p.path, underHalfTheLimit: true })
  })
})
