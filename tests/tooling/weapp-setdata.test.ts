/**
 * The setData measurement over the built mini-program (dist/weapp, built by `npm test` before jest): that it
 * really renders every page with the demo data coming through the handlers, that it flags what is over the
 * limit, and that long lists stay small however much a deployment holds (they are paged).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { walkPlan } from '../support/page-catalog'
import type { SimResult } from '../support/weapp-sim/sim'

jest.setTimeout(300_000)
const run = promisify(execFile)

const root = path.join(__dirname, '../..')
const SCRIPT = path.join(root, 'scripts/weapp-setdata.mjs')

/** Evaluates `expr` (with the script's exports as `m`) in a plain Node process: it is an ES module script. */
async function viaNode<T>(expr: string): Promise<T> {
  const code = `import * as m from ${JSON.stringify(SCRIPT)}; const r = await (${expr}); process.stdout.write(JSON.stringify(r)); process.exit(0)`
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(stdout) as T
}

type Measured = { results: SimResult[]; problems: string[] }
const LIMIT = 256 * 1024

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/weapp/app.js')))
    throw new Error('dist/weapp is missing: run npm run build:weapp (npm test builds it)')
})

const page = (r: SimResult, p: string) => {
  const found = r.pages.find((x) => x.path === p)
  if (!found) throw new Error(`${p} was not visited`)
  return found
}

describe('setData of the built mini-program', () => {
  it('loads every page of 张桂兰 in 长辈版, each rendering real data through the cloud-function handlers', async () => {
    const { results, problems } = await viaNode<Measured>(`m.measureSetData({ users: ['retiree'], modes: ['elder'] })`)
    expect(problems).toEqual([])
    const [r] = results
    expect(r.pages.map((p) => p.path)).toEqual(
      walkPlan()
        .filter((v) => v.user === 'retiree')
        .map((v) => v.path)
    )
    expect(r.apiCalls).toBeGreaterThan(10)
    // Words only the seeded data holds: her name, an activity, her points shop, her help request.
    expect(page(r, 'pages/me/index').text).toContain('张桂兰')
    expect(page(r, 'pages/activities/index').text).toContain('太极拳晨练')
    expect(page(r, 'packages/points/shop/index').text).toContain('书法字帖')
    expect(page(r, 'packages/help/detail/index').text).toContain('就医陪护')
    // 长辈版 reached the page (the home page's switch says it is on).
    expect(page(r, 'pages/index/index').text).toContain('已开')
    for (const p of r.pages)
      expect({ path: p.path, calls: p.calls > 0, errors: p.errors }).toEqual({ path: p.path, calls: true, errors: [] })
  })

  it('flags a page over the limit, one that never rendered, and errors', async () => {
    const base = {
      path: 'packages/x/index',
      query: '',
      calls: 1,
      maxBytes: 1000,
      totalBytes: 1000,
      sample: [],
      text: '',
      errors: []
    }
    const result = (pages: SimResult['pages']): SimResult => ({
      user: 'retiree',
      mode: 'normal',
      pages,
      apiCalls: 1,
      errors: []
    })
    const cases = [
      [base],
      [{ ...base, maxBytes: LIMIT + 1 }],
      [{ ...base, calls: 0 }],
      [{ ...base, errors: ['TypeError: boom\n  at x'] }]
    ].map((pages) => [result(pages)])
    const [ok, over, never, broken] = await viaNode<string[][]>(
      `[m.SETDATA_LIMIT === ${LIMIT} ? null : 'limit', ...${JSON.stringify(cases)}.map((c) => m.setDataProblems(c))].filter((x) => x !== null)`
    )
    expect(ok).toEqual([])
    expect(over[0]).toMatch(/packages\/x\/index .*262145 bytes > 262144/)
    expect(never[0]).toMatch(/never rendered/)
    expect(broken[0]).toMatch(/TypeError: boom$/)
  })

  it('keeps long lists small in a large deployment (400 more activities and 400 messages): they are paged', async () => {
    const { results, problems } = await viaNode<Measured>(
      `m.measureSetData({ users: ['retiree', 'staff'], modes: ['normal'], big: true })`
    )
    expect(problems).toEqual([])
    const [retiree, staff] = results
    // A card or row takes about 1–3 KB of setData (Taro sends the element tree): unpaged, 400 of them would be
    // far over the 256 KB limit (the desk's old cut at 100 rows was ~124 KB). Paged, each stays under a quarter.
    const activities = page(retiree, 'pages/activities/index')
    const messages = page(retiree, 'packages/me/messages/index')
    const desk = page(staff, 'packages/staff/index/index')
    expect(activities.text).toContain('社区书画交流')
    expect(messages.text).toContain('活动提醒')
    expect(desk.text).toContain('社区书画交流')
    for (const p of [activities, messages, desk])
      expect({ path: p.path, underAQuarter: p.maxBytes < LIMIT / 4 }).toEqual({ path: p.path, underAQuarter: true })
  })
})
