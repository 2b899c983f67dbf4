/**
 * 积分兑换 for staff and the admin: the reward catalogue (items, stock, per-person limits) and 核销 of what
 * retirees redeemed. The rest of the staff's points work: points-staff.ts; the retirees' side: points.ts.
 */
import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { sendMessage } from '../domain/messages/inbox'
import { loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { fulfilRedemption } from '../domain/points/redemption'
import { itemView, redemptionViews, requireRedemptionScope, staffUnits } from '../domain/points/points-views'
import { audit } from '../domain/points/points-audit'

export const pointsShopStaffHandlers = {
  'points.staff.items': {
    run: async (ctx) => {
      const { covered, units } = await staffUnits(ctx)
      const items = await ctx.store.find('rewardItems', {
        where: { orgUnitId: { in: [...covered] } },
        orderBy: [['price', 'asc']]
      })
      return { items: items.map((i) => itemView(i, units)) }
    }
  },

  'points.staff.saveItem': {
    run: async (ctx, input) => {
      await requireStaffScope(ctx.store, ctx.actor, input.orgUnitId)
      const units = await loadOrgUnits(ctx.store)
      if (input.id) {
        const existing = await ctx.store.get('rewardItems', input.id)
        if (!existing) throw new AppError('NOT_FOUND')
        await requireStaffScope(ctx.store, ctx.actor, existing.orgUnitId)
      }
      return ctx.write(async (tx) => {
        const id = input.id ?? `ri_${ctx.mutationId}`
        const existing = input.id ? await tx.get('rewardItems', id) : null
        if (input.id && !existing) throw new AppError('NOT_FOUND')
        const stock = (existing?.stock ?? 0) + input.addStock
        if (stock < 0) throw new AppError('VALIDATION', `库存不能少于 0：现有 ${existing?.stock ?? 0} 件`)
        const doc = {
          _id: id,
          name: input.name,
          description: input.description,
          kind: input.kind,
          price: input.price,
          stock,
          redeemed: existing?.redeemed ?? 0,
          perPersonLimit: input.perPersonLimit,
          orgUnitId: input.orgUnitId,
          status: input.active ? ('active' as const) : ('hidden' as const),
          createdBy: existing?.createdBy ?? ctx.actor.accountId,
          createdAt: existing?.createdAt ?? ctx.now,
          updatedAt: ctx.now
        }
        await tx.put('rewardItems', doc)
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: null,
          action: 'points.staff.saveItem',
          target: `rewardItems/${id}`,
          detail: { addStock: input.addStock, price: input.price, active: input.active }
        })
        return { item: itemView(doc, units) }
      })
    }
  },

  'points.staff.redemption': {
    run: async (ctx, { code }) => {
      const r = await ctx.store.get('redemptions', code)
      if (!r) throw new AppError('NOT_FOUND', '没有找到这个取件码，请核对后再试')
      await requireRedemptionScope(ctx, r)
      const [view] = await redemptionViews(ctx.store, [r], await loadOrgUnits(ctx.store))
      return { redemption: view }
    }
  },

  'points.staff.fulfil': {
    run: async (ctx, { code }) => {
      const r = await ctx.store.get('redemptions', code)
      if (!r) throw new AppError('NOT_FOUND', '没有找到这个取件码，请核对后再试')
      await requireRedemptionScope(ctx, r)
      const units = await loadOrgUnits(ctx.store)
      return ctx.write(async (tx) => {
        const done = await fulfilRedemption(tx, code, { accountId: ctx.actor.accountId, at: ctx.now })
        await audit(tx, {
          at: ctx.now,
          actor: ctx.actor.accountId,
          subject: done.personId,
          action: 'points.staff.fulfil',
          target: `redemptions/${code}`,
          detail: { item: done.itemName }
        })
        await sendMessage(tx, {
          toPersonId: done.personId,
          title: `已领取：${done.itemName}`,
          body: `您兑换的「${done.itemName}」已经领取。`,
          link: '/packages/points/orders/index',
          at: ctx.now,
          id: `picked:${code}`
        })
        const [view] = await redemptionViews(tx, [done], units)
        return { redemption: view }
      })
    }
  },

  'points.staff.pending': {
    run: async (ctx) => {
      const { covered, units } = await staffUnits(ctx)
      // What they may hand out: items of their units, and anything their county's people are waiting for.
      const reserved = await ctx.store.find('redemptions', {
        where: { status: 'reserved' },
        orderBy: [['createdAt', 'asc']],
        limit: 1000
      })
      const homes = new Map<string, string>()
      for (const r of reserved) {
        if (!homes.has(r.personId)) homes.set(r.personId, (await ctx.store.get('persons', r.personId))?.orgUnitId ?? '')
      }
      const rows = reserved
        .filter((r) => covered.has(r.orgUnitId) || covered.has(homes.get(r.personId) ?? ''))
        .slice(0, 200)
      return { items: await redemptionViews(ctx.store, rows, units) }
    }
  }
} satisfies Partial<HandlerTable>
