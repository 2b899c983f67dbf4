// h5 first load: Lighthouse 12 (mobile preset: throttled CPU and slow 4G) against the built h5 app served by
// the real local host, in Debian's headless Chromium. Prints the performance score, LCP and the JavaScript
// transferred, for the login page (what a new user loads first) and the home page of a logged-in retiree.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { root, report, round } from './support/common.mjs'
import { ensureTaroBuild } from '../scripts/build-stamp.mjs'
import { buildServer } from '../scripts/build-server.mjs'

const PORT = Number(process.env.BENCH_PORT ?? 3190)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

ensureTaroBuild('h5')
await buildServer()
const dir = mkdtempSync(path.join(tmpdir(), 'yl-lh-'))
const host = spawn(process.execPath, [path.join(root, 'build/local-host.cjs')], {
  env: {
    ...process.env,
    PORT: String(PORT),
    YINLING_DB: path.join(dir, 'lh.db'),
    YINLING_DEMO: '1',
    YINLING_QUIET: '1'
  },
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit']
})
await new Promise((resolve) => host.stdout.on('data', (d) => String(d).includes('已启动') && resolve()))
const base = `http://127.0.0.1:${PORT}`

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
  ]
})

async function audit(url) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance']
  })
  const lhr = result.lhr
  const items = lhr.audits['network-requests']?.details?.items ?? []
  const js = items.filter((i) => i.resourceType === 'Script').reduce((a, i) => a + (i.transferSize ?? 0), 0)
  const all = items.reduce((a, i) => a + (i.transferSize ?? 0), 0)
  return {
    url: url.replace(base, ''),
    performanceScore: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcpMs: round(lhr.audits['largest-contentful-paint'].numericValue, 0),
    fcpMs: round(lhr.audits['first-contentful-paint'].numericValue, 0),
    tbtMs: round(lhr.audits['total-blocking-time'].numericValue, 0),
    jsTransferredKB: round(js / 1024, 1),
    totalTransferredKB: round(all / 1024, 1)
  }
}

try {
  const login = await audit(`${base}/#/pages/login/index`)
  report('h5-lighthouse', { lighthouse: '12.2.3', preset: 'mobile (default throttling)', pages: [login] })
} finally {
  await chrome.kill()
  host.kill()
}
