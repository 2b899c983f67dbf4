/**
 * The points ledger's read side: a person's entries as a plain-language history grouped by month, monthly and
 * yearly sums, and the 践诺评星 score. The yearly score counts what a person earned (awards, their reversals,
 * staff adjustments); spending points (redemptions and their refunds) and expiry do not lower it.
 */
import type { HistoryItem, HistoryMonth, PointsRules, StarInfo } from '../../../types/actions/points'
import { monthLabel } from '../../../types/points-words'
import type { FindOptions, StoragePort } from '../../storage/port'
import type { CollectionName, DocOf, PersonDoc, PointsEntryDoc } from '../../storage/schema'
import { inBusinessTz } from '../../../types/time'
import { starsFor } from './points-rules'

/** The Beijing year of an instant (the 践诺评星 and leaderboard year). */
export const year = (now: number) => inBusinessTz(now).year()

/** Every matching document, paging past the 1000-row limit. */
export async function findAll<C extends CollectionName>(
  store: Pick<StoragePort, 'find'>,
  c: C,
  options: FindOptions<DocOf<C>> = {}
): Promise<DocOf<C>[]> {
  const out: DocOf<C>[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.find(c, { ...options, limit: 1000, offset })
    out.push(...page)
    if (page.length < 1000) return out
  }
}

export type EntryClass = 'earn' | 'spend' | 'expire'

export function classify(e: Pick<PointsEntryDoc, 'kind' | 'source'>): EntryClass {
  if (e.kind === 'expiry') return 'expire'
  if (e.kind === 'redemption') return 'spend'
  if (e.kind === 'reversal' && e.source?.kind === 'redemption') return 'spend'
  return 'earn'
}

export async function personEntries(store: Pick<StoragePort, 'find'>, personId: string): Promise<PointsEntryDoc[]> {
  return findAll(store, 'pointsLedger', { where: { personId }, orderBy: [['at', 'desc']] })
}

export function toHistoryItem(e: PointsEntryDoc): HistoryItem {
  return { id: e._id, kind: e.kind, at: e.at, day: e.day, text: e.reason, amount: e.amount, note: e.note ?? null }
}

/**
 * A statement's order: by the day the entry counts on and its time, newest first. The entry number (`seq`,
 * the order entries were written) only breaks ties between entries of the same instant: it is not the order of
 * events, since history is written late (a shift settled days after it ended, back-filled records, imports).
 */
export function newestFirst(a: PointsEntryDoc, b: PointsEntryDoc): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1
  if (a.at !== b.at) return b.at - a.at
  if (a.seq !== undefined && b.seq !== undefined && a.seq !== b.seq) return b.seq - a.seq
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0
}

/** Newest month first; inside a month newest first. */
export function groupByMonth(entries: PointsEntryDoc[]): HistoryMonth[] {
  const months = new Map<string, HistoryMonth>()
  const sorted = [...entries].sort(newestFirst)
  for (const e of sorted) {
    const month = e.day.slice(0, 7)
    let m = months.get(month)
    if (!m) {
      m = { month, label: monthLabel(month), earned: 0, spent: 0, items: [] }
      months.set(month, m)
    }
    const cls = classify(e)
    if (cls === 'earn') m.earned += e.amount
    else m.spent -= e.amount
    m.items.push(toHistoryItem(e))
  }
  return [...months.values()]
}

/** What a person earned in the given days (inclusive), for monthly comparisons and the yearly score. */
export function earnedBetween(entries: PointsEntryDoc[], from: string, to: string): number {
  let sum = 0
  for (const e of entries) if (e.day >= from && e.day <= to && classify(e) === 'earn') sum += e.amount
  return sum
}

export function yearScore(entries: PointsEntryDoc[], year: number): number {
  return earnedBetween(entries, `${year}-01-01`, `${year}-12-31`)
}

export async function starInfo(
  store: Pick<StoragePort, 'get'>,
  person: PersonDoc,
  entries: PointsEntryDoc[],
  year: number,
  rules: PointsRules
): Promise<StarInfo | null> {
  if (!person.partyMember) return null
  const exemption = await store.get('starExemptions', `${year}:${person._id}`)
  const score = yearScore(entries, year)
  return { year, score, stars: starsFor(score, rules.starBands), exempt: !!exemption?.exempt }
}

/** Yearly scores of many people at once, from one range query over the year's entries. */
export async function yearScores(
  store: Pick<StoragePort, 'find'>,
  personIds: string[],
  year: number
): Promise<Map<string, number>> {
  const scores = new Map<string, number>(personIds.map((id) => [id, 0]))
  const wanted = new Set(personIds)
  const entries = await findAll(store, 'pointsLedger', {
    where: { day: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: [['_id', 'asc']]
  })
  for (const e of entries) {
    if (!wanted.has(e.personId) || classify(e) !== 'earn') continue
    scores.set(e.personId, (scores.get(e.personId) ?? 0) + e.amount)
  }
  return scores
}
