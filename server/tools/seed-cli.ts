/** `npm run seed`: delete the local database and write the demo deployment afresh. */
import { existsSync, rmSync } from 'node:fs'
import { systemClock } from '../core/clock'
import { loadLocalConfig } from '../hosts/local/config'
import { hashPassword } from '../hosts/local/passwords'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { DEMO_PASSWORD } from '../seed/demo-password'
import { seedDemo } from '../seed/seed'

async function main() {
  const { dbFile } = loadLocalConfig()
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(f)) rmSync(f)
  const store = new SqliteStorage({ filename: dbFile })
  const counts = await seedDemo(store, { now: systemClock.now(), passwordHash: () => hashPassword(DEMO_PASSWORD) })
  await store.close()
  process.stdout.write(
    `已重置数据库 ${dbFile}\n` +
      `  ${counts.persons} 位老干部，${counts.accounts} 个账号，${counts.activities} 个活动\n` +
      `  工作人员账号 liufang / chenjing / admin，密码 ${DEMO_PASSWORD}（仅演示用）\n`
  )
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
