// Cold start of the `api` cloud function, in fresh Node processes: the time to require the bundled
// cloudfunctions/api/index.js and to answer a first call, and the bundle's size. Two ways:
// - real SDK: the function requires the real wx-server-sdk (the devDependency, the version CloudBase installs)
//   as inside a cloud function (TENCENTCLOUD_RUNENV=SCF; TCB_CONTEXT_CNFG points its requests at a local wire
//   server on 127.0.0.1 that answers CloudBase's database API, tests/support/cloudbase-wire.ts). The first call
//   makes real signed HTTP requests to it. This is the number that matters.
// - stand-in: 'wx-server-sdk' resolves to the in-memory stand-in (no HTTP): what our own code costs.
// Also the require of wx-server-sdk alone, which no change of ours can make faster.
import { build } from 'esbuild'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root, report, summary, round } from './support/common.mjs'
import { buildCloudFunction, FUNCTION_DIR } from '../scripts/build-cloudfunction.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)

await buildCloudFunction({ quiet: true })
const dir = mkdtempSync(path.join(tmpdir(), 'yl-cold-'))
const sdkDir = path.join(dir, 'node_modules/wx-server-sdk')
mkdirSync(sdkDir, { recursive: true })
await build({
  entryPoints: [path.join(root, 'bench/support/fake-wx-server-sdk.ts')],
  outfile: path.join(sdkDir, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning'
})
const wireFile = path.join(dir, 'wire.cjs')
await build({
  entryPoints: [path.join(root, 'tests/support/cloudbase-wire.ts')],
  outfile: wireFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning'
})
const { startCloudbaseWire } = createRequire(import.meta.url)(wireFile)
const wire = await startCloudbaseWire()

const realSdk = createRequire(path.join(root, 'package.json')).resolve('wx-server-sdk')
const fnIndex = path.join(FUNCTION_DIR, 'index.js')
const probe = path.join(dir, 'probe.cjs')
writeFileSync(
  probe,
  `const mode = process.argv[2]
   const t0 = process.hrtime.bigint()
   if (mode === 'sdk-only') {
     require(${JSON.stringify(realSdk)})
     console.log(JSON.stringify({ requireMs: Number(process.hrtime.bigint() - t0) / 1e6, firstCallMs: 0 }))
     process.exit(0)
   }
   if (mode === 'stand-in') {
     const Module = require('module')
     const orig = Module._resolveFilename
     Module._resolveFilename = function (req, ...rest) { return req === 'wx-server-sdk' ? ${JSON.stringify(path.join(sdkDir, 'index.js'))} : orig.call(this, req, ...rest) }
   }
   const fn = require(${JSON.stringify(fnIndex)})
   const t1 = process.hrtime.bigint()
   fn.main({ action: 'auth.whoami', payload: {} }).then((res) => {
     const t2 = process.hrtime.bigint()
     if (!res || res.ok !== true) { console.error(JSON.stringify(res)); process.exit(1) }
     console.log(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, firstCallMs: Number(t2 - t1) / 1e6 }))
     process.exit(0)
   })`
)
// What CloudBase puts in a function's environment, as far as wx-server-sdk reads it (no real credentials).
const env = {
  ...process.env,
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'yl-bench',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'AKIDbenchonly',
  TENCENTCLOUD_SECRETKEY: 'bench-only',
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: wire.url }),
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
  WX_OPENID: 'bench-openid',
  WX_APPID: 'wxbench',
  TOKEN_KEY: 'bench-token-key'
}

const run = promisify(execFile)

// Asynchronous on purpose: the wire server answering the real SDK lives in this process.
async function measure(mode) {
  const requireMs = []
  const firstCallMs = []
  const processMs = []
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint()
    const res = await run(process.execPath, [probe, mode], { encoding: 'utf8', env })
    processMs.push(Number(process.hrtime.bigint() - t) / 1e6)
    const r = JSON.parse(res.stdout.trim().split('\n').pop())
    requireMs.push(r.requireMs)
    firstCallMs.push(r.firstCallMs)
  }
  return { requireMs: summary(requireMs), firstCallMs: summary(firstCallMs), wholeProcessMs: summary(processMs) }
}

try {
  report('cold-start', {
    bundleKB: round(statSync(fnIndex).size / 1024, 1),
    runs: RUNS,
    realSdk: await measure('real-sdk'),
    standIn: await measure('stand-in'),
    wxServerSdkRequireAlone: (await measure('sdk-only')).requireMs,
    wireRequests: wire.calls
  })
} finally {
  await wire.close()
}
