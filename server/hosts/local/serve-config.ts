/**
 * The settings of `npm run serve` (production self-hosting), from environment variables. Unlike the demo host
 * (config.ts), nothing required has a default: a missing or bad setting stops the start with a plain message
 * that names the variable, so a service manager shows the reason instead of a host that half works.
 * README「自己的服务器上运行」 lists them.
 */
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'

export interface WechatSettings {
  appid: string
  secret: string
  /** https://api.weixin.qq.com, or a stand-in in tests. */
  apiBase: string
}

export interface ServeConfig {
  port: number
  host: string
  dataDir: string
  dbFile: string
  uploadDir: string
  staticDir: string
  tokenKey: string
  /** Absent: JSON lines to stdout (journald keeps them). */
  logFile: string | null
  logMaxBytes: number
  logKeep: number
  wechat: WechatSettings | null
}

export class ServeConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`无法启动，请先改好这些设置：\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ServeConfigError'
  }
}

const MIN_KEY_LENGTH = 32

export function loadServeConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServeConfig {
  const problems: string[] = []
  const need = (name: string, what: string): string => {
    const v = env[name]?.trim()
    if (!v) problems.push(`${name} 没有设置：${what}`)
    return v ?? ''
  }

  const dataDirRaw = need('YINLING_DATA_DIR', '数据目录（数据库、照片、备份都放在这里），例如 /var/lib/yinling')
  const dataDir = dataDirRaw ? path.resolve(cwd, dataDirRaw) : ''
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true })
      if (!statSync(dataDir).isDirectory()) problems.push(`YINLING_DATA_DIR=${dataDir} 不是一个目录`)
    } catch (err) {
      problems.push(`YINLING_DATA_DIR=${dataDir} 无法创建：${(err as Error).message}`)
    }
  }

  const tokenKey = need(
    'YINLING_TOKEN_KEY',
    `签到码的密钥，至少 ${MIN_KEY_LENGTH} 个字符，例如 openssl rand -base64 48 的结果`
  )
  if (tokenKey && tokenKey.length < MIN_KEY_LENGTH)
    problems.push(`YINLING_TOKEN_KEY 太短：至少 ${MIN_KEY_LENGTH} 个字符`)

  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT=${env.PORT} 不是端口号（0–65535）`)

  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min) {
      problems.push(`${name}=${raw} 应是不小于 ${min} 的整数`)
      return fallback
    }
    return n
  }
  const logMaxBytes = int('YINLING_LOG_MAX_BYTES', 10 * 1024 * 1024, 1024)
  const logKeep = int('YINLING_LOG_KEEP', 7, 1)

  const appid = env.YINLING_WX_APPID?.trim() ?? ''
  const secret = env.YINLING_WX_SECRET?.trim() ?? ''
  if (!!appid !== !!secret) problems.push('YINLING_WX_APPID 和 YINLING_WX_SECRET 要一起设置（微信登录要用到两个）')

  if (env.YINLING_DEMO === '1') problems.push('YINLING_DEMO=1 只用于演示：正式运行请去掉它')

  if (problems.length) throw new ServeConfigError(problems)
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir,
    dbFile: path.join(dataDir, 'yinling.db'),
    uploadDir: path.join(dataDir, 'uploads'),
    staticDir: path.resolve(cwd, env.YINLING_STATIC ?? 'dist/h5'),
    tokenKey,
    logFile: env.YINLING_LOG_FILE?.trim() ? path.resolve(cwd, env.YINLING_LOG_FILE.trim()) : null,
    logMaxBytes,
    logKeep,
    wechat: appid
      ? { appid, secret, apiBase: (env.YINLING_WX_API?.trim() || 'https://api.weixin.qq.com').replace(/\/+$/, '') }
      : null
  }
}
