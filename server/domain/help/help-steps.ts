/**
 * What every help handler does with a request: load it as the caller relates to it (refusing callers who may not
 * see it), run one step of the status machine with its messages in the mutation's one transaction, and the
 * answer a change gets. Used by the requester's, the staff's and the volunteers' handlers alike.
 */
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import type { HelpChange, HelpSettingsView } from '../../../types/actions/help'
import { helpRulesText } from '../../../types/help-rules'
import type { HelpRequestDoc } from '../../storage/schema'
import { accessTo, canSeeRequest, loadViewer, type HelpAccess, type HelpViewer } from './help-access'
import { personName } from './actor-label'
import type { HelpSettings } from './help-settings'
import { shortNo } from './help-view'
import { applyStep, type Step } from './help-transition'
import { helpRecipients, notifyHelp } from './help-notify'

export const change = (doc: HelpRequestDoc): HelpChange => ({
  id: doc._id,
  no: shortNo(doc._id),
  status: doc.status,
  version: doc.version
})

export interface Loaded {
  doc: HelpRequestDoc
  viewer: HelpViewer
  access: HelpAccess
}

/** The request as this caller relates to it; refuses callers who may not see it at all. */
export async function load(ctx: Ctx, id: string): Promise<Loaded> {
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

/** Runs one step of the status machine with its messages, in the mutation's one transaction. */
export async function step(ctx: Ctx, l: Loaded, s: Omit<Step, 'actorAccountId' | 'at'>): Promise<HelpChange> {
  const [recipients, name] = await Promise.all([
    helpRecipients(ctx.store, l.doc),
    personName(ctx.store, l.doc.personId)
  ])
  return ctx.write(async (tx) => {
    const { before, after } = await applyStep(tx, l.doc._id, { ...s, actorAccountId: ctx.actor.accountId, at: ctx.now })
    await notifyHelp(tx, recipients, {
      kind: s.kind,
      req: after,
      at: ctx.now,
      personName: name,
      note: s.note,
      previousAssignee: before.assigneeAccountId
    })
    return change(after)
  })
}

export function settingsView(s: HelpSettings): HelpSettingsView {
  const targets = { acceptWorkingDays: s.acceptWorkingDays, urgentAcceptMinutes: s.urgentAcceptMinutes }
  return { targets, rules: helpRulesText(targets), skills: s.skills, categorySkills: s.categorySkills }
}
