/**
 * `npm run serve`: the local host in production, for a bureau's own server. No demo endpoints, no seed; the
 * settings come from the environment (serve-config.ts) and a missing one stops the start with a plain message
 * (exit 78, EX_CONFIG, so systemd does not restart it in a loop). The database must be at this code's data
 * version: an empty one is stamped, an older one must go through `npm run upgrade` first.
 * When it is ready it prints one line `listening on http://<host>:<port>` (tests and scripts wait for it).
 */
import { existsSync } from 'node:fs'
import { systemClock } from '../../core/clock'
import { SqliteStorage } from '../../storage/sqlite/sqlite-adapter'
import { MIGRATIONS, stampIfEmpty, versionStatus } from '../../storage/migrations'
import { createLocalHost, listen } from './http-host'
import { ServeConfigError, loadServeConfig } from './serve-config'
import { serveLogger } from './log-output'
import { rateLimitsFromEnv } from './rate-limit'

const EX_CONFIG = 78

async function main() {
  let config
  try {
    config = loadServeConfig()
  } catch (err) {
    if (err instanceof ServeConfigError) {
      process.stderr.write(`${err.message}\n（设置方法见 README「自己的服务器上运行」）\n`)
      process.exit(EX_CONFIG)
    }
    throw err
  }
  const log = serveLogger({ file: config.logFile, maxBytes: config.logMaxBytes, keep: config.logKeep })
  const store = new SqliteStorage({ filename: config.dbFile })
  await stampIfEmpty(store, MIGRATIONS, systemClock.now())
  const version = await versionStatus(store, MIGRATIONS)
  if (version.newer || version.pending.length) {
    await store.close()
    process.stderr.write(
      version.newer
        ? `无法启动：数据库是第 ${version.at} 版，比这个程序（第 ${version.latest} 版）新。请运行新版程序，或恢复升级前的备份。\n`
        : `无法启动：数据库是第 ${version.at} 版，需要升级到第 ${version.latest} 版。请先运行 npm run upgrade（会先自动备份）。\n`
    )
    process.exit(EX_CONFIG)
  }
  const staticDir = existsSync(config.staticDir) ? config.staticDir : undefined
  if (!staticDir) log.error(`h5 app not built at ${config.staticDir}: run npm run build:h5 (API still served)`)
  if (!config.wechat) log.info('WeChat login is off (YINLING_WX_APPID / YINLING_WX_SECRET not set)')
  const server = createLocalHost({
    store,
    clock: systemClock,
    secrets: { tokenKey: config.tokenKey },
    log,
    demo: false,
    staticDir,
    uploadDir: config.uploadDir,
    // The real limits; YINLING_RATE_LIMIT_SCALE may raise them (README, settings).
    rateLimits: rateLimitsFromEnv(),
    dataDir: config.dataDir,
    wechat: config.wechat ?? undefined
  })
  const address = await listen(server, config.port, config.host)
  log.info('listening', { host: address.address, port: address.port, dataDir: config.dataDir, version: version.at })
  process.stderr.write(
    `listening on http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}\n`
  )
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    server.close()
    server.closeAllConnections()
    void store
      .close()
      .then(() => log.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
