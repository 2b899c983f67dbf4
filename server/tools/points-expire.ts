/** `npm run points:expire -- <year>`: expire the unspent points earned in <year> (only if expiry is on). */
import { systemClock } from '../core/clock'
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { loadPointsRules } from '../domain/points/points-rules'
import { runExpiry } from '../domain/points/points-expiry'

async function main() {
  const year = Number(process.argv[2])
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write('用法：npm run points:expire -- 2025\n')
    process.exit(2)
  }
  const { dbFile } = loadLocalConfig()
  const store = new SqliteStorage({ filename: dbFile })
  try {
    const r = await runExpiry(store, await loadPointsRules(store), year, systemClock.now())
    process.stdout.write(
      r.skipped ? `没有执行：${r.skipped}\n` : `${year} 年的积分到期：${r.persons} 人，共 ${r.expired} 分。\n`
    )
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
