/**
 * Help requests (求助): asking (for oneself or, 代办, for a bound elder), following, withdrawing and rating;
 * the staff queue, acceptance, dispatch (派单) and return; volunteers' tasks, claiming, progress and completion.
 * Who may do what is in domain/help/help-access.ts; the status machine in domain/help/status-machine.ts.
 */
import type { HandlerTable, Ctx } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole, loadIdentity } from '../core/identity'
import type { HelpChange, HelpSettingsView } from '../../types/actions/help'
import { HELP_OPEN_STATUSES, HELP_STATUSES, helpRulesText, type HelpStatus } from '../../types/help-rules'
import { addDays, businessDay } from '../../types/time'
import type { HelpRequestDoc } from '../storage/schema'
import { newId } from '../domain/ids'
import { coveredUnits, loadOrgUnits, staffCovers } from '../domain/org/org-scope'
import { accessTo, canRevealContact, claimRefusal, tasksNotice, canSeeRequest, loadViewer, type HelpAccess, type HelpViewer } from '../domain/help/help-access'
import { actorLabel, callerName, personName } from '../domain/help/actor-label'
import { HELP_SETTINGS_ID, loadHelpSettings, skillsMatch, type HelpSettings } from '../domain/help/help-settings'
import { shortNo, toCards, toDetail } from '../domain/help/help-view'
import { applyStep, type Step } from '../domain/help/help-transition'
import { helpRecipients, notifyHelp } from '../domain/help/help-notify'
import { eventId } from '../domain/help/status-machine'
import { isOverdue } from '../domain/help/response-targets'
import { localUploadId } from '../domain/files/photo-urls'

const ALL = ['retiree', 'family', 'volunteer', 'staff', 'admin'] as const
const REQUESTERS = ['retiree', 'family', 'volunteer'] as const
const STAFF = ['staff', 'admin'] as const
const WORKERS = ['volunteer', 'staff', 'admin'] as const

const change = (doc: HelpRequestDoc): HelpChange => ({ id: doc._id, no: shortNo(doc._id), status: doc.status, version: doc.version })

/** For whom: the caller's own roster person, or the elder they act for. Family must choose an elder first. */
function requireSubject(ctx: Ctx): string {
  if (ctx.subjectPersonId) return ctx.subjectPersonId
  throw new AppError(hasRole(ctx.actor, 'family') ? 'CHOOSE_ELDER' : 'FORBIDDEN')
}

interface Loaded {
  doc: HelpRequestDoc
  viewer: HelpViewer
  access: HelpAccess
}

/** The request as this caller relates to it; refuses callers who may not see it at all. */
async function load(ctx: Ctx, id: string): Promise<Loaded> {
  const doc = await ctx.store.get('helpRequests', id)
  if (!doc) throw new AppError('NOT_FOUND')
  const viewer = await loadViewer(ctx)
  const access = accessTo(ctx, viewer, doc)
  if (!canSeeRequest(access)) {
    // Staff of another county learn why; anybody else learns nothing about the request.
    if (viewer.staffUnits) throw new AppError('FORBIDDEN', '这条求助不归您所在的单位管理，请联系对应区县的工作人员')
    throw new AppError('NOT_FOUND')
  }
  return { doc, viewer, access }
}

function requireStaff(l: Loaded): void {
  if (!l.access.staff) throw new AppError('FORBIDDEN', '这件事需要本区县的工作人员办理')
}

function requireRequester(l: Loaded): void {
  if (!l.access.requesterSide) throw new AppError('FORBIDDEN', '只有提出求助的本人或绑定的家属能这样做')
}

function requireHandler(l: Loaded): void {
  if (!l.access.staff && !l.access.assignee) throw new AppError('FORBIDDEN', '这件事没有派给您，不能这样做')
}

/** Inside the transaction: the caller must still be the assignee (unless staff): it may have been reassigned. */
const stillHandler = (ctx: Ctx, l: Loaded) => (doc: HelpRequestDoc) => {
  if (!l.access.staff && doc.assigneeAccountId !== ctx.actor.accountId) throw new AppError('FORBIDDEN', '这件事已经改派给别人了，请刷新后再看')
}

/** Runs one step of the status machine with its messages, in the mutation's one transaction. */
async function step(ctx: Ctx, l: Loaded, s: Omit<Step, 'actorAccountId' | 'at'>): Promise<HelpChange> {
  const [recipients, name] = await Promise.all([helpRecipients(ctx.store, l.doc), personName(ctx.store, l.doc.personId)])
  return ctx.write(async (tx) => {
    const { before, after } = await applyStep(tx, l.doc._id, { ...s, actorAccountId: ctx.actor.accountId, at: ctx.now })
    await notifyHelp(tx, recipients, { kind: s.kind, req: after, at: ctx.now, personName: name, note: s.note, previousAssignee: before.assigneeAccountId })
    return change(after)
  })
}

function settingsView(s: HelpSettings): HelpSettingsView {
  const targets = { acceptWorkingDays: s.acceptWorkingDays, urgentAcceptMinutes: s.urgentAcceptMinutes }
  return { targets, rules: helpRulesText(targets), skills: s.skills, categorySkills: s.categorySkills }
}

async function validatePhotos(ctx: Ctx, refs: string[]): Promise<string[]> {
  const unique = [...new Set(refs)]
  for (const ref of unique) {
    const local = localUploadId(ref)
    if (!local) continue
    const upload = await ctx.store.get('uploads', local)
    // Only one's own uploads can be attached: a reference guessed or copied from somebody else is refused.
    if (!upload || upload.ownerAccountId !== ctx.actor.accountId) throw new AppError('PHOTO_INVALID', '有一张照片没有上传成功，请删掉后重新选择')
  }
  return unique
}

/** Who may take a request: staff covering its county, or an available volunteer of that county (not the elder). */
async function resolveAssignee(ctx: Ctx, req: HelpRequestDoc, accountId: string): Promise<{ kind: 'staff' | 'volunteer'; name: string }> {
  const account = await ctx.store.get('accounts', accountId)
  if (!account) throw new AppError('ASSIGNEE_INVALID')
  const identity = await loadIdentity(ctx.store, accountId)
  const name = (await personName(ctx.store, account.personId)) || account.displayName
  if (account.personId === req.personId) throw new AppError('ASSIGNEE_INVALID', '不能派给求助的本人，请换一个人')
  if (hasRole(identity, 'staff', 'admin') && (await staffCovers(ctx.store, identity, req.orgUnitId))) return { kind: 'staff', name }
  if (hasRole(identity, 'volunteer') && account.personId) {
    const profile = await ctx.store.get('volunteerProfiles', account.personId)
    if (profile?.available && profile.orgUnitId === req.orgUnitId) return { kind: 'volunteer', name }
  }
  throw new AppError('ASSIGNEE_INVALID')
}

export const helpHandlers = {
  'help.rules': {
    access: ALL,
    run: async (ctx) => {
      const settings = await loadHelpSettings(ctx.store)
      const person = ctx.subjectPersonId ? await ctx.store.get('persons', ctx.subjectPersonId) : null
      const unitId = person?.orgUnitId ?? ctx.actor.orgUnitId
      const unit = unitId ? await ctx.store.get('orgUnits', unitId) : null
      const parent = unit?.parentId ? await ctx.store.get('orgUnits', unit.parentId) : null
      return {
        ...settingsView(settings),
        dutyPhone: unit?.dutyPhone ?? parent?.dutyPhone ?? null,
        // Their own number, to prefill their own form; a family member acting for them types one in.
        defaultPhone: !ctx.actingFor ? (person?.phone ?? null) : null
      }
    }
  },

  'help.create': {
    access: REQUESTERS,
    run: async (ctx, input) => {
      const personId = requireSubject(ctx)
      const person = await ctx.store.get('persons', personId)
      if (!person) throw new AppError('NOT_FOUND')
      const today = businessDay(ctx.now)
      if (input.preferredDay && (input.preferredDay < today || input.preferredDay > addDays(today, 90))) {
        throw new AppError('VALIDATION', '希望办理的日期要在今天到三个月以内，请重新选', { field: 'preferredDay' })
      }
      const photos = await validatePhotos(ctx, input.photos)
      const id = newId('hr_')
      const doc: HelpRequestDoc = {
        _id: id,
        personId,
        orgUnitId: person.orgUnitId,
        requesterAccountId: ctx.actor.accountId,
        category: input.category,
        description: input.description,
        photos,
        preferredDay: input.preferredDay,
        preferredPeriod: input.preferredPeriod,
        address: input.address,
        phone: input.phone,
        urgency: input.urgency,
        status: 'submitted',
        assigneeAccountId: null,
        assigneeKind: null,
        assigneeName: null,
        returnReason: null,
        withdrawReason: null,
        rating: null,
        createdAt: ctx.now,
        acceptedAt: null,
        assignedAt: null,
        startedAt: null,
        completedAt: null,
        closedAt: null,
        updatedAt: ctx.now,
        version: 1
      }
      const [label, recipients] = await Promise.all([actorLabel(ctx, 'requester'), helpRecipients(ctx.store, doc)])
      return ctx.write(async (tx) => {
        await tx.create('helpRequests', doc)
        await tx.create('helpEvents', {
          _id: eventId(id, 1),
          requestId: id,
          version: 1,
          at: ctx.now,
          kind: 'submitted',
          fromStatus: null,
          toStatus: 'submitted',
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: personId,
          actorLabel: label,
          note: null,
          assigneeLabel: null
        })
        await notifyHelp(tx, recipients, { kind: 'submitted', req: doc, at: ctx.now, personName: person.name })
        return change(doc)
      })
    }
  },

  'help.mine': {
    access: REQUESTERS,
    run: async (ctx) => {
      const personId = requireSubject(ctx)
      const [docs, settings] = await Promise.all([
        ctx.store.find('helpRequests', { where: { personId }, orderBy: [['createdAt', 'desc']], limit: 100 }),
        loadHelpSettings(ctx.store)
      ])
      return { items: await toCards(ctx, docs, settings) }
    }
  },

  'help.get': {
    access: ALL,
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      return toDetail(ctx, l.viewer, l.doc)
    }
  },

  'help.withdraw': {
    access: REQUESTERS,
    run: async (ctx, { id, reason }) => {
      const l = await load(ctx, id)
      requireRequester(l)
      return step(ctx, l, {
        kind: 'withdrawn',
        actorLabel: await actorLabel(ctx, 'requester'),
        note: reason || null,
        patch: () => ({ withdrawReason: reason || null, closedAt: ctx.now })
      })
    }
  },

  'help.rate': {
    access: REQUESTERS,
    run: async (ctx, { id, stars, comment }) => {
      const l = await load(ctx, id)
      requireRequester(l)
      return step(ctx, l, {
        kind: 'rated',
        actorLabel: await actorLabel(ctx, 'requester'),
        note: `${'★'.repeat(stars)}${comment ? ` ${comment}` : ''}`,
        patch: () => ({ rating: { stars, comment: comment || null, at: ctx.now, byAccountId: ctx.actor.accountId }, closedAt: ctx.now })
      })
    }
  },

  'help.revealContact': {
    access: ALL,
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      if (!canRevealContact(l.access, l.doc)) throw new AppError('FORBIDDEN', '住址和电话只有接单的人和工作人员能看')
      const as = l.access.staff ? 'staff' : l.access.assignee ? 'assignee' : l.access.self ? 'self' : 'family'
      return ctx.write(async (tx) => {
        // Decide again on the committed state: the request may have been reassigned meanwhile.
        const doc = await tx.get('helpRequests', id)
        if (!doc || !canRevealContact(accessTo(ctx, l.viewer, doc), doc)) throw new AppError('FORBIDDEN', '住址和电话只有接单的人和工作人员能看')
        await tx.create('audit', {
          _id: newId('au_'),
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: doc.personId,
          action: 'help.contact.read',
          target: `helpRequests/${id}`,
          detail: { as, status: doc.status }
        })
        return { address: doc.address, phone: doc.phone }
      })
    }
  },

  'help.queue': {
    access: STAFF,
    run: async (ctx, input) => {
      const [units, settings] = await Promise.all([loadOrgUnits(ctx.store), loadHelpSettings(ctx.store)])
      const scope = [...coveredUnits(ctx.actor, units)]
      const statuses: HelpStatus[] =
        input.status === 'open' || input.status === 'overdue' ? [...HELP_OPEN_STATUSES] : input.status === 'all' ? [...HELP_STATUSES] : [input.status]
      const docs = await ctx.store.find('helpRequests', {
        where: { orgUnitId: { in: scope }, status: { in: statuses }, ...(input.urgency ? { urgency: input.urgency } : {}) },
        orderBy: [['createdAt', 'desc']],
        limit: 1000
      })
      const open = input.status === 'open' || input.status === 'overdue' || HELP_OPEN_STATUSES.includes(input.status as HelpStatus)
      let rows = docs
      if (input.status === 'overdue') rows = rows.filter((d) => isOverdue(d, settings, ctx.now))
      if (open) {
        // What needs someone first: overdue, then urgent, then the longest waiting.
        const rank = (d: HelpRequestDoc) => (isOverdue(d, settings, ctx.now) ? 0 : 2) + (d.urgency === 'urgent' ? 0 : 1)
        rows = [...rows].sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt)
      }
      const offset = input.cursor ? Number.parseInt(input.cursor, 36) || 0 : 0
      const page = rows.slice(offset, offset + input.limit)
      const openDocs = await ctx.store.find('helpRequests', { where: { orgUnitId: { in: scope }, status: { in: [...HELP_OPEN_STATUSES] } }, limit: 1000 })
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

  'help.accept': {
    access: STAFF,
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      return step(ctx, l, { kind: 'accepted', actorLabel: await actorLabel(ctx, 'staff'), patch: () => ({ acceptedAt: ctx.now }) })
    }
  },

  'help.return': {
    access: STAFF,
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

  'help.suggestAssignees': {
    access: STAFF,
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      requireStaff(l)
      const req = l.doc
      const units = await loadOrgUnits(ctx.store)
      const unitName = (uid: string | null) => units.find((u) => u._id === uid)?.name ?? ''
      // Volunteers of the county whose skills fit, and staff whose scope covers it (county, then bureau).
      const profiles = (await ctx.store.find('volunteerProfiles', { where: { orgUnitId: req.orgUnitId, available: true }, limit: 1000 })).filter(
        (p) => p._id !== req.personId && skillsMatch(p.skills, req.category, l.viewer.settings).length > 0
      )
      const chain: string[] = []
      for (let u = units.find((x) => x._id === req.orgUnitId); u; u = units.find((x) => x._id === u!.parentId)) chain.push(u._id)
      const [volunteerAccounts, staffAccounts, persons] = await Promise.all([
        profiles.length ? ctx.store.find('accounts', { where: { personId: { in: profiles.map((p) => p._id) } } }) : Promise.resolve([]),
        ctx.store.find('accounts', { where: { orgUnitId: { in: chain } } }),
        profiles.length ? ctx.store.find('persons', { where: { _id: { in: profiles.map((p) => p._id) } } }) : Promise.resolve([])
      ])
      const volunteers = volunteerAccounts.filter((a) => a.roles.includes('volunteer'))
      const staff = staffAccounts.filter((a) => a.roles.includes('staff'))
      const ids = [...volunteers, ...staff].map((a) => a._id)
      const busy = ids.length
        ? await ctx.store.find('helpRequests', { where: { assigneeAccountId: { in: ids }, status: { in: ['assigned', 'in_progress'] } }, limit: 1000 })
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

  'help.assign': {
    access: STAFF,
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
          if (doc.assigneeAccountId === assigneeAccountId) throw new AppError('ALREADY_DONE', `这件事已经派给 ${assignee.name} 了`)
        },
        patch: () => ({ assigneeAccountId, assigneeKind: assignee.kind, assigneeName: assignee.name, assignedAt: ctx.now, startedAt: null })
      })
    }
  },

  'help.settingsUpdate': {
    access: STAFF,
    run: async (ctx, input) => {
      // A deployment-wide setting: the admin, or staff of the bureau (whose scope is every county).
      const unit = ctx.actor.orgUnitId ? await ctx.store.get('orgUnits', ctx.actor.orgUnitId) : null
      if (!hasRole(ctx.actor, 'admin') && unit?.kind !== 'bureau') throw new AppError('FORBIDDEN', '求助设置由市老干部局的工作人员修改')
      const current = await loadHelpSettings(ctx.store)
      const skills = input.skills ? [...new Set(input.skills)] : current.skills
      const categorySkills = { ...current.categorySkills, ...(input.categorySkills ?? {}) }
      for (const list of Object.values(categorySkills)) {
        const unknown = list.find((s) => !skills.includes(s))
        if (unknown) throw new AppError('VALIDATION', `「${unknown}」不在特长列表里，请先加到列表中`, { field: 'categorySkills' })
      }
      const next: HelpSettings = { acceptWorkingDays: input.acceptWorkingDays, urgentAcceptMinutes: input.urgentAcceptMinutes, skills, categorySkills }
      return ctx.write(async (tx) => {
        await tx.put('helpSettings', { _id: HELP_SETTINGS_ID, ...next, updatedAt: ctx.now, updatedBy: ctx.actor.accountId })
        await tx.create('audit', {
          _id: newId('au_'),
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: null,
          action: 'help.settingsUpdate',
          target: `helpSettings/${HELP_SETTINGS_ID}`,
          detail: { before: { acceptWorkingDays: current.acceptWorkingDays, urgentAcceptMinutes: current.urgentAcceptMinutes }, after: { acceptWorkingDays: next.acceptWorkingDays, urgentAcceptMinutes: next.urgentAcceptMinutes } }
        })
        return settingsView(next)
      })
    }
  },

  'help.tasks': {
    access: ['volunteer'],
    run: async (ctx) => {
      const viewer = await loadViewer(ctx)
      const profile = viewer.profile
      const units = await loadOrgUnits(ctx.store)
      const [mine, open] = await Promise.all([
        ctx.store.find('helpRequests', { where: { assigneeAccountId: ctx.actor.accountId }, orderBy: [['createdAt', 'desc']], limit: 100 }),
        profile?.available
          ? ctx.store.find('helpRequests', { where: { orgUnitId: profile.orgUnitId, status: { in: ['submitted', 'accepted'] } }, orderBy: [['createdAt', 'asc']], limit: 200 })
          : Promise.resolve([])
      ])
      const claimable = open.filter((d) => accessTo(ctx, viewer, d).claimable)
      return {
        mine: await toCards(ctx, mine, viewer.settings, units),
        open: await toCards(ctx, claimable, viewer.settings, units),
        profile: profile ? { skills: profile.skills, available: profile.available, orgUnitName: units.find((u) => u._id === profile.orgUnitId)?.name ?? '' } : null,
        notice: await tasksNotice(ctx, viewer)
      }
    }
  },

  'help.claim': {
    access: ['volunteer'],
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
        patch: () => ({ assigneeAccountId: ctx.actor.accountId, assigneeKind: 'volunteer', assigneeName: name, assignedAt: ctx.now })
      })
    }
  },

  'help.start': {
    access: WORKERS,
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
    access: WORKERS,
    run: async (ctx, { id, note }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, { kind: 'note', actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'), note, guard: stillHandler(ctx, l) })
    }
  },

  'help.complete': {
    access: WORKERS,
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
    access: WORKERS,
    run: async (ctx, { id, reason }) => {
      const l = await load(ctx, id)
      requireHandler(l)
      return step(ctx, l, {
        kind: 'released',
        actorLabel: await actorLabel(ctx, l.access.assignee && !l.access.staff ? 'volunteer' : 'staff'),
        note: reason,
        guard: stillHandler(ctx, l),
        patch: () => ({ assigneeAccountId: null, assigneeKind: null, assigneeName: null, assignedAt: null, startedAt: null })
      })
    }
  }
} satisfies Partial<HandlerTable>
