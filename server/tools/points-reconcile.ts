/** `npm run points:reconcile`: prove every stored balance equals the sum of its entries (local SQLite). */
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { formatReport, reconcilePoints } from '../domain/points/points-reconcile'

async function main() {
  const { dbFile } = loadLocalConfig()
  const store = new SqliteStorage({ filename: dbFile })
  try {
    const { text, exitCode } = formatReport(await reconcilePoints(store))
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
