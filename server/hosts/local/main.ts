/**
 * `npm start` ends here: open (and in demo mode, seed) the SQLite database, then serve the API and the h5 app.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { systemClock } from '../../core/clock'
import { jsonLogger } from '../../core/logger'
import { SqliteStorage } from '../../storage/sqlite/sqlite-adapter'
import { isSeeded, seedDemo } from '../../seed/seed'
import { createLocalHost, listen } from './http-host'
import { loadLocalConfig } from './config'
import { hashPassword } from './passwords'
import { rateLimitsFromEnv } from './rate-limit'
import { DEMO_PASSWORD } from '../../seed/demo-password'

async function main() {
  const config = loadLocalConfig()
  const log = jsonLogger(process.env.YINLING_QUIET === '1')
  const store = new SqliteStorage({ filename: config.dbFile })
  if (config.demo && !(await isSeeded(store))) {
    const counts = await seedDemo(store, { now: systemClock.now(), passwordHash: () => hashPassword(DEMO_PASSWORD) })
    log.info('seeded demo data', counts)
  }
  if (!existsSync(config.staticDir)) {
    log.error(`h5 app not built at ${config.staticDir}: run npm run build:h5 (API still served)`)
  }
  const server = createLocalHost({
    store,
    clock: systemClock,
    secrets: { tokenKey: config.tokenKey },
    log,
    demo: config.demo,
    staticDir: existsSync(config.staticDir) ? config.staticDir : undefined,
    uploadDir: path.join(path.dirname(config.dbFile), 'uploads'),
    rateLimits: rateLimitsFromEnv()
  })
  const address = await listen(server, config.port, config.host)
  const shown = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address
  process.stdout.write(
    `\n  银龄之家 已启动: http://${shown}:${address.port}/\n` +
      `  数据库: ${config.dbFile}${config.demo ? '（演示数据，可在登录页选择演示账号）' : ''}\n` +
      `  按 Ctrl+C 停止\n\n`
  )
  const stop = () => {
    server.close()
    server.closeAllConnections()
    void store.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
