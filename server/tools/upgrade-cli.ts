/**
 * npm run upgrade                      back up, then run the pending data migrations (rolls back on failure)
 * npm run upgrade -- --rollback [file] put the newest pre-upgrade backup (or <file>) back
 * npm run upgrade -- --status          print the data version and what is pending
 * Stop the host first (systemctl stop yinling). The database is the deployment's (YINLING_DATA_DIR or YINLING_DB).
 */
import { existsSync } from 'node:fs'
import { localDbFile } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { MIGRATIONS, versionStatus } from '../storage/migrations'
import { rollback, upgrade } from './upgrade'

async function main() {
  const [flag, file] = process.argv.slice(2)
  const dbFile = localDbFile()
  if (!existsSync(dbFile)) throw new Error(`没有找到数据库 ${dbFile}：请检查 YINLING_DATA_DIR`)
  if (flag === '--rollback') {
    const r = rollback(dbFile, file)
    const store = new SqliteStorage({ filename: dbFile })
    const status = await versionStatus(store, MIGRATIONS).finally(() => store.close())
    process.stdout.write(`已恢复升级前的备份到 ${dbFile}（数据第 ${status.at} 版，integrity_check: ${r.integrity}）\n`)
    return
  }
  if (flag === '--status') {
    const store = new SqliteStorage({ filename: dbFile })
    const s = await versionStatus(store, MIGRATIONS).finally(() => store.close())
    process.stdout.write(
      `数据第 ${s.at} 版，程序第 ${s.latest} 版${s.pending.length ? `，待升级：${s.pending.join('；')}` : '，无需升级'}\n`
    )
    return
  }
  if (flag) throw new Error('用法：npm run upgrade [-- --rollback [备份文件] | --status]')
  const r = await upgrade(dbFile, MIGRATIONS)
  if (r.status === 'up-to-date') process.stdout.write(`数据已是最新（第 ${r.to} 版），无需升级\n`)
  else if (r.status === 'upgraded') {
    process.stdout.write(
      `已升级：第 ${r.from} 版 → 第 ${r.to} 版\n  ${r.applied.join('\n  ')}\n升级前的备份：${r.backup}\n（有问题可用 npm run upgrade -- --rollback 恢复）\n`
    )
  } else {
    process.stderr.write(`升级失败，已恢复到升级前（第 ${r.from} 版）：${r.error}\n备份：${r.backup}\n`)
    process.exitCode = 1
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
