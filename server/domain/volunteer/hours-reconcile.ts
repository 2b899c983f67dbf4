/**
 * The proof that the hours ledger is honest, like points-reconcile.ts for points: every stored total equals
 * the sum of its person's entries and counts them (entry numbers 1…n without gaps or repeats), no total is
 * negative, no entry lacks a total, and each settled attendance's `creditedMinutes` equals the net minutes of
 * its shift's entries. Reads committed data through the storage port, so it runs on every adapter.
 */
import type { StoragePort } from '../../storage/port'
import { findAll } from '../points/points-read'

export interface HoursMismatch {
  personId: string
  name: string
  problem: string
}

export interface HoursReport {
  persons: number
  entries: number
  totalMinutes: number
  mismatches: HoursMismatch[]
}

export async function reconcileHours(store: StoragePort): Promise<HoursReport> {
  const [entries, balances, attendance] = await Promise.all([
    findAll(store, 'hoursLedger', { orderBy: [['_id', 'asc']] }),
    findAll(store, 'hoursBalances', { orderBy: [['_id', 'asc']] }),
    findAll(store, 'shiftAttendance', { orderBy: [['_id', 'asc']] })
  ])
  const sums = new Map<string, { sum: number; count: number; seqs: Set<number> }>()
  const perShift = new Map<string, number>()
  for (const e of entries) {
    const s = sums.get(e.personId) ?? { sum: 0, count: 0, seqs: new Set<number>() }
    s.sum += e.minutes
    s.count += 1
    s.seqs.add(e.seq)
    sums.set(e.personId, s)
    perShift.set(`${e.shiftId}:${e.personId}`, (perShift.get(`${e.shiftId}:${e.personId}`) ?? 0) + e.minutes)
  }
  const problems = new Map<string, string[]>()
  const add = (personId: string, p: string) => problems.set(personId, [...(problems.get(personId) ?? []), p])
  const seen = new Set<string>()
  for (const b of balances) {
    seen.add(b._id)
    const s = sums.get(b._id) ?? { sum: 0, count: 0, seqs: new Set<number>() }
    if (s.seqs.size !== s.count || [...s.seqs].some((n) => n < 1 || n > s.count)) add(b._id, '明细编号有缺号或重号')
    if (b.minutes !== s.sum) add(b._id, `总时长 ${b.minutes} 分钟 ≠ 明细合计 ${s.sum} 分钟`)
    if (b.entries !== s.count) add(b._id, `记录数 ${b.entries} ≠ 明细条数 ${s.count}`)
    if (b.minutes < 0) add(b._id, '总时长为负数')
  }
  for (const personId of sums.keys()) if (!seen.has(personId)) add(personId, '有明细但没有总时长记录')
  for (const a of attendance) {
    if (a.creditedMinutes === null) continue
    const net = perShift.get(`${a.shiftId}:${a.personId}`) ?? 0
    if (net !== a.creditedMinutes) add(a.personId, `班次 ${a.shiftId} 记 ${a.creditedMinutes} 分钟 ≠ 明细 ${net} 分钟`)
  }
  const mismatches: HoursMismatch[] = []
  for (const [personId, list] of problems) {
    mismatches.push({
      personId,
      name: (await store.get('persons', personId))?.name ?? '（不在名册）',
      problem: list.join('；')
    })
  }
  return {
    persons: new Set([...seen, ...sums.keys()]).size,
    entries: entries.length,
    totalMinutes: balances.reduce((a, b) => a + b.minutes, 0),
    mismatches
  }
}

/** The command's output and exit code (0: everything matches; 1: a mismatch). */
export function formatHoursReport(r: HoursReport): { text: string; exitCode: number } {
  const lines = r.mismatches.map((m) => `✗ ${m.name}（${m.personId}）：${m.problem}`)
  lines.push(
    `核对了 ${r.persons} 人的志愿服务时长，共 ${r.entries} 条明细，合计 ${Math.round((r.totalMinutes / 60) * 10) / 10} 小时。`
  )
  lines.push(
    r.mismatches.length
      ? `有 ${r.mismatches.length} 人对不上，请检查上面列出的人。`
      : '全部对得上：每个人的总时长都等于明细之和。'
  )
  return { text: `${lines.join('\n')}\n`, exitCode: r.mismatches.length ? 1 : 0 }
}
