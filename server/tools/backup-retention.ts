/**
 * Retention for scheduled backups (`npm run backup -- --keep N`): after a good backup, only the newest N of the
 * automatic backups (`yinling-<time>.db` in the backups folder) are kept. Backups taken by `upgrade`
 * (`pre-upgrade-…`) and files with other names are never removed.
 */
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

const AUTOMATIC = /^yinling-\d{4}-\d{2}-\d{2}T[\d-]+Z\.db$/

export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep 要是不小于 1 的整数')
  // The ISO time in the name sorts as text in time order.
  const names = readdirSync(dir)
    .filter((n) => AUTOMATIC.test(n))
    .sort()
  const removed = names.slice(0, Math.max(0, names.length - keep)).map((n) => path.join(dir, n))
  for (const f of removed) rmSync(f, { force: true })
  return removed
}
