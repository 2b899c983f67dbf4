import type { HandlerTable } from '../core/context'
import { loadOrgUnits } from '../domain/org/org-scope'

export const orgHandlers = {
  'org.units': {
    run: async (ctx) => {
      const [units, branches] = await Promise.all([
        loadOrgUnits(ctx.store),
        ctx.store.find('branches', { orderBy: [['name', 'asc']] })
      ])
      return units.map((u) => ({
        id: u._id,
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        liaisonPhone: u.liaisonPhone,
        dutyPhone: u.dutyPhone,
        branches: branches.filter((b) => b.orgUnitId === u._id).map((b) => ({ id: b._id, name: b.name }))
      }))
    }
  }
} satisfies Partial<HandlerTable>
