/**
 * npm run backup [-- <file>]    a consistent online backup of the local database (the host may keep running)
 * npm run backup -- --keep <N>  the same into the backups folder, then keep only the newest N (the timer's job)
 * npm run restore -- <file>     put a backup back (stop the host first)
 */
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { backupDatabase, restoreDatabase, type BackupReport } from '../storage/sqlite/backup'
import { pruneBackups } from './backup-retention'

function print(verb: string, r: BackupReport) {
  const rows = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  process.stdout.write(
    `${verb} ${r.file}\n  ${(r.bytes / 1024).toFixed(1)} KB, integrity_check: ${r.integrity}\n  ${rows}\n`
  )
}

async function main() {
  const args = process.argv.slice(2)
  const keepAt = args.indexOf('--keep')
  const keep = keepAt >= 0 ? Number(args.splice(keepAt, 2)[1]) : null
  if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) throw new Error('--keep 要是不小于 1 的整数')
  const [command, file] = args
  const { dbFile } = loadLocalConfig()
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const dest = path.resolve(file ?? path.join(path.dirname(dbFile), 'backups', `yinling-${stamp}.db`))
    mkdirSync(path.dirname(dest), { recursive: true })
    const store = new SqliteStorage({ filename: dbFile })
    try {
      print('已备份到', await backupDatabase(store, dest))
    } finally {
      await store.close()
    }
    if (keep !== null) {
      const removed = pruneBackups(path.dirname(dest), keep)
      process.stdout.write(`保留最新 ${keep} 份，删除了 ${removed.length} 份旧备份\n`)
    }
  } else if (command === 'restore') {
    if (!file) throw new Error('请给出备份文件：npm run restore -- <备份文件>')
    print('已恢复到', restoreDatabase(path.resolve(file), dbFile))
  } else {
    throw new Error('用法：backup [文件] | restore <文件>')
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
