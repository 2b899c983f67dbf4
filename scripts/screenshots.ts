/**
 * npm run screenshots: a 375×812 PNG of every page of src/app.config.ts, as its user, in normal mode and in
 * 长辈版, into screenshots/ (git-ignored), named <page>--<mode>.png (and <page>--<mode>--<state>.png for a
 * dialog). The same pages, users, ids and dialogs as the accessibility walker (tests/support/page-catalog.ts),
 * against a fresh demo host with the tests' fixed clock, so two runs give the same pictures.
 *
 *   npm run screenshots                  every page, both modes
 *   npm run screenshots -- --full        also <page>--<mode>--full.png of the whole scrolled page
 *   npm run screenshots -- help points   only pages whose path contains one of these words
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_NOW } from '../tests/support/harness'
import { startHost } from '../tests/support/http'
import { H5_DIR, launch } from '../tests/support/browser'
import { MODES, walkPlan } from '../tests/support/page-catalog'
import { addWalkData, openPage, openSession } from '../tests/support/page-walk'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const full = args.includes('--full')
  const only = args.filter((a) => !a.startsWith('--'))
  const out = path.resolve(process.cwd(), 'screenshots')
  mkdirSync(out, { recursive: true })
  const plan = walkPlan().filter((p) => !only.length || only.some((w) => p.path.includes(w)))
  const host = await startHost({ demo: true, staticDir: H5_DIR, now: DEFAULT_NOW })
  await addWalkData(host.store, DEFAULT_NOW)
  const browser = await launch()
  let saved = 0
  try {
    for (const mode of MODES) {
      for (const user of [...new Set(plan.map((p) => p.user))]) {
        const session = await openSession(browser, host.url, user, mode, { now: DEFAULT_NOW, scale: 1 })
        try {
          for (const target of plan.filter((p) => p.user === user)) {
            await openPage(session, host.url, target)
            const shoot = async (suffix: string) => {
              await session.page.screenshot({
                path: path.join(out, `${target.name}--${mode}${suffix}.png`),
                animations: 'disabled'
              })
              saved += 1
              if (full) {
                await session.page.screenshot({
                  path: path.join(out, `${target.name}--${mode}${suffix}--full.png`),
                  fullPage: true,
                  animations: 'disabled'
                })
                saved += 1
              }
            }
            await shoot('')
            for (const state of target.states) {
              await state.open(session.page)
              await shoot(`--${state.key}`)
            }
            process.stdout.write('.')
          }
        } finally {
          await session.context.close()
        }
      }
    }
  } finally {
    await browser.close()
    await host.stop()
  }
  process.stdout.write(
    `\nsaved ${saved} screenshots of ${plan.length} pages × ${MODES.length} modes in ${path.relative(process.cwd(), out) || '.'}/\n`
  )
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
