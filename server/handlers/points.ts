/**
 * 积分 for the people it is for (retirees, and a family member for an elder by 代办): balance, history,
 * catalogue and redemption, the branch leaderboard. Staff and the admin: points-staff.ts.
 */
import { inBusinessTz } from '../../types/time'
import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { isStaff } from '../core/identity'
import { sendMessage } from '../domain/messages/inbox'
import { loadOrgUnits } from '../domain/org/org-scope'
import { POINTS_RULES_ID, loadPointsRules } from '../domain/points/points-rules'
import { earnedBetween, groupByMonth, personEntries, starInfo, yearScores, year } from '../domain/points/points-read'
import { cancelRedemption, redeem } from '../domain/points/redemption'
import {
  itemView,
  leaderboardEnabled,
  redemptionViews,
  requireRedemptionScope,
  subjectPerson,
  unitsAbove
} from '../domain/points/points-views'
import { audit } from '../domain/points/points-audit'

/** How many months of history one page of `points.history` holds. */
const HISTORY_MONTHS_PER_PAGE = 6

function monthBounds(now: number, back: number): { from: string; to: string } {
  const d = inBusinessTz(now).startOf('month').subtract(back, 'month')
  return { from: d.format('YYYY-MM-DD'), to: d.endOf('month').format('YYYY-MM-DD') }
}

export const pointsHandlers = {
  'points.summary': {
    run: async (ctx) => {
      const person = await subjectPerson(ctx)
      const [entries, balance, rules, reserved, prefs, enabled] = await Promise.all([
        personEntries(ctx.store, person._id),
        ctx.store.get('pointsBalances', person._id),
        loadPointsRules(ctx.store),
        ctx.store.count('redemptions', { personId: person._id, status: 'reserved' }),
        ctx.store.get('pointsPrefs', person._id),
        leaderboardEnabled(ctx.store, person.branchId)
      ])
      const thisMonth = monthBounds(ctx.now, 0)
      const lastMonth = monthBounds(ctx.now, 1)
      return {
        personId: person._id,
        name: person.name,
        balance: balance?.balance ?? 0,
        thisMonth: earnedBetween(entries, thisMonth.from, thisMonth.to),
        lastMonth: earnedBetween(entries, lastMonth.from, lastMonth.to),
        star: await starInfo(ctx.store, person, entries, year(ctx.now), rules),
        leaderboard: { enabled, optedIn: !!prefs?.leaderboardOptIn },
        reservedCount: reserved
      }
    }
  },

  'points.history': {
    run: async (ctx, { cursor }) => {
      const person = await subjectPerson(ctx)
      const months = groupByMonth(await personEntries(ctx.store, person._id))
      const offset = cursor ? Number.parseInt(cursor, 10) || 0 : 0
      const page = months.slice(offset, offset + HISTORY_MONTHS_PER_PAGE)
      const next = offset + HISTORY_MONTHS_PER_PAGE < months.length ? String(offset + HISTORY_MONTHS_PER_PAGE) : null
      return { months: page, nextCursor: next }
    }
  },

  'points.rules': {
    run: async (ctx) => {
      const doc = await ctx.store.get('settings', POINTS_RULES_ID)
      return { rules: await loadPointsRules(ctx.store), updatedAt: doc?.updatedAt ?? null }
    }
  },

  'points.catalogue': {
    run: async (ctx) => {
      const person = await subjectPerson(ctx)
      const units = await loadOrgUnits(ctx.store)
      const mineUnits = unitsAbove(person.orgUnitId, units)
      const [items, quotas, balance] = await Promise.all([
        ctx.store.find('rewardItems', {
          where: { status: 'active', orgUnitId: { in: [...mineUnits] } },
          orderBy: [['price', 'asc']]
        }),
        ctx.store.find('rewardQuotas', { where: { personId: person._id } }),
        ctx.store.get('pointsBalances', person._id)
      ])
      const mine = new Map(quotas.map((q) => [q.itemId, q.count]))
      return { items: items.map((i) => itemView(i, units, mine.get(i._id) ?? 0)), balance: balance?.balance ?? 0 }
    }
  },

  'points.redeem': {
    run: async (ctx, { itemId }) => {
      const person = await subjectPerson(ctx)
      const units = await loadOrgUnits(ctx.store)
      const mineUnits = unitsAbove(person.orgUnitId, units)
      return ctx.write(async (tx) => {
        const { redemption, balance } = await redeem(tx, {
          itemId,
          personId: person._id,
          actorAccountId: ctx.actor.accountId,
          at: ctx.now,
          visible: (item) => mineUnits.has(item.orgUnitId)
        })
        await sendMessage(tx, {
          toPersonId: person._id,
          title: `兑换成功：${redemption.itemName}`,
          body: `取件码 ${redemption._id}，请到${units.find((u) => u._id === redemption.orgUnitId)?.name ?? '老干部局'}出示取件码领取。`,
          link: '/packages/points/orders/index',
          at: ctx.now,
          id: `redeemed:${redemption._id}`
        })
        const [view] = await redemptionViews(tx, [redemption], units)
        return { redemption: view, balance }
      })
    }
  },

  'points.myRedemptions': {
    run: async (ctx) => {
      const person = await subjectPerson(ctx)
      const [rows, units] = await Promise.all([
        ctx.store.find('redemptions', {
          where: { personId: person._id },
          orderBy: [['createdAt', 'desc']],
          limit: 200
        }),
        loadOrgUnits(ctx.store)
      ])
      // Waiting pick-ups first: those are what a person needs the code for.
      const order = { reserved: 0, picked: 1, cancelled: 2 } as const
      rows.sort((a, b) => order[a.status] - order[b.status] || b.createdAt - a.createdAt)
      return { items: await redemptionViews(ctx.store, rows, units) }
    }
  },

  'points.cancelRedemption': {
    run: async (ctx, { code }) => {
      const r = await ctx.store.get('redemptions', code)
      if (!r) throw new AppError('NOT_FOUND', '没有找到这个取件码，请核对后再试')
      const own = r.personId === ctx.subjectPersonId
      const asStaff = !own && isStaff(ctx.actor)
      if (!own && !asStaff) throw new AppError('FORBIDDEN')
      if (asStaff) await requireRedemptionScope(ctx, r)
      const units = await loadOrgUnits(ctx.store)
      return ctx.write(async (tx) => {
        const { redemption, refunded } = await cancelRedemption(tx, code, {
          accountId: ctx.actor.accountId,
          staff: asStaff,
          at: ctx.now
        })
        if (asStaff) {
          await audit(tx, {
            at: ctx.now,
            actor: ctx.actor.accountId,
            subject: r.personId,
            action: 'points.cancelRedemption',
            target: `redemptions/${code}`,
            detail: { refunded }
          })
        }
        const [view] = await redemptionViews(tx, [redemption], units)
        return { redemption: view, refunded }
      })
    }
  },

  'points.setLeaderboardOptIn': {
    run: async (ctx, { optIn }) => {
      const person = await subjectPerson(ctx)
      return ctx.write(async (tx) => {
        await tx.put('pointsPrefs', { _id: person._id, leaderboardOptIn: optIn, updatedAt: ctx.now })
        return { optedIn: optIn }
      })
    }
  },

  'points.leaderboard': {
    run: async (ctx) => {
      const person = await subjectPerson(ctx)
      const enabled = await leaderboardEnabled(ctx.store, person.branchId)
      if (!enabled || !person.branchId) return { enabled: false, branchName: null, rows: [] }
      const [members, branch] = await Promise.all([
        ctx.store.find('persons', { where: { branchId: person.branchId } }),
        ctx.store.get('branches', person.branchId)
      ])
      const prefs = await Promise.all(members.map((m) => ctx.store.get('pointsPrefs', m._id)))
      const shown = members.filter((_, i) => prefs[i]?.leaderboardOptIn === true)
      const scores = await yearScores(
        ctx.store,
        shown.map((m) => m._id),
        year(ctx.now)
      )
      const rows = shown
        .map((m) => ({ name: m.name, score: scores.get(m._id) ?? 0, me: m._id === person._id }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
      return { enabled: true, branchName: branch?.name ?? null, rows }
    }
  }
} satisfies Partial<HandlerTable>
