// Bundles server/ into a self-contained cloudfunctions/api/ ready to upload to WeChat CloudBase: index.js (all
// handlers, the router and the CloudBase adapter) plus package.json listing the runtime dependencies CloudBase
// installs on upload ("上传并部署：云端安装依赖"): wx-server-sdk, and exceljs for staff's .xlsx exports. exceljs
// stays out of index.js because it is four times the size of everything else and only exports need it: bundled,
// every cold start would parse it (~90 ms more); installed, it is required on the first export only.
import { build } from 'esbuild'
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const FUNCTION_DIR = path.join(root, 'cloudfunctions/api')
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
/** The exact wx-server-sdk the tests run through (a devDependency): CloudBase installs the same one. */
export const WX_SERVER_SDK_VERSION = rootPackage.devDependencies['wx-server-sdk']
/** Dependencies installed by CloudBase rather than bundled, at the exact versions this repository uses. */
const INSTALLED = { exceljs: rootPackage.dependencies.exceljs }

/** The timer triggers declared in cloud-main.ts (read through esbuild: it is TypeScript). */
async function timerTriggers() {
  const res = await build({
    entryPoints: [path.join(root, 'server/hosts/cloudbase/cloud-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning'
  })
  const mod = { exports: {} }
  new Function('module', 'exports', 'require', res.outputFiles[0].text)(
    mod,
    mod.exports,
    createRequire(import.meta.url)
  )
  return mod.exports.TIMER_TRIGGERS
}

export async function buildCloudFunction({ quiet = false } = {}) {
  mkdirSync(FUNCTION_DIR, { recursive: true })
  await build({
    entryPoints: [path.join(root, 'server/hosts/cloudbase/index.ts')],
    outfile: path.join(FUNCTION_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase's Node.js 16 runtime (or newer) runs this bundle.
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['wx-server-sdk', ...Object.keys(INSTALLED)],
    logLevel: 'warning'
  })
  writeFileSync(
    path.join(FUNCTION_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name: 'api',
        version: rootPackage.version,
        description: '银龄之家 api 云函数（由 npm run build:cloudfunction 生成，请勿手改）',
        main: 'index.js',
        dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION, ...INSTALLED }
      },
      null,
      2
    )}\n`
  )
  // Timeout and the timer triggers of the scheduled jobs (TIMER_TRIGGERS in cloud-main.ts); TOKEN_KEY is set in
  // the CloudBase console (see README 部署).
  writeFileSync(
    path.join(FUNCTION_DIR, 'config.json'),
    `${JSON.stringify({ permissions: { openapi: [] }, timeout: 20, triggers: await timerTriggers() }, null, 2)}\n`
  )
  // An installed dependency must only ever be import()ed where it is used: a plain require would load it on
  // every cold start (exceljs alone made the first require of the function ~4× slower).
  const code = readFileSync(path.join(FUNCTION_DIR, 'index.js'), 'utf8')
  for (const dep of Object.keys(INSTALLED)) {
    if (code.includes(`require("${dep}")`)) {
      throw new Error(
        `cloudfunctions/api/index.js loads ${dep} at start: import it with await import('${dep}') where it is used`
      )
    }
  }
  const kb = Math.round(statSync(path.join(FUNCTION_DIR, 'index.js')).size / 102.4) / 10
  if (!quiet) process.stdout.write(`cloudfunctions/api/index.js: ${kb} KB\n`)
  return { kb }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCloudFunction()
