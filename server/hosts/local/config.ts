/** The local host's settings, from environment variables (all optional). See README「本地运行」. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export interface LocalConfig {
  port: number
  host: string
  dbFile: string
  staticDir: string
  demo: boolean
  tokenKey: string
}

export function loadLocalConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LocalConfig {
  const dbFile = localDbFile(env, cwd)
  mkdirSync(path.dirname(dbFile), { recursive: true })
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dbFile,
    staticDir: path.resolve(cwd, env.YINLING_STATIC ?? 'dist/h5'),
    demo: (env.YINLING_DEMO ?? '0') === '1',
    tokenKey: env.YINLING_TOKEN_KEY ?? persistentKey(path.join(path.dirname(dbFile), 'token.key'))
  }
}

/** The database file: YINLING_DB, else the self-hosted deployment's YINLING_DATA_DIR (serve-config.ts), else data/. */
export function localDbFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(
    cwd,
    env.YINLING_DB ?? (env.YINLING_DATA_DIR ? path.join(env.YINLING_DATA_DIR, 'yinling.db') : 'data/yinling.db')
  )
}

/** A random key kept beside the database, made on first start, so signed codes survive restarts. */
function persistentKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const key = randomBytes(32).toString('base64url')
  writeFileSync(file, key, { mode: 0o600 })
  return key
}
