/**
 * The proof that the ledger is honest: every stored balance equals the sum of its person's entries (and counts
 * them), no balance is negative, and no entry lacks a balance. Reads committed data through the storage port,
 * so it runs on SQLite and on CloudBase alike.
 */
import type { StoragePort } from '../../storage/port'
import { findAll } from './points-read'

export interface Mismatch {
  personId: string
  name: string
  stored: number | null
  sum: number
  storedEntries: number | null
  entries: number
  problem: string
}

export interface ReconcileReport {
  persons: number
  entries: number
  totalPoints: number
  mismatches: Mismatch[]
}

export async function reconcilePoints(store: StoragePort): Promise<ReconcileReport> {
  const [entries, balances] = await Promise.all([
    findAll(store, 'pointsLedger', { orderBy: [['_id', 'asc']] }),
    findAll(store, 'pointsBalances', { orderBy: [['_id', 'asc']] })
  ])
  const sums = new Map<string, { sum: number; count: number; seqs: Set<number> }>()
  for (const e of entries) {
    const s = sums.get(e.personId) ?? { sum: 0, count: 0, seqs: new Set<number>() }
    s.sum += e.amount
    s.count += 1
    if (e.seq !== undefined) s.seqs.add(e.seq)
    sums.set(e.personId, s)
  }
  const mismatches: Mismatch[] = []
  const seen = new Set<string>()
  for (const b of balances) {
    seen.add(b._id)
    const s = sums.get(b._id) ?? { sum: 0, count: 0, seqs: new Set<number>() }
    const problems: string[] = []
    // Entry numbers are 1…n without gaps or repeats: a removed or duplicated entry shows here.
    if ((s.seqs.size && s.seqs.size !== s.count) || [...s.seqs].some((n) => n < 1 || n > s.count))
      problems.push('明细编号有缺号或重号')
    if (b.balance !== s.sum) problems.push(`余额 ${b.balance} ≠ 明细合计 ${s.sum}`)
    if (b.entries !== s.count) problems.push(`记录数 ${b.entries} ≠ 明细条数 ${s.count}`)
    if (b.balance < 0) problems.push('余额为负数')
    if (problems.length)
      mismatches.push({
        personId: b._id,
        name: '',
        stored: b.balance,
        sum: s.sum,
        storedEntries: b.entries,
        entries: s.count,
        problem: problems.join('；')
      })
  }
  for (const [personId, s] of sums) {
    if (seen.has(personId)) continue
    mismatches.push({
      personId,
      name: '',
      stored: null,
      sum: s.sum,
      storedEntries: null,
      entries: s.count,
      problem: '有明细但没有余额记录'
    })
  }
  for (const m of mismatches) m.name = (await store.get('persons', m.personId))?.name ?? '（不在名册）'
  return {
    persons: new Set([...seen, ...sums.keys()]).size,
    entries: entries.length,
    totalPoints: balances.reduce((a, b) => a + b.balance, 0),
    mismatches
  }
}

/** The command's output and exit code (0: every balance matches; 1: a mismatch). */
export function formatReport(r: ReconcileReport): { text: string; exitCode: number } {
  const lines: string[] = []
  for (const m of r.mismatches) {
    lines.push(`✗ ${m.name}（${m.personId}）：${m.problem}`)
  }
  lines.push(`核对了 ${r.persons} 人的积分，共 ${r.entries} 条明细，余额合计 ${r.totalPoints} 分。`)
  lines.push(
    r.mismatches.length
      ? `有 ${r.mismatches.length} 人对不上，请检查上面列出的人。`
      : '全部对得上：每个人的余额都等于明细之和。'
  )
  return { text: `${lines.join('\n')}\n`, exitCode: r.mismatches.length ? 1 : 0 }
}
