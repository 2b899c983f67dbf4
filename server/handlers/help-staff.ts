/**
 * Help requests (求助) for staff: the queue, acceptance, dispatch (派单) with suggested assignees, return, and the
 * deployment's help settings. Scoped to the staff member's org unit (domain/help/help-access.ts).
 */
import type { HandlerTable, Ctx } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole, loadIdentity } from '../core/identity'
import { HELP_OPEN_STATUSES, HELP_STATUSES, type HelpStatus } from '../../types/help-rules'
import type { HelpRequestDoc } from '../storage/schema'
import { newId } from '../domain/ids'
import { coveredUnits, loadOrgUnits, staffCovers } from '../domain/org/org-scope'
import { actorLabel, personName } from '../domain/help/actor-label'
import { HELP_SETTINGS_ID, loadHelpSettings, skillsMatch, type HelpSettings } from '../domain/help/help-settings'
import { toCards } from '../domain/help/help-view'
import { isOverdue } from '../domain/help/response-targets'
import { load, settingsView, step, type Loaded } from '../domain/help/help-steps'

function requireStaff(l: Loaded): void {
  if (!l.access.staff) throw new AppError('FORBIDDEN', '这件事需要本区县的工作人员办理')
}

/** Who may take a request: staff covering its county, or an available volunteer of that county (not the elder). */
async function resolveAssignee(
  ctx: Ctx,
  req: HelpRequestDoc,
  accountId: string
): Promise<{ kind: 'staff' | 'volunteer'; name: string }> {
  const account = await ctx.store.get('accounts', accountId)
  if (!account) throw new AppError('ASSIGNEE_INVALID')
  const identity = await loadIdentity(ctx.store, accountId)
  const name = (await personName(ctx.store, account.personId)) || account.displayName
  if (account.personId === req.personId) throw new AppError('ASSIGNEE_INVALID', '不能派给求助的本人，请换一个人')
  if (hasRole(identity, 'staff', 'admin') && (await staffCovers(ctx.store, identity, req.orgUnitId)))
    return { kind: 'staff', name }
  if (hasRole(identity, 'volunteer') && account.personId) {
    const profile = await ctx.store.get('volunteerProfiles', account.personId)
    if (profile?.available && profile.orgUnitId === req.orgUnitId) return { kind: 'volunteer', name }
  }
  throw new AppError('ASSIGNEE_INVALID')
}

export const helpStaffHandlers = {
  'help.staff.queue': {
    run: async (ctx, input) => {
      const [units, settings] = await Promise.all([loadOrgUnits(ctx.store), loadHelpSettings(ctx.store)])
      const scope = [...coveredUnits(ctx.actor, units)]
      const statuses: HelpStatus[] =
        input.status === 'open' || input.status === 'overdue'
          ? [...HELP_OPEN_STATUSES]
          : input.status === 'all'
            ? [...HELP_STATUSES]
            : [input.status]
      const docs = await ctx.store.find('helpRequests', {
        where: {
          orgUnitId: { in: scope },
          status: { in: statuses },
          ...(input.urgency ? { urgency: input.urgency } : {})
        },
        orderBy: [['createdAt', 'desc']],
        limit: 1000
      })
      const open =
        input.status === 'open' || input.status === 'overdue' || HELP_OPEN_STATUSES.includes(input.status as HelpStatus)
      let rows = docs
      if (input.status === 'overdue') rows = rows.filter((d) => isOverdue(d, settings, ctx.now))
      if (open) {
        // What needs someone first: overdue, then urgent, then the longest waiting.
        const rank = (d: HelpRequestDoc) => (isOverdue(d, settings, ctx.now) ? 0 : 2) + (d.urgency === 'urgent' ? 0 : 1)
        rows = [...rows].sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt)
      }
      const offset = input.cursor ? Number.parseInt(input.cursor, 36) || 0 : 0
      const page = rows.slice(offset, offset + input.limit)
      const openDocs = await ctx.store.find('helpRequests', {
        where: { orgUnitId: { in: scope }, status: { in: [...HELP_OPEN_STATUSES] } },
        limit: 1000
      })
      const counts = Object.fromEntries(HELP_STATUSES.map((s) => [s, 0])) as Record<HelpStatus, number>
      for (const d of openDocs) counts[d.status] += 1
      return {
        items: await toCards(ctx, page, settings, units),
        counts,
        overdue: openDocs.filter((d) => isOverdue(d, settings, ctx.now)).length,
        nextCursor: offset + input.limit < rows.length ? (offset + input.limit).toString(36) : null
      }
    }
  },

  'help.staff.accept': {
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      return step(ctx, l, {
        kind: 'accepted',
        actorLabel: await actorLabel(ctx, 'staff'),
        patch: () => ({ acceptedAt: ctx.now })
      })
    }
  },

  'help.staff.return': {
    run: async (ctx, { id, reason }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      return step(ctx, l, {
        kind: 'returned',
        actorLabel: await actorLabel(ctx, 'staff'),
        note: reason,
        patch: () => ({ returnReason: reason, closedAt: ctx.now })
      })
    }
  },

  'help.staff.suggestAssignees': {
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      const req = l.doc
      const units = await loadOrgUnits(ctx.store)
      const unitName = (uid: string | null) => units.find((u) => u._id === uid)?.name ?? ''
      // Volunteers of the county whose skills fit, and staff whose scope covers it (county, then bureau).
      const profiles = (
        await ctx.store.find('volunteerProfiles', { where: { orgUnitId: req.orgUnitId, available: true }, limit: 1000 })
      ).filter((p) => p._id !== req.personId && skillsMatch(p.skills, req.category, l.viewer.settings).length > 0)
      const chain: string[] = []
      for (let u = units.find((x) => x._id === req.orgUnitId); u; u = units.find((x) => x._id === u!.parentId))
        chain.push(u._id)
      const [volunteerAccounts, staffAccounts, persons] = await Promise.all([
        profiles.length
          ? ctx.store.find('accounts', { where: { personId: { in: profiles.map((p) => p._id) } } })
          : Promise.resolve([]),
        ctx.store.find('accounts', { where: { orgUnitId: { in: chain } } }),
        profiles.length
          ? ctx.store.find('persons', { where: { _id: { in: profiles.map((p) => p._id) } } })
          : Promise.resolve([])
      ])
      const volunteers = volunteerAccounts.filter((a) => a.roles.includes('volunteer'))
      const staff = staffAccounts.filter((a) => a.roles.includes('staff'))
      const ids = [...volunteers, ...staff].map((a) => a._id)
      const busy = ids.length
        ? await ctx.store.find('helpRequests', {
            where: { assigneeAccountId: { in: ids }, status: { in: ['assigned', 'in_progress'] } },
            limit: 1000
          })
        : []
      const openTasksOf = (accountId: string) => busy.filter((b) => b.assigneeAccountId === accountId).length
      const candidates = [
        ...volunteers.map((a) => {
          const profile = profiles.find((p) => p._id === a.personId)!
          return {
            accountId: a._id,
            name: persons.find((p) => p._id === a.personId)?.name ?? a.displayName,
            kind: 'volunteer' as const,
            orgUnitName: unitName(profile.orgUnitId),
            matchedSkills: skillsMatch(profile.skills, req.category, l.viewer.settings),
            openTasks: openTasksOf(a._id),
            sameCounty: true
          }
        }),
        ...staff.map((a) => ({
          accountId: a._id,
          name: a.displayName,
          kind: 'staff' as const,
          orgUnitName: unitName(a.orgUnitId),
          matchedSkills: [],
          openTasks: openTasksOf(a._id),
          sameCounty: a.orgUnitId === req.orgUnitId
        }))
      ]
      candidates.sort(
        (a, b) =>
          (a.kind === b.kind ? 0 : a.kind === 'volunteer' ? -1 : 1) ||
          Number(b.sameCounty) - Number(a.sameCounty) ||
          b.matchedSkills.length - a.matchedSkills.length ||
          a.openTasks - b.openTasks ||
          a.name.localeCompare(b.name, 'zh')
      )
      return { candidates }
    }
  },

  'help.staff.assign': {
    run: async (ctx, { id, assigneeAccountId, note }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      const assignee = await resolveAssignee(ctx, l.doc, assigneeAccountId)
      const assigneeLabel = `${assignee.name}（${assignee.kind === 'staff' ? '工作人员' : '志愿者'}）`
      return step(ctx, l, {
        kind: 'assigned',
        actorLabel: await actorLabel(ctx, 'staff'),
        note: note || null,
        assigneeLabel,
        guard: (doc) => {
          if (doc.assigneeAccountId === assigneeAccountId)
            throw new AppError('ALREADY_DONE', `这件事已经派给 ${assignee.name} 了`)
        },
        patch: () => ({
          assigneeAccountId,
          assigneeKind: assignee.kind,
          assigneeName: assignee.name,
          assignedAt: ctx.now,
          startedAt: null
        })
      })
    }
  },

  'help.staff.settingsUpdate': {
    run: async (ctx, input) => {
      // A deployment-wide setting: the admin, or staff of the bureau (whose scope is every county).
      const unit = ctx.actor.orgUnitId ? await ctx.store.get('orgUnits', ctx.actor.orgUnitId) : null
      if (!hasRole(ctx.actor, 'admin') && unit?.kind !== 'bureau')
        throw new AppError('FORBIDDEN', '求助设置由市老干部局的工作人员修改')
      const current = await loadHelpSettings(ctx.store)
      const skills = input.skills ? [...new Set(input.skills)] : current.skills
      const categorySkills = { ...current.categorySkills, ...(input.categorySkills ?? {}) }
      for (const list of Object.values(categorySkills)) {
        const unknown = list.find((s) => !skills.includes(s))
        if (unknown)
          throw new AppError('VALIDATION', `「${unknown}」不在特长列表里，请先加到列表中`, { field: 'categorySkills' })
      }
      const next: HelpSettings = {
        acceptWorkingDays: input.acceptWorkingDays,
        urgentAcceptMinutes: input.urgentAcceptMinutes,
        skills,
        categorySkills
      }
      return ctx.write(async (tx) => {
        await tx.put('helpSettings', {
          _id: HELP_SETTINGS_ID,
          ...next,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.accountId
        })
        await tx.create('audit', {
          _id: newId('au_'),
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: null,
          action: 'help.staff.settingsUpdate',
          target: `helpSettings/${HELP_SETTINGS_ID}`,
          detail: {
            before: { acceptWorkingDays: current.acceptWorkingDays, urgentAcceptMinutes: current.urgentAcceptMinutes },
            after: { acceptWorkingDays: next.acceptWorkingDays, urgentAcceptMinutes: next.urgentAcceptMinutes }
          }
        })
        return settingsView(next)
      })
    }
  }
} satisfies Partial<HandlerTable>
