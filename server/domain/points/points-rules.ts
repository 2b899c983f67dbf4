/**
 * Points rules. The defaults follow the demo bureau's 老干部活动积分管理 policy; a deployment changes them as
 * configuration (the `settings/pointsRules` document, edited by an admin on the 积分规则 page), not code. An
 * activity's own `points` overrides its type's rule (the per-activity override).
 *
 * Callers that award for an activity inside a transaction load the rules in that transaction:
 *   const rules = await loadPointsRules(tx)
 *   await awardPoints(tx, { ..., amount: activityPoints(activity, rules), rules })
 * The rules are a required argument of everything that computes an amount from them: there is no silent default.
 */
import type { ActivityType } from '../../../types/actions/activities'
import { zPointsRules, type PointsRules } from '../../../types/actions/points'
import type { ActivityDoc, SettingsDoc } from '../../storage/schema'

export const POINTS_RULES_ID = 'pointsRules'

export const DEFAULT_POINTS_BY_TYPE: Record<ActivityType, number> = {
  组织生活: 5,
  讲座: 3,
  文体活动: 3,
  老年大学: 2,
  志愿服务: 5,
  宣讲: 5,
  其他: 1
}

/** 践诺评星 bands: 60–69 ★, 70–79 ★★, 80–89 ★★★, 90–95 ★★★★, ≥96 ★★★★★. */
export const DEFAULT_STAR_BANDS: PointsRules['starBands'] = [
  { min: 60, stars: 1 },
  { min: 70, stars: 2 },
  { min: 80, stars: 3 },
  { min: 90, stars: 4 },
  { min: 96, stars: 5 }
]

export const DEFAULT_POINTS_RULES: PointsRules = {
  byType: DEFAULT_POINTS_BY_TYPE,
  dailyCap: 15,
  staffAward: { songxue: 5, participation: 2 },
  volunteerShift: 5,
  starBands: DEFAULT_STAR_BANDS,
  expiry: { enabled: false, afterYears: 1 }
}

/** Anything that reads documents by id: the store, or a transaction. */
export interface RulesReader {
  get(c: 'settings', id: string): Promise<SettingsDoc | null>
}

/**
 * The rules in force: the stored settings over the defaults. A stored document that does not validate (an
 * older shape, a hand edit) falls back to the defaults field by field rather than breaking every award.
 */
export async function loadPointsRules(reader: RulesReader): Promise<PointsRules> {
  const doc = await reader.get('settings', POINTS_RULES_ID)
  return mergeRules(doc?.value)
}

export function mergeRules(value: unknown): PointsRules {
  if (!value || typeof value !== 'object') return DEFAULT_POINTS_RULES
  const whole = zPointsRules.safeParse(value)
  if (whole.success) return whole.data as PointsRules
  const out: PointsRules = { ...DEFAULT_POINTS_RULES }
  const v = value as Record<string, unknown>
  for (const key of Object.keys(out) as (keyof PointsRules)[]) {
    const field = zPointsRules.shape[key].safeParse(v[key])
    if (field.success) (out as unknown as Record<string, unknown>)[key] = field.data
  }
  return out
}

/** Points for checking in at an activity: its own points, else its type's rule. */
export function activityPoints(
  activity: Pick<ActivityDoc, 'type' | 'points'>,
  rules: Pick<PointsRules, 'byType'>
): number {
  return activity.points ?? rules.byType[activity.type] ?? 0
}

/** Stars for a yearly score (0: below the lowest band). */
export function starsFor(score: number, bands: PointsRules['starBands']): number {
  let stars = 0
  for (const b of bands) if (score >= b.min) stars = b.stars
  return stars
}
