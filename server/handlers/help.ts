/**
 * Help requests (求助) for the people who ask: asking (for oneself or, 代办, for a bound elder), following,
 * withdrawing and rating. Staff's queue and dispatch: help-staff.ts; volunteers' tasks: help-tasks.ts.
 * Who may do what is in domain/help/help-access.ts; the status machine in domain/help/status-machine.ts.
 */
import type { HandlerTable, Ctx } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole } from '../core/identity'
import { addDays, businessDay } from '../../types/time'
import type { HelpRequestDoc } from '../storage/schema'
import { newId } from '../domain/ids'
import { accessTo, canRevealContact } from '../domain/help/help-access'
import { actorLabel } from '../domain/help/actor-label'
import { loadHelpSettings } from '../domain/help/help-settings'
import { toCards, toDetail } from '../domain/help/help-view'
import { helpRecipients, notifyHelp } from '../domain/help/help-notify'
import { eventId } from '../domain/help/status-machine'
import { localUploadId } from '../domain/files/photo-urls'
import { change, load, settingsView, step, type Loaded } from '../domain/help/help-steps'

/** For whom: the caller's own roster person, or the elder they act for. Family must choose an elder first. */
function requireSubject(ctx: Ctx): string {
  if (ctx.subjectPersonId) return ctx.subjectPersonId
  throw new AppError(hasRole(ctx.actor, 'family') ? 'CHOOSE_ELDER' : 'FORBIDDEN')
}

function requireRequester(l: Loaded): void {
  if (!l.access.requesterSide) throw new AppError('FORBIDDEN', '只有提出求助的本人或绑定的家属能这样做')
}

async function validatePhotos(ctx: Ctx, refs: string[]): Promise<string[]> {
  const unique = [...new Set(refs)]
  for (const ref of unique) {
    const local = localUploadId(ref)
    if (!local) continue
    const upload = await ctx.store.get('uploads', local)
    // Only one's own uploads can be attached: a reference guessed or copied from somebody else is refused.
    if (!upload || upload.ownerAccountId !== ctx.actor.accountId)
      throw new AppError('PHOTO_INVALID', '有一张照片没有上传成功，请删掉后重新选择')
  }
  return unique
}

export const helpHandlers = {
  'help.rules': {
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
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      return toDetail(ctx, l.viewer, l.doc)
    }
  },

  'help.withdraw': {
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
    run: async (ctx, { id, stars, comment }) => {
      const l = await load(ctx, id)
      requireRequester(l)
      return step(ctx, l, {
        kind: 'rated',
        actorLabel: await actorLabel(ctx, 'requester'),
        note: `${'★'.repeat(stars)}${comment ? ` ${comment}` : ''}`,
        patch: () => ({
          rating: { stars, comment: comment || null, at: ctx.now, byAccountId: ctx.actor.accountId },
          closedAt: ctx.now
        })
      })
    }
  },

  'help.revealContact': {
    run: async (ctx, { id }) => {
      const l = await load(ctx, id)
      if (!canRevealContact(l.access, l.doc)) throw new AppError('FORBIDDEN', '住址和电话只有接单的人和工作人员能看')
      const as = l.access.staff ? 'staff' : l.access.assignee ? 'assignee' : l.access.self ? 'self' : 'family'
      return ctx.write(async (tx) => {
        // Decide again on the committed state: the request may have been reassigned meanwhile.
        const doc = await tx.get('helpRequests', id)
        if (!doc || !canRevealContact(accessTo(ctx, l.viewer, doc), doc))
          throw new AppError('FORBIDDEN', '住址和电话只有接单的人和工作人员能看')
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
  }
} satisfies Partial<HandlerTable>
