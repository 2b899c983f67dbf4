/** `npm run hours:reconcile`: prove every stored hours total equals the sum of its entries (local SQLite). */
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { formatHoursReport, reconcileHours } from '../domain/volunteer/hours-reconcile'

async function main() {
  const { dbFile } = loadLocalConfig()
  const store = new SqliteStorage({ filename: dbFile })
  try {
    const { text, exitCode } = formatHoursReport(await reconcileHours(store))
    process.stdout.write(`数据库 ${dbFile}\n${text}`)
    process.exitCode = exitCode
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(2)
})
