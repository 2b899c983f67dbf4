/**
 * The release commands refuse to start without their settings and, with --dry-run, print exactly what they
 * would upload without touching the network.
 */
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { COLLECTION_NAMES } from '../../server/storage/schema'

const ROOT = path.join(__dirname, '../..')
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }

jest.setTimeout(300_000)

function run(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(WEAPP_|TARO_APP_|CLOUDBASE_|RELEASE_)/.test(k))
  )
  const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts/release.mjs'), ...args], {
    cwd: ROOT,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8'
  })
  return { code: res.status, out: res.stdout, err: res.stderr }
}

const dir = mkdtempSync(path.join(tmpdir(), 'yl-release-'))
const keyPath = path.join(dir, 'private.key')
writeFileSync(
  keyPath,
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
)
const notAKey = path.join(dir, 'notes.txt')
writeFileSync(notAKey, 'hello')
const GOOD = { WEAPP_APPID: 'wx0123456789abcdef', WEAPP_UPLOAD_KEY: keyPath }

describe('release tooling', () => {
  it('refuses to upload with no settings, and names every missing one', () => {
    const r = run(['upload'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('不能开始')
    expect(r.err).toContain('缺少 WEAPP_APPID')
    expect(r.err).toContain('缺少 WEAPP_UPLOAD_KEY')
    expect(r.err).toContain('缺少 TARO_APP_CLOUD_ENV')
  })

  it('refuses malformed settings with a message for each', () => {
    const r = run(['preview', '--dry-run'], {
      WEAPP_APPID: 'touristappid',
      WEAPP_UPLOAD_KEY: notAKey,
      WEAPP_ROBOT: '31',
      TARO_APP_CLOUD_ENV: 'env-1'
    })
    expect(r.code).toBe(2)
    expect(r.err).toContain('不像小程序 AppID')
    expect(r.err).toContain('不是私钥')
    expect(r.err).toContain('WEAPP_ROBOT 应为 1 到 30')
    const missingFile = run(['upload', '--dry-run'], {
      ...GOOD,
      WEAPP_UPLOAD_KEY: path.join(dir, 'nope.key'),
      TARO_APP_CLOUD_ENV: 'env-1'
    })
    expect(missingFile.err).toContain('文件不存在')
  })

  it('refuses to deploy the cloud function without a CloudBase environment', () => {
    const r = run(['functions', '--dry-run'], GOOD)
    expect(r.code).toBe(2)
    expect(r.err).toContain('缺少 CLOUDBASE_ENV')
  })

  it('refuses an unknown command', () => {
    const r = run(['deploy-everything'], GOOD)
    expect(r.code).toBe(2)
    expect(r.err).toContain('不认识的命令')
  })

  it('dry-runs the cloud function upload: files and sizes, no network', () => {
    const r = run(['functions', '--dry-run'], { ...GOOD, CLOUDBASE_ENV: 'yinling-prod-1a2b' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('[dry run] would upload cloud function api → CloudBase env yinling-prod-1a2b')
    for (const f of ['index.js', 'package.json', 'config.json'])
      expect(r.out).toMatch(new RegExp(`\\s${f.replace('.', '\\.')}\\s+\\d+\\.\\d KB`))
    expect(r.out).toMatch(/3 files\s+\d+\.\d KB/)
  })

  it('dry-runs a mini-program upload: builds for the environment, passes the gate, lists files, sizes and version', () => {
    const r = run(['upload', '--dry-run'], {
      ...GOOD,
      TARO_APP_CLOUD_ENV: 'yinling-prod-1a2b',
      RELEASE_DESC: '测试发布'
    })
    expect({ code: r.code, err: r.code ? r.err : '' }).toEqual({ code: 0, err: '' })
    expect(r.out).toContain(
      `[dry run] would upload 银龄之家 ${pkg.version} (AppID wx0123456789abcdef, robot 1, CloudBase env yinling-prod-1a2b)`
    )
    expect(r.out).toContain('description: 测试发布')
    expect(r.out).toMatch(/packages: main \d+(\.\d)? KB/)
    expect(r.out).toMatch(/\sapp\.json\s+\d+\.\d KB/)
  })

  it('refuses the database release without an environment, and without API keys unless dry-running', () => {
    const r = run(['database'], {})
    expect(r.code).toBe(2)
    expect(r.err).toContain('缺少 CLOUDBASE_ENV')
    expect(r.err).toContain('缺少 TENCENTCLOUD_SECRETID')
    const dry = run(['database', '--dry-run'], {})
    expect(dry.code).toBe(2)
    expect(dry.err).not.toContain('TENCENTCLOUD_SECRETID')
  })

  it('dry-runs the database release: every collection, its indexes and its closed security rule, no network', () => {
    const r = run(['database', '--dry-run'], {
      CLOUDBASE_ENV: 'yinling-prod-1a2b',
      TENCENTCLOUD_SECRETID: '',
      TENCENTCLOUD_SECRETKEY: ''
    })
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' })
    expect(r.out).toContain('[dry run] would prepare the database of CloudBase env yinling-prod-1a2b')
    for (const c of COLLECTION_NAMES) expect(r.out).toContain(`[dry run] collection ${c}: create if missing`)
    expect(r.out.match(/security rule: ADMINONLY/g)).toHaveLength(COLLECTION_NAMES.length)
    expect(r.out).toContain('index idx_personId_asc_createdAt_desc (personId asc, createdAt desc)')
  })
})
