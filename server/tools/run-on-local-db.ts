/** The frame of a command-line check over the local SQLite database: report, exit code, 2 on a crash. */
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'

export function runOnLocalDb(check: (store: SqliteStorage) => Promise<{ text: string; exitCode: number }>): void {
  const main = async () => {
    const { dbFile } = loadLocalConfig()
    const store = new SqliteStorage({ filename: dbFile })
    try {
      const { text, exitCode } = await check(store)
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
}
