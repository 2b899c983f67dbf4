import { z } from 'zod'
import { ADMIN_ONLY, ANY_ROLE, STAFF_OR_ADMIN } from '../roles'
import { defineAction, zDay, zId, zReason, zShortText, zText } from '../define'
import { ACTIVITY_TYPES, type ActivityType } from '../activity-types'
import { STAFF_AWARD_KINDS, type StaffAwardKind } from '../points-words'

export type EntryKind = 'award' | 'reversal' | 'adjustment' | 'redemption' | 'expiry'

/** The rules, as configuration (settings/pointsRules); defaults when absent. */
export interface PointsRules {
  /** Points for checking in at an activity of each type (an activity's own points override this). */
  byType: Record<ActivityType, number>
  /** At most this many award points per person per day (Beijing day); null: no cap. */
  dailyCap: number | null
  /** Default points when staff record 送学上门 / other participation. */
  staffAward: Record<StaffAwardKind, number>
  /** Points for serving one volunteer shift (awarded once per shift, with its hours; an activity may override). */
  volunteerShift: number
  /** Star bands of the yearly score, lowest first: a score ≥ min earns `stars`. */
  starBands: { min: number; stars: number }[]
  /** Off by default. When on, points earned in year Y expire at the end of year Y + afterYears. */
  expiry: { enabled: boolean; afterYears: number }
}

export const zPointsRules = z.object({
  byType: z.object(
    Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, z.number().int().min(0).max(100)])) as Record<
      ActivityType,
      z.ZodNumber
    >
  ),
  dailyCap: z.number().int().min(1).max(1000).nullable(),
  staffAward: z.object({ songxue: z.number().int().min(0).max(100), participation: z.number().int().min(0).max(100) }),
  volunteerShift: z.number().int().min(0).max(100),
  starBands: z
    .array(z.object({ min: z.number().int().min(0).max(10000), stars: z.number().int().min(1).max(5) }))
    .min(1)
    .max(5)
    .refine(
      (bands) => bands.every((b, i) => i === 0 || (b.min > bands[i - 1].min && b.stars > bands[i - 1].stars)),
      '星级要从低到高排列'
    ),
  expiry: z.object({ enabled: z.boolean(), afterYears: z.number().int().min(1).max(10) })
})

export interface HistoryItem {
  id: string
  kind: EntryKind
  at: number
  day: string
  /** Plain words: 参加「重阳节座谈会」, 兑换「老花镜」, 工作人员调整：补录3月学习. */
  text: string
  amount: number
  /** Plain words about what changed the amount: 今天已得满 15 分，这次只加 2 分. */
  note: string | null
}

export interface HistoryMonth {
  /** 'YYYY-MM' */
  month: string
  /** '2026年12月' */
  label: string
  earned: number
  spent: number
  items: HistoryItem[]
}

export interface StarInfo {
  year: number
  score: number
  stars: number
  exempt: boolean
}

export interface PointsSummary {
  personId: string
  name: string
  balance: number
  /** Points earned (positive entries) this month and last month, Beijing time. */
  thisMonth: number
  lastMonth: number
  /** Party members only. */
  star: StarInfo | null
  /** The caller's branch has a leaderboard switched on. */
  leaderboard: { enabled: boolean; optedIn: boolean }
  reservedCount: number
}

export interface RewardItemView {
  id: string
  name: string
  description: string
  kind: 'item' | 'service'
  price: number
  stock: number
  perPersonLimit: number | null
  orgUnitId: string
  orgUnitName: string
  active: boolean
  /** Redemptions of this item by the viewer that count against the limit (not cancelled). */
  mine: number
}

export type RedemptionStatus = 'reserved' | 'picked' | 'cancelled'

export interface RedemptionView {
  code: string
  itemId: string
  itemName: string
  price: number
  personId: string
  personName: string
  orgUnitName: string
  status: RedemptionStatus
  createdAt: number
  pickedAt: number | null
  cancelledAt: number | null
}

export interface LedgerPerson {
  id: string
  name: string
  orgUnitName: string
  branchName: string | null
  partyMember: boolean
  frail: boolean
  balance: number
}

export interface StarRow {
  personId: string
  name: string
  score: number
  stars: number
  exempt: boolean
  exemptReason: string | null
  frail: boolean
}

const zItemKind = z.enum(['item', 'service'])
const zYear = z.number().int().min(2000).max(2100)
const zCode = zText()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, '取件码是 8 位数字'))

export const pointsActions = {
  /** 我的积分: balance, this month against last month, star rating, leaderboard state. */
  'points.summary': defineAction<PointsSummary>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  }),
  /** The caller's ledger in plain words, newest month first. */
  'points.history': defineAction<{ months: HistoryMonth[]; nextCursor: string | null }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ cursor: z.string().max(20).optional() })
  }),
  /** 积分规则, readable by everybody. */
  'points.rules': defineAction<{ rules: PointsRules; updatedAt: number | null }>()({
    kind: 'query',
    access: 'signed-in',
    input: z.object({})
  }),
  /** Admin: change the rules. */
  'points.staff.setRules': defineAction<{ rules: PointsRules }>()({
    kind: 'mutation',
    access: ADMIN_ONLY,
    input: z.object({ rules: zPointsRules })
  }),

  /** 积分兑换: the catalogue the caller may redeem from. */
  'points.catalogue': defineAction<{ items: RewardItemView[]; balance: number }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  }),
  /** Redeeming takes the elder's points: only in person, never by 代办 (issue 6). */
  'points.redeem': defineAction<{ redemption: RedemptionView; balance: number }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ itemId: zId })
  }),
  'points.myRedemptions': defineAction<{ items: RedemptionView[] }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  }),
  /** Cancel before pick-up: the points come back. The owner (in person, not by 代办) or staff of the item's unit. */
  'points.cancelRedemption': defineAction<{ redemption: RedemptionView; refunded: number }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ code: zCode })
  }),

  /** Opt in to (or out of) the branch leaderboard. */
  'points.setLeaderboardOptIn': defineAction<{ optedIn: boolean }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ optIn: z.boolean() })
  }),
  /** The caller's branch leaderboard this year: only people who opted in; empty when the branch has it off. */
  'points.leaderboard': defineAction<{
    enabled: boolean
    branchName: string | null
    rows: { name: string; score: number; me: boolean }[]
  }>()({
    kind: 'query',
    access: ANY_ROLE,
    input: z.object({})
  }),

  // ----- staff -----
  /** People in the caller's scope, with balances (search by name). */
  'points.staff.people': defineAction<{ items: LedgerPerson[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ q: zText().max(20).optional(), branchId: zId.optional() })
  }),
  /** A person's whole ledger. Every look is written to the audit log. */
  'points.staff.ledger': defineAction<{ person: LedgerPerson; months: HistoryMonth[]; star: StarInfo | null }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ personId: zId })
  }),
  /** Adjust a person's points with a reason (positive or negative, never below zero). */
  'points.staff.adjust': defineAction<{ balance: number; entryId: string }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      personId: zId,
      amount: z
        .number()
        .int()
        .min(-1000)
        .max(1000)
        .refine((n) => n !== 0, '调整的分数不能是 0'),
      reason: zReason
    })
  }),
  /**
   * Record 送学上门 or other participation for a person: an award with a deterministic source
   * (kind, day, what), so recording the same thing twice counts once.
   */
  'points.staff.award': defineAction<{ awarded: number; status: 'awarded' | 'capped' | 'already'; balance: number }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      personId: zId,
      kind: z.enum(STAFF_AWARD_KINDS),
      title: zShortText,
      day: zDay,
      amount: z.number().int().min(1).max(100).optional()
    })
  }),

  'points.staff.items': defineAction<{ items: RewardItemView[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({})
  }),
  /** Create or change a catalogue item. Stock changes by `addStock` (never set), so concurrent redemptions count. */
  'points.staff.saveItem': defineAction<{ item: RewardItemView }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({
      id: zId.optional(),
      name: zShortText,
      description: zText().max(300).default(''),
      kind: zItemKind,
      price: z.number().int().min(1).max(100000),
      addStock: z.number().int().min(-100000).max(100000).default(0),
      perPersonLimit: z.number().int().min(1).max(100).nullable(),
      orgUnitId: zId,
      active: z.boolean()
    })
  }),
  /** Look up a pick-up code before 核销. */
  'points.staff.redemption': defineAction<{ redemption: RedemptionView }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ code: zCode })
  }),
  /** 核销: the item was handed over. */
  'points.staff.fulfil': defineAction<{ redemption: RedemptionView }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ code: zCode })
  }),
  /** Reserved pick-ups of the staff member's units, oldest first. */
  'points.staff.pending': defineAction<{ items: RedemptionView[] }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({})
  }),

  /** A branch's points for a period as .xlsx (base64). */
  'points.staff.export': defineAction<{ filename: string; base64: string; rows: number }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ branchId: zId, from: zDay, to: zDay })
  }),
  /** 践诺评星: a branch's party members, yearly score and stars. */
  'points.staff.stars': defineAction<{
    branchName: string
    year: number
    rows: StarRow[]
    leaderboardEnabled: boolean
  }>()({
    kind: 'query',
    access: STAFF_OR_ADMIN,
    input: z.object({ branchId: zId, year: zYear })
  }),
  'points.staff.setStarExempt': defineAction<{ exempt: boolean }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ personId: zId, year: zYear, exempt: z.boolean(), reason: zReason })
  }),
  /** Turn a branch's leaderboard on or off (off by default). */
  'points.staff.setLeaderboard': defineAction<{ enabled: boolean }>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ branchId: zId, enabled: z.boolean() })
  })
}

export { zCode }
