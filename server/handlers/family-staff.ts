/**
 * Family binding (家属绑定) for staff: the bindings waiting for confirmation in their scope (or one elder's), and
 * the roster search for the elder a family member names.
 */
import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { coveredUnits, loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { memberViews } from '../domain/family/binding-view'

export const familyStaffHandlers = {
  'family.staff.bindings': {
    run: async (ctx, { personId }) => {
      if (personId) {
        const person = await ctx.store.get('persons', personId)
        if (!person) throw new AppError('NOT_FOUND')
        await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
        const bindings = await ctx.store.find('familyBindings', {
          where: { personId, status: { in: ['pending', 'active'] } },
          orderBy: [['createdAt', 'asc']]
        })
        return { items: await memberViews(ctx, bindings) }
      }
      const scope = coveredUnits(ctx.actor, await loadOrgUnits(ctx.store))
      const pending = await ctx.store.find('familyBindings', {
        where: { status: 'pending' },
        orderBy: [['createdAt', 'asc']],
        limit: 1000
      })
      const persons = pending.length
        ? await ctx.store.find('persons', { where: { _id: { in: [...new Set(pending.map((b) => b.personId))] } } })
        : []
      const inScope = pending.filter((b) => scope.has(persons.find((p) => p._id === b.personId)?.orgUnitId ?? ''))
      return { items: await memberViews(ctx, inScope) }
    }
  },

  'family.staff.searchPersons': {
    run: async (ctx, { q }) => {
      const units = await loadOrgUnits(ctx.store)
      const scope = [...coveredUnits(ctx.actor, units)]
      const persons = (
        await ctx.store.find('persons', {
          where: { orgUnitId: { in: scope } },
          orderBy: [['name', 'asc']],
          limit: 1000
        })
      )
        .filter((p) => p.name.includes(q))
        .slice(0, 20)
      const accounts = persons.length
        ? await ctx.store.find('accounts', { where: { personId: { in: persons.map((p) => p._id) } } })
        : []
      return {
        items: persons.map((p) => ({
          id: p._id,
          name: p.name,
          orgUnitName: units.find((u) => u._id === p.orgUnitId)?.name ?? '',
          hasAccount: accounts.some((a) => a.personId === p._id),
          birthYear: p.birthDate.slice(0, 4)
        }))
      }
    }
  }
} satisfies Partial<HandlerTable>
