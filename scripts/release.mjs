// Release tooling over miniprogram-ci, for a bureau's IT person without WeChat DevTools:
//
//   npm run release:preview   [-- --dry-run]   build dist/weapp, pass the compiler gate, upload a preview (QR code)
//   npm run release:upload    [-- --dry-run]   the same, uploaded as a version for review in the admin console
//   npm run release:functions [-- --dry-run]   bundle and upload the `api` cloud function to a CloudBase env
//   npm run release:database  [-- --dry-run]   create the collections, indexes and security rules in a CloudBase
//                                               env (server/tools/release-database.ts); a second run changes nothing
//
// Settings come from environment variables (never from the repository):
//   WEAPP_APPID        the mini-program's AppID (wx + 16 hex digits)
//   WEAPP_UPLOAD_KEY   path to the 代码上传密钥 (private key) downloaded from mp.weixin.qq.com
//   WEAPP_ROBOT        CI robot number 1–30 (default 1)
//   TARO_APP_CLOUD_ENV the CloudBase environment id the mini-program calls (preview/upload)
//   CLOUDBASE_ENV      the CloudBase environment id to deploy the function to (functions, database)
//   TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY  a Tencent Cloud API key of the account owning the env (database)
//   RELEASE_VERSION    version to upload (default: package.json version)
//   RELEASE_DESC       description (default: the last commit's subject)
//
// Each command refuses to start, with a plain message, when a setting is missing or malformed. --dry-run does
// everything but the upload (no network): it prints exactly what would be uploaded — files, sizes, version.
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))

export class SettingsError extends Error {}

function lastCommitSubject() {
  try {
    return execFileSync('git', ['log', '-1', '--pretty=%s'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

/** Reads and checks the settings a command needs; throws SettingsError listing every problem at once. */
export function readSettings(command, env = process.env) {
  const problems = []
  const s = {
    appid: env.WEAPP_APPID ?? '',
    keyPath: env.WEAPP_UPLOAD_KEY ?? '',
    robot: Number(env.WEAPP_ROBOT ?? 1),
    cloudEnv: env.TARO_APP_CLOUD_ENV ?? '',
    apiBase: env.TARO_APP_API_BASE ?? '',
    functionEnv: env.CLOUDBASE_ENV ?? '',
    version: env.RELEASE_VERSION ?? pkg.version,
    desc: env.RELEASE_DESC ?? (lastCommitSubject() || `银龄之家 ${pkg.version}`)
  }
  if (!/^wx[0-9a-f]{16}$/.test(s.appid)) {
    problems.push(
      s.appid
        ? `WEAPP_APPID「${s.appid}」不像小程序 AppID（应为 wx 加 16 位十六进制）`
        : '缺少 WEAPP_APPID：小程序的 AppID，在 mp.weixin.qq.com → 开发管理 → 开发设置 中查看'
    )
  }
  if (!s.keyPath) {
    problems.push(
      '缺少 WEAPP_UPLOAD_KEY：代码上传密钥文件的路径（mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传 → 生成密钥），不要放进代码仓库'
    )
  } else if (!existsSync(s.keyPath)) {
    problems.push(`WEAPP_UPLOAD_KEY 指向的文件不存在：${s.keyPath}`)
  } else if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(readFileSync(s.keyPath, 'utf8'))) {
    problems.push(`WEAPP_UPLOAD_KEY 指向的文件不是私钥（应以 -----BEGIN RSA PRIVATE KEY----- 开头）：${s.keyPath}`)
  }
  if (!Number.isInteger(s.robot) || s.robot < 1 || s.robot > 30)
    problems.push(`WEAPP_ROBOT 应为 1 到 30 的整数，现在是「${env.WEAPP_ROBOT}」`)
  if (!/^\d+\.\d+\.\d+$/.test(s.version))
    problems.push(`版本号「${s.version}」应为 x.y.z（RELEASE_VERSION 或 package.json 的 version）`)
  if (command === 'preview' || command === 'upload') {
    if (!s.cloudEnv && !s.apiBase)
      problems.push('缺少 TARO_APP_CLOUD_ENV：小程序要调用的云开发环境 ID（云开发控制台 → 设置 → 环境 ID）')
    if (s.desc.length > 200) problems.push('RELEASE_DESC 太长（最多 200 字）')
  }
  if (command === 'functions' && !s.functionEnv) {
    problems.push('缺少 CLOUDBASE_ENV：要部署云函数的云开发环境 ID（云开发控制台 → 设置 → 环境 ID）')
  }
  if (problems.length) throw new SettingsError(problems.join('\n'))
  return s
}

function listFiles(dir) {
  const out = []
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = path.join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else out.push({ file: path.relative(dir, p).split(path.sep).join('/'), bytes: statSync(p).size })
    }
  }
  walk(dir)
  return out
}

const kb = (b) => `${(Math.round((b / 1024) * 10) / 10).toFixed(1)} KB`

function printFiles(files, print) {
  for (const f of files) print(`  ${f.file.padEnd(56)} ${kb(f.bytes).padStart(10)}`)
  print(`  ${`${files.length} files`.padEnd(56)} ${kb(files.reduce((a, f) => a + f.bytes, 0)).padStart(10)}`)
}

class UploadProject {
  static create(ci, { appid, keyPath, projectPath, type = 'miniProgram' }) {
    return new ci.Project({ appid, type, projectPath, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] })
  }
}

/** The database step: its own settings (no mini-program AppID needed), the plan from schema.ts's INDEXES. */
async function releaseDatabaseCommand({ dryRun, env, print }) {
  const problems = []
  const envId = env.CLOUDBASE_ENV ?? ''
  if (!envId) problems.push('缺少 CLOUDBASE_ENV：要建数据库的云开发环境 ID（云开发控制台 → 设置 → 环境 ID）')
  if (!dryRun && (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY)) {
    problems.push(
      '缺少 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY：腾讯云 API 密钥（console.cloud.tencent.com → 访问管理 → API 密钥管理），不要放进代码仓库'
    )
  }
  if (problems.length) throw new SettingsError(problems.join('\n'))
  const { build } = await import('esbuild')
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'yl-release-db-')), 'release-database.cjs')
  await build({
    entryPoints: [path.join(root, 'server/tools/release-database.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning'
  })
  const { releaseDatabase } = require(out)
  print(`${dryRun ? '[dry run] would prepare' : 'preparing'} the database of CloudBase env ${envId}`)
  let manager = null
  if (!dryRun) {
    const CloudBase = require('@cloudbase/manager-node')
    manager = new CloudBase({ secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY, envId })
  }
  return releaseDatabase(manager, print)
}

export async function release(
  command,
  { dryRun = false, env = process.env, print = (s) => process.stdout.write(`${s}\n`) } = {}
) {
  if (!['preview', 'upload', 'functions', 'database'].includes(command))
    throw new SettingsError(`不认识的命令「${command}」：应为 preview、upload、functions 或 database`)
  if (command === 'database') return releaseDatabaseCommand({ dryRun, env, print })
  const s = readSettings(command, env)

  if (command === 'functions') {
    const { buildCloudFunction, FUNCTION_DIR } = await import('./build-cloudfunction.mjs')
    await buildCloudFunction({ quiet: true })
    print(
      `${dryRun ? '[dry run] would upload' : 'uploading'} cloud function api → CloudBase env ${s.functionEnv} (AppID ${s.appid}, remote npm install)`
    )
    printFiles(listFiles(FUNCTION_DIR), print)
    if (dryRun) return { uploaded: false }
    const ci = require('miniprogram-ci')
    const project = UploadProject.create(ci, { appid: s.appid, keyPath: s.keyPath, projectPath: root })
    const res = await ci.cloud.uploadFunction({
      project,
      env: s.functionEnv,
      name: 'api',
      path: FUNCTION_DIR,
      remoteNpmInstall: true
    })
    print(`done: ${res.filesCount} files, ${kb(res.packSize)}`)
    return { uploaded: true }
  }

  // preview / upload: build for the configured environment, then pass the same gate CI uses.
  const { ensureTaroBuild } = await import('./build-stamp.mjs')
  process.env.TARO_APP_CLOUD_ENV = s.cloudEnv
  if (s.apiBase) process.env.TARO_APP_API_BASE = s.apiBase
  ensureTaroBuild('weapp')
  const { checkWeapp } = await import('./check-weapp.mjs')
  const gate = await checkWeapp({ quiet: true })
  if (gate.problems.length) throw new SettingsError(`小程序没有通过检查，不能上传：\n${gate.problems.join('\n')}`)
  const projectPath = path.join(root, 'dist/weapp')
  print(
    `${dryRun ? `[dry run] would ${command}` : `${command}ing`} 银龄之家 ${s.version} (AppID ${s.appid}, robot ${s.robot}, CloudBase env ${s.cloudEnv || '—'})`
  )
  print(`  description: ${s.desc}`)
  print(
    `  packages: ${Object.entries(gate.sizesKB)
      .map(([k, v]) => `${k} ${v} KB`)
      .join(', ')}; total ${gate.totalKB} KB`
  )
  printFiles(listFiles(projectPath), print)
  if (dryRun) return { uploaded: false, sizesKB: gate.sizesKB }
  const ci = require('miniprogram-ci')
  const project = UploadProject.create(ci, { appid: s.appid, keyPath: s.keyPath, projectPath })
  const setting = { es6: true, es7: true, minify: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true }
  if (command === 'preview') {
    await ci.preview({ project, version: s.version, desc: s.desc, robot: s.robot, setting, qrcodeFormat: 'terminal' })
  } else {
    await ci.upload({ project, version: s.version, desc: s.desc, robot: s.robot, setting })
    print('已上传。请到 mp.weixin.qq.com → 管理 → 版本管理 提交审核。')
  }
  return { uploaded: true }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...flags] = process.argv.slice(2)
  try {
    await release(command, { dryRun: flags.includes('--dry-run') })
    process.exit(0)
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`release ${command ?? ''}: 不能开始。\n${err.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`release ${command ?? ''}: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  }
}
