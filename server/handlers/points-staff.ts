/**
 * 积分 for staff and the admin: the rules, people's ledgers and adjustments, awards staff record, the export,
 * 践诺评星 and the branch leaderboards. The reward catalogue and 核销: points-shop-staff.ts. The retirees'
 * side: points.ts.
 */
import { createHash } from 'node:crypto'
import type { PointsRules } from '../../types/actions/points'
import { STAFF_AWARD_LABELS } from '../../types/points-words'
import { addDays, beijingTime, businessDay } from '../../types/time'
import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { adjustPoints, award } from '../domain/points/points-ledger'
import { POINTS_RULES_ID, loadPointsRules, starsFor } from '../domain/points/points-rules'
import { groupByMonth, personEntries, starInfo, yearScores, year } from '../domain/points/points-read'
import { leaderboardEnabled, leaderboardSettingId, ledgerPerson, staffUnits } from '../domain/points/points-views'
import { pointsWorkbook } from '../domain/points/points-export'
import { audit } from '../domain/points/points-audit'

/** A short stable id for what staff recorded, so recording the same thing twice is one source. */
function titleKey(title: string): string {
  return createHash('sha256').update(title.replace(/\s+/g, '')).digest('hex').slice(0, 12)
}

export const pointsStaffHandlers = {
  'points.staff.setRules': {
    run: async (ctx, { rules }) =>
      ctx.write(async (tx) => {
        const before = await loadPointsRules(tx)
        await tx.put('settings', {
          _id: POINTS_RULES_ID,
          value: rules as unknown as Record<string, unknown>,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.accountId
        })
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: null,
          action: 'points.staff.setRules',
          target: `settings/${POINTS_RULES_ID}`,
          detail: { before, after: rules }
        })
        return { rules: rules as PointsRules }
      })
  },

  'points.staff.people': {
    run: async (ctx, { q, branchId }) => {
      const { covered, units } = await staffUnits(ctx)
      const persons = await ctx.store.find('persons', {
        where: { orgUnitId: { in: [...covered] }, ...(branchId ? { branchId } : {}) },
        orderBy: [['name', 'asc']]
      })
      const hits = (q ? persons.filter((p) => p.name.includes(q)) : persons).slice(0, 50)
      return { items: await Promise.all(hits.map((p) => ledgerPerson(ctx.store, p, units))) }
    }
  },

  'points.staff.ledger': {
    run: async (ctx, { personId }) => {
      const person = await ctx.store.get('persons', personId)
      if (!person) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      // The access log is written before the ledger is read, so no look goes unlogged. It is the only write a
      // query makes: it records the read itself, not a business effect.
      await ctx.store.transaction((tx) =>
        audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: personId,
          action: 'points.staff.ledger',
          target: `pointsLedger/${personId}`,
          detail: {}
        })
      )
      const [units, entries, rules] = await Promise.all([
        loadOrgUnits(ctx.store),
        personEntries(ctx.store, personId),
        loadPointsRules(ctx.store)
      ])
      return {
        person: await ledgerPerson(ctx.store, person, units),
        months: groupByMonth(entries),
        star: await starInfo(ctx.store, person, entries, year(ctx.now), rules)
      }
    }
  },

  'points.staff.adjust': {
    run: async (ctx, { personId, amount, reason }) => {
      const person = await ctx.store.get('persons', personId)
      if (!person) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      return ctx.write(async (tx) => {
        const entryId = `adj:${ctx.actor.accountId}:${ctx.mutationId}`
        const balance = await adjustPoints(tx, {
          entryId,
          personId,
          amount,
          reason,
          staffAccountId: ctx.actor.accountId,
          actorAccountId: ctx.actor.accountId,
          at: ctx.now
        })
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: personId,
          action: 'points.staff.adjust',
          target: `pointsLedger/${entryId}`,
          detail: { amount, reason }
        })
        return { balance, entryId }
      })
    }
  },

  'points.staff.award': {
    run: async (ctx, input) => {
      const person = await ctx.store.get('persons', input.personId)
      if (!person) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      if (input.day > businessDay(ctx.now)) throw new AppError('VALIDATION', '不能记录还没到的日子，请检查日期')
      if (input.day < addDays(businessDay(ctx.now), -366))
        throw new AppError('VALIDATION', '只能补记一年以内的事，更早的请用“调整积分”并写明原因')
      return ctx.write(async (tx) => {
        const rules = await loadPointsRules(tx)
        const amount = input.amount ?? rules.staffAward[input.kind]
        const label = STAFF_AWARD_LABELS[input.kind]
        const reason =
          input.kind === 'songxue' ? `送学上门「${input.title}」` : `参加「${input.title}」（工作人员记录）`
        const result = await award(tx, {
          personId: person._id,
          amount,
          reason,
          // Deterministic: the same thing recorded for the same person on the same day is one source.
          source: { kind: input.kind, id: `${input.day}:${titleKey(input.title)}` },
          actorAccountId: ctx.actor.accountId,
          staffAccountId: ctx.actor.accountId,
          // The day it happened counts for the daily cap, at noon Beijing time.
          at: input.day === businessDay(ctx.now) ? ctx.now : beijingTime(input.day, '12:00'),
          rules
        })
        if (result.status !== 'already') {
          await audit(tx, {
            at: ctx.now,
            actor: ctx.actor.accountId,
            subject: person._id,
            action: 'points.staff.award',
            target: `pointsLedger/${result.entryId}`,
            detail: { kind: label, title: input.title, amount: result.amount }
          })
        }
        const balance = (await tx.get('pointsBalances', person._id))?.balance ?? 0
        return { awarded: result.amount, status: result.status, balance }
      })
    }
  },

  'points.staff.export': {
    run: async (ctx, { branchId, from, to }) => {
      if (from > to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期')
      const branch = await ctx.store.get('branches', branchId)
      if (!branch) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, branch.orgUnitId)
      const persons = await ctx.store.find('persons', { where: { branchId } })
      const entries = (await Promise.all(persons.map((p) => personEntries(ctx.store, p._id)))).flat()
      const actorIds = [...new Set(entries.map((e) => e.staffAccountId ?? e.actorAccountId))]
      const accounts = await Promise.all(actorIds.map((id) => ctx.store.get('accounts', id)))
      const actorNames = new Map(actorIds.map((id, i) => [id, accounts[i]?.displayName ?? '']))
      const { buffer, rows } = await pointsWorkbook({ branchName: branch.name, from, to, persons, entries, actorNames })
      await ctx.store.transaction((tx) =>
        audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: null,
          action: 'points.staff.export',
          target: `branches/${branchId}`,
          detail: { from, to, rows }
        })
      )
      return { filename: `${branch.name}积分_${from}至${to}.xlsx`, base64: buffer.toString('base64'), rows }
    }
  },

  'points.staff.stars': {
    run: async (ctx, { branchId, year: y }) => {
      const branch = await ctx.store.get('branches', branchId)
      if (!branch) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, branch.orgUnitId)
      const [persons, rules, exemptions, enabled] = await Promise.all([
        ctx.store.find('persons', { where: { branchId, partyMember: true }, orderBy: [['name', 'asc']] }),
        loadPointsRules(ctx.store),
        ctx.store.find('starExemptions', { where: { year: y } }),
        leaderboardEnabled(ctx.store, branchId)
      ])
      const scores = await yearScores(
        ctx.store,
        persons.map((p) => p._id),
        y
      )
      const ex = new Map(exemptions.map((e) => [e.personId, e]))
      const rows = persons.map((p) => {
        const score = scores.get(p._id) ?? 0
        const e = ex.get(p._id)
        return {
          personId: p._id,
          name: p.name,
          score,
          stars: starsFor(score, rules.starBands),
          exempt: !!e?.exempt,
          exemptReason: e?.exempt ? e.reason : null,
          frail: p.frail
        }
      })
      return { branchName: branch.name, year: y, rows, leaderboardEnabled: enabled }
    }
  },

  'points.staff.setStarExempt': {
    run: async (ctx, { personId, year: y, exempt, reason }) => {
      const person = await ctx.store.get('persons', personId)
      if (!person) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      if (!person.partyMember) throw new AppError('ILLEGAL_TRANSITION', '践诺评星只针对党员')
      return ctx.write(async (tx) => {
        await tx.put('starExemptions', {
          _id: `${y}:${personId}`,
          year: y,
          personId,
          exempt,
          reason,
          staffAccountId: ctx.actor.accountId,
          at: ctx.now
        })
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: personId,
          action: 'points.staff.setStarExempt',
          target: `starExemptions/${y}:${personId}`,
          detail: { exempt, reason }
        })
        return { exempt }
      })
    }
  },

  'points.staff.setLeaderboard': {
    run: async (ctx, { branchId, enabled }) => {
      const branch = await ctx.store.get('branches', branchId)
      if (!branch) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, branch.orgUnitId)
      return ctx.write(async (tx) => {
        await tx.put('settings', {
          _id: leaderboardSettingId(branchId),
          value: { enabled },
          updatedAt: ctx.now,
          updatedBy: ctx.actor.accountId
        })
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: null,
          action: 'points.staff.setLeaderboard',
          target: `branches/${branchId}`,
          detail: { enabled }
        })
        return { enabled }
      })
    }
  }
} satisfies Partial<HandlerTable>
