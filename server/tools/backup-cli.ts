/**
 * npm run backup [-- <file>]    a consistent online backup of the local database (the host may keep running)
 * npm run restore -- <file>     put a backup back (stop the host first)
 */
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { loadLocalConfig } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { backupDatabase, restoreDatabase, type BackupReport } from '../storage/sqlite/backup'

function print(verb: string, r: BackupReport) {
  const rows = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  process.stdout.write(`${verb} ${r.file}\n  ${(r.bytes / 1024).toFixed(1)} KB, integrity_check: ${r.integrity}\n  ${rows}\n`)
}

async function main() {
  const [command, file] = process.argv.slice(2)
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
