// Cold start of the `api` cloud function: in fresh Node processes, the time to require the bundled
// cloudfunctions/api/index.js and to answer a first call, against the in-memory CloudBase stand-in (a fake of
// wx-server-sdk: no network, no real CloudBase). Also the bundle's size.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root, report, summary, round } from './support/common.mjs'
import { buildCloudFunction, FUNCTION_DIR } from '../scripts/build-cloudfunction.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)

await buildCloudFunction({ quiet: true })
const dir = mkdtempSync(path.join(tmpdir(), 'yl-cold-'))
const sdkDir = path.join(dir, 'node_modules/wx-server-sdk')
mkdirSync(sdkDir, { recursive: true })
await build({ entryPoints: [path.join(root, 'bench/support/fake-wx-server-sdk.ts')], outfile: path.join(sdkDir, 'index.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' })
// The function bundle must resolve the stand-in as 'wx-server-sdk': run it from the temp dir.
const fnFile = path.join(dir, 'index.js')
writeFileSync(fnFile, `module.exports = require(${JSON.stringify(path.join(FUNCTION_DIR, 'index.js'))})`)
const probe = path.join(dir, 'probe.cjs')
writeFileSync(
  probe,
  `const t0 = process.hrtime.bigint()
   const Module = require('module')
   const orig = Module._resolveFilename
   Module._resolveFilename = function (req, ...rest) { return req === 'wx-server-sdk' ? ${JSON.stringify(path.join(sdkDir, 'index.js'))} : orig.call(this, req, ...rest) }
   const fn = require(${JSON.stringify(fnFile)})
   const t1 = process.hrtime.bigint()
   fn.main({ action: 'auth.whoami', payload: {} }).then((res) => {
     const t2 = process.hrtime.bigint()
     if (!res || res.ok !== true) { console.error(JSON.stringify(res)); process.exit(1) }
     console.log(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, firstCallMs: Number(t2 - t1) / 1e6 }))
   })`
)
const requireMs = []
const firstCallMs = []
const processMs = []
for (let i = 0; i < RUNS; i++) {
  const t = process.hrtime.bigint()
  const res = spawnSync(process.execPath, [probe], { encoding: 'utf8' })
  processMs.push(Number(process.hrtime.bigint() - t) / 1e6)
  if (res.status !== 0) throw new Error(res.stderr)
  const r = JSON.parse(res.stdout.trim().split('\n').pop())
  requireMs.push(r.requireMs)
  firstCallMs.push(r.firstCallMs)
}
report('cold-start', {
  bundleKB: round(statSync(path.join(FUNCTION_DIR, 'index.js')).size / 1024, 1),
  runs: RUNS,
  requireMs: summary(requireMs),
  firstCallMs: summary(firstCallMs),
  wholeProcessMs: summary(processMs)
})
