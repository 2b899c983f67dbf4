/**
 * Reading help requests as the caller may see them: cards for lists (never any contact details), and the
 * detail with its timeline, masked or own contact details, signed photo addresses and what the caller may do.
 */
import type { HelpCard, HelpDetail, HelpEventView } from '../../../types/actions/help'
import type { Ctx } from '../../core/context'
import type { HelpEventDoc, HelpRequestDoc, OrgUnitDoc } from '../../storage/schema'
import { loadOrgUnits } from '../org/org-scope'
import { photoUrls } from '../files/photo-urls'
import { maskAddress, maskPhone } from './contact-mask'
import type { HelpSettings } from './help-settings'
import { accessTo, canFlags, canSeePhotos, type HelpViewer } from './help-access'
import { acceptDueAt, isOverdue } from './response-targets'

export const helpUrl = (id: string) => `/packages/help/detail/index?id=${encodeURIComponent(id)}`

export function shortNo(id: string): string {
  return id.slice(-6).toUpperCase()
}

function summary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat
}

export async function toCards(
  ctx: Ctx,
  docs: HelpRequestDoc[],
  settings: HelpSettings,
  units?: OrgUnitDoc[]
): Promise<HelpCard[]> {
  if (docs.length === 0) return []
  const personIds = [...new Set(docs.map((d) => d.personId))]
  const [persons, allUnits] = await Promise.all([
    ctx.store.find('persons', { where: { _id: { in: personIds } } }),
    units ? Promise.resolve(units) : loadOrgUnits(ctx.store)
  ])
  return docs.map((d) => {
    const unitName = allUnits.find((u) => u._id === d.orgUnitId)?.name ?? ''
    return {
      id: d._id,
      no: shortNo(d._id),
      category: d.category,
      status: d.status,
      urgency: d.urgency,
      summary: summary(d.description),
      personName: persons.find((p) => p._id === d.personId)?.name ?? '',
      orgUnitName: unitName,
      createdAt: d.createdAt,
      preferredDay: d.preferredDay,
      preferredPeriod: d.preferredPeriod,
      assigneeName: d.assigneeName,
      acceptDueAt: d.status === 'submitted' ? acceptDueAt(d, settings) : null,
      overdue: isOverdue(d, settings, ctx.now),
      photoCount: d.photos.length,
      addressMasked: maskAddress(unitName)
    }
  })
}

const EVENT_TEXT: Record<HelpEventDoc['kind'], string> = {
  submitted: '提交了求助',
  accepted: '已受理',
  assigned: '已派单',
  claimed: '已接单',
  started: '开始处理',
  note: '记录了进展',
  completed: '已办完',
  rated: '评价了',
  withdrawn: '撤回了求助',
  returned: '退回了求助',
  released: '退回待重新派单'
}

export function eventView(e: HelpEventDoc): HelpEventView {
  let text = EVENT_TEXT[e.kind]
  if ((e.kind === 'assigned' || e.kind === 'claimed') && e.assigneeLabel) text = `${text}给 ${e.assigneeLabel}`
  return { id: e._id, at: e.at, kind: e.kind, text, actor: e.actorLabel, note: e.note }
}

export async function loadTimeline(ctx: Ctx, requestId: string): Promise<HelpEventView[]> {
  const events = await ctx.store.find('helpEvents', { where: { requestId }, orderBy: [['version', 'asc']], limit: 500 })
  return events.map(eventView)
}

/** The detail as this caller sees it. */
export async function toDetail(ctx: Ctx, viewer: HelpViewer, doc: HelpRequestDoc): Promise<HelpDetail> {
  const units = await loadOrgUnits(ctx.store)
  const [card] = await toCards(ctx, [doc], viewer.settings, units)
  const access = accessTo(ctx, viewer, doc)
  const unit = units.find((u) => u._id === doc.orgUnitId)
  const parent = unit?.parentId ? units.find((u) => u._id === unit.parentId) : undefined
  const [timeline, photos, requester] = await Promise.all([
    loadTimeline(ctx, doc._id),
    canSeePhotos(access) ? photoUrls(ctx, doc.photos) : Promise.resolve(null),
    ctx.store.get('accounts', doc.requesterAccountId)
  ])
  let submittedBy = '本人'
  if (requester && requester.personId !== doc.personId) {
    const binding = await ctx.store.get('familyBindings', `${requester._id}:${doc.personId}`)
    submittedBy = `${requester.displayName}（${binding?.relation ?? '家属'}）代办`
  }
  return {
    ...card,
    viewer: access.staff
      ? 'staff'
      : access.assignee
        ? 'assignee'
        : access.requesterSide
          ? 'requester'
          : access.family
            ? 'family'
            : 'candidate',
    description: doc.description,
    photos,
    contact: access.self
      ? { address: doc.address, phone: doc.phone, masked: false }
      : { address: maskAddress(card.orgUnitName), phone: maskPhone(doc.phone), masked: true },
    submittedBy,
    assigneeKind: doc.assigneeKind,
    returnReason: doc.returnReason,
    withdrawReason: doc.withdrawReason,
    rating: doc.rating ? { stars: doc.rating.stars, comment: doc.rating.comment, at: doc.rating.at } : null,
    timeline,
    can: canFlags(access, doc),
    dutyPhone: unit?.dutyPhone ?? parent?.dutyPhone ?? null
  }
}
