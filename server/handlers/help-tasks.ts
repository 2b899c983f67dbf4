/**
 * Help requests (求助) for whoever does the work: volunteers' tasks and claiming, and progress, notes, completion
 * and release by the assignee (a volunteer or staff member).
 */
import type { HandlerTable, Ctx } from '../core/context'
import { AppError } from '../core/app-error'
import type { HelpRequestDoc } from '../storage/schema'
import { loadOrgUnits } from '../domain/org/org-scope'
import { accessTo, claimRefusal, loadViewer, tasksNotice } from '../domain/help/help-access'
import { actorLabel, callerName } from '../domain/help/actor-label'
import { toCards } from '../domain/help/help-view'
import { load, step, type Loaded } from '../domain/help/help-steps'

function requireHandler(l: Loaded): void {
  if (!l.access.staff && !l.access.assignee) throw new AppError('FORBIDDEN', '这件事没有派给您，不能这样做')
}

/** Inside the transaction: the caller must still be the assignee (unless staff): it may have been reassigned. */
const stillHandler = (ctx: Ctx, l: Loaded) => (doc: HelpRequestDoc) => {
  if (!l.access.staff && doc.assigneeAccountId !== ctx.actor.accountId)
    throw new AppError('FORBIDDEN', '这件事已经改派给别人了，请刷新后再看')
}

export const helpTaskHandlers = {
  'help.tasks': {
    run: async (ctx) => {
      const viewer = await loadViewer(ctx)
      const profile = viewer.profile
      const units = await loadOrgUnits(ctx.store)
      const [mine, open] = await Promise.all([
        ctx.store.find('helpRequests', {
          where: { assigneeAccountId: ctx.actor.accountId },
          orderBy: [['createdAt', 'desc']],
          limit: 100
        }),
        profile?.available
          ? ctx.store.find('helpRequests', {
              where: { orgUnitId: profile.orgUnitId, status: { in: ['submitted', 'accepted'] } },
              orderBy: [['createdAt', 'asc']],
              limit: 200
            })
          : Promise.resolve([])
      ])
      const claimable = open.filter((d) => accessTo(ctx, viewer, d).claimable)
      return {
        mine: await toCards(ctx, mine, viewer.settings, units),
        open: await toCards(ctx, claimable, viewer.settings, units),
        profile: profile
          ? {
              skills: profile.skills,
              available: profile.available,
              orgUnitName: units.find((u) => u._id === profile.orgUnitId)?.name ?? ''
            }
          : null,
        notice: await tasksNotice(ctx, viewer)
      }
    }
  },

  'help.claim': {
    run: async (ctx, { id }) => {
      const doc = await ctx.store.get('helpRequests', id)
      if (!doc) throw new AppError('NOT_FOUND')
      const viewer = await loadViewer(ctx)
      const l: Loaded = { doc, viewer, access: accessTo(ctx, viewer, doc) }
      if (!l.access.claimable) {
        const why = claimRefusal(ctx, viewer, doc)
        if (why) throw new AppError('FORBIDDEN', why)
        if (doc.assigneeAccountId) throw new AppError('ALREADY_CLAIMED')
        // Otherwise it is closed or in a state no one can claim from: the status machine says why.
      }
      const name = await callerName(ctx)
      return step(ctx, l, {
        kind: 'claimed',
        actorLabel: await actorLabel(ctx, 'volunteer'),
        assigneeLabel: `${name}（志愿者）`,
        // Exactly one claimer wins: the loser's transaction re-reads the request and finds it taken.
        guard: (fresh) => {
          if (fresh.assigneeAccountId) throw new AppError('ALREADY_CLAIMED')
        },
        patch: () => ({
          assigneeAccountId: ctx.actor.accountId,
          assigneeKind: 'volunteer',
          assigneeName: name,
          assignedAt: ctx.now
        })
      })
    }
  },

  'help.start': {
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, {
        kind: 'started',
        actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'),
        guard: stillHandler(ctx, l),
        patch: () => ({ startedAt: ctx.now })
      })
    }
  },

  'help.note': {
    run: async (ctx, { id, note }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, {
        kind: 'note',
        actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'),
        note,
        guard: stillHandler(ctx, l)
      })
    }
  },

  'help.complete': {
    run: async (ctx, { id, note }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, {
        kind: 'completed',
        actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'),
        note,
        guard: stillHandler(ctx, l),
        patch: () => ({ completedAt: ctx.now })
      })
    }
  },

  'help.release': {
    run: async (ctx, { id, reason }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, {
        kind: 'released',
        actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'),
        note: reason,
        guard: stillHandler(ctx, l),
        patch: () => ({
          assigneeAccountId: null,
          assigneeKind: null,
          assigneeName: null,
          assignedAt: null,
          startedAt: null
        })
      })
    }
  }
} satisfies Partial<HandlerTable>
