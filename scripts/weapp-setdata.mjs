// setData sizes of the built mini-program: every page of app.config, as its demo user, in normal mode and in
// 长辈版, run in Node over the real dist/weapp and the real cloud-function handlers on the seeded CloudBase
// stand-in (tests/support/weapp-sim/sim.ts says what is real and what is faked). WeChat refuses a single
// setData over 256 KB; our budget is that. `npm run check:weapp` runs it and prints the table; alone:
//   node scripts/weapp-setdata.mjs [--big]
// `--big` first adds a large deployment's worth of records (hundreds of activities and messages) to show that
// the lists are paged: their pages must stay as small.
import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** WeChat's limit for one setData, in bytes. */
export const SETDATA_LIMIT = 256 * 1024
const USERS = ['guest', 'retiree', 'volunteer', 'family', 'staff', 'admin']
const MODES = ['normal', 'elder']

export async function buildSim() {
  const outfile = path.join(root, 'build/weapp-sim.cjs')
  mkdirSync(path.dirname(outfile), { recursive: true })
  await build({
    entryPoints: [path.join(root, 'tests/support/weapp-sim/sim.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'exceljs', 'playwright-core'],
    alias: { '@contract': path.join(root, 'types') },
    logLevel: 'warning'
  })
  return outfile
}

function runOne(sim, dist, user, mode, big) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [sim, dist, user, mode, ...(big ? ['big'] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop()
      try {
        if (code !== 0) throw new Error(`exit ${code}`)
        resolve(JSON.parse(line))
      } catch {
        resolve({
          user,
          mode,
          pages: [],
          apiCalls: 0,
          errors: [`the simulator failed (${code}): ${err.slice(-800) || out.slice(-400)}`]
        })
      }
    })
  })
}

/** Runs every user in both modes (two processes at a time). Returns the results and the problems found. */
export async function measureSetData({
  dist = path.join(root, 'dist/weapp'),
  users = USERS,
  modes = MODES,
  big = false
} = {}) {
  const sim = await buildSim()
  const jobs = users.flatMap((u) => modes.map((m) => [u, m]))
  const results = []
  for (let i = 0; i < jobs.length; i += 2) {
    results.push(...(await Promise.all(jobs.slice(i, i + 2).map(([u, m]) => runOne(sim, dist, u, m, big)))))
  }
  return { results, problems: setDataProblems(results) }
}

/** Over the limit, never rendered, or an error on the way: each is a problem. */
export function setDataProblems(results, limit = SETDATA_LIMIT) {
  const problems = []
  for (const r of results) {
    for (const e of r.errors) problems.push(`${r.user}/${r.mode}: ${e.split('\n')[0]}`)
    for (const p of r.pages) {
      if (p.maxBytes > limit)
        problems.push(`${p.path} (${r.user}, ${r.mode}): one setData of ${p.maxBytes} bytes > ${limit}`)
      if (p.calls === 0) problems.push(`${p.path} (${r.user}, ${r.mode}): never rendered (no setData)`)
      for (const e of p.errors) problems.push(`${p.path} (${r.user}, ${r.mode}): ${e.split('\n')[0]}`)
    }
  }
  return problems
}

const kb = (b) => (b / 1024).toFixed(1)

/** One line per page: the largest single setData over both modes, the calls and the total of the first load. */
export function setDataTable(results) {
  const rows = new Map()
  for (const r of results) {
    for (const p of r.pages) {
      const key = `${p.path}|${r.user}`
      const row = rows.get(key) ?? { path: p.path, user: r.user, max: 0, calls: 0, total: 0 }
      row.max = Math.max(row.max, p.maxBytes)
      row.calls = Math.max(row.calls, p.calls)
      row.total = Math.max(row.total, p.totalBytes)
      rows.set(key, row)
    }
  }
  const list = [...rows.values()].sort((a, b) => b.max - a.max)
  const width = Math.max(...list.map((r) => r.path.length), 10)
  return [
    `  ${'page'.padEnd(width)}  ${'user'.padEnd(9)} largest setData   calls   first-load total`,
    ...list.map(
      (r) =>
        `  ${r.path.padEnd(width)}  ${r.user.padEnd(9)} ${`${kb(r.max)} KB`.padStart(15)}   ${String(r.calls).padStart(5)}   ${`${kb(r.total)} KB`.padStart(16)}`
    )
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const big = process.argv.includes('--big')
  const { results, problems } = await measureSetData({ big })
  const pages = results.reduce((n, r) => n + r.pages.length, 0)
  const largest = Math.max(0, ...results.flatMap((r) => r.pages.map((p) => p.maxBytes)))
  process.stdout.write(
    `setData${big ? ' (large deployment)' : ''}: ${pages} page loads, largest single setData ${kb(largest)} KB (limit ${kb(SETDATA_LIMIT)} KB)\n`
  )
  process.stdout.write(`${setDataTable(results)}\n`)
  for (const p of problems) process.stderr.write(`setData: ${p}\n`)
  process.exit(problems.length ? 1 : 0)
}
