/**
 * In-app messages about a help request, written in the transaction of the change they report. Recipients are
 * looked up before the transaction (inside it only by-id operations exist).
 *
 * The family member who submitted a request for the elder (代办) is told about it only while their binding to
 * the elder is active: it is checked when the recipients are looked up and again, by id, in the transaction
 * that writes the message (an unbinding may commit in between). Their messages name the elder, not "您".
 */
import type { StoragePort, Tx } from '../../storage/port'
import type { HelpRequestDoc } from '../../storage/schema'
import { sendMessage } from '../messages/inbox'
import type { HelpEventKind } from './status-machine'
import { helpUrl } from './help-view'

export interface HelpRecipients {
  /** Staff of the request's county (the bureau's staff when the county has none). */
  staff: string[]
  /** The family member who submitted it for the elder, if it was 代办 and they are still bound to the elder. */
  familyAccountId: string | null
}

export const bindingIdOf = (accountId: string, personId: string) => `${accountId}:${personId}`

/** Is this account actively bound to this elder (by id: usable in a transaction)? */
export async function isBoundFamily(reader: Pick<Tx, 'get'>, accountId: string, personId: string): Promise<boolean> {
  return (await reader.get('familyBindings', bindingIdOf(accountId, personId)))?.status === 'active'
}

export async function helpRecipients(
  store: StoragePort,
  req: Pick<HelpRequestDoc, 'orgUnitId' | 'requesterAccountId' | 'personId'>
): Promise<HelpRecipients> {
  const unit = await store.get('orgUnits', req.orgUnitId)
  const [county, requester] = await Promise.all([
    store.find('accounts', { where: { orgUnitId: req.orgUnitId }, limit: 200 }),
    store.get('accounts', req.requesterAccountId)
  ])
  let staff = county.filter((a) => a.roles.includes('staff')).map((a) => a._id)
  if (staff.length === 0 && unit?.parentId) {
    staff = (await store.find('accounts', { where: { orgUnitId: unit.parentId }, limit: 200 }))
      .filter((a) => a.roles.includes('staff'))
      .map((a) => a._id)
  }
  const family =
    requester && requester.personId !== req.personId && (await isBoundFamily(store, requester._id, req.personId))
  return { staff, familyAccountId: family ? requester._id : null }
}

interface Notice {
  kind: HelpEventKind
  req: HelpRequestDoc
  at: number
  personName: string
  note?: string | null
  /** The assignee before this change (reassignment, withdrawal, return). */
  previousAssignee?: string | null
}

export async function notifyHelp(tx: Tx, r: HelpRecipients, n: Notice): Promise<void> {
  const { req, at } = n
  const link = helpUrl(req._id)
  const what = `${req.category}：${req.description.slice(0, 30)}`
  // `body(who)`: the words for the elder ('您') and for the family member (the elder's name).
  const toRequester = async (title: string, body: string | ((who: string) => string)) => {
    const say = typeof body === 'string' ? () => body : body
    await sendMessage(tx, { toPersonId: req.personId, title, body: say('您'), link, at })
    if (r.familyAccountId && (await isBoundFamily(tx, r.familyAccountId, req.personId))) {
      await sendMessage(tx, {
        toAccountId: r.familyAccountId,
        title: `${n.personName}的${title.replace(/^您的/, '')}`,
        body: say(n.personName),
        link,
        at
      })
    }
  }
  const toAccount = (accountId: string, title: string, body: string) =>
    sendMessage(tx, { toAccountId: accountId, title, body, link, at })
  switch (n.kind) {
    case 'submitted':
      for (const s of r.staff)
        await toAccount(s, `${req.urgency === 'urgent' ? '紧急求助' : '新的求助'}：${n.personName}`, what)
      return
    case 'accepted':
      return toRequester('您的求助已受理', (who) => `工作人员会尽快安排人帮${who}。`)
    case 'assigned':
    case 'claimed':
      if (n.previousAssignee && n.previousAssignee !== req.assigneeAccountId)
        await toAccount(n.previousAssignee, '一件求助已改派给别人', what)
      if (req.assigneeAccountId) await toAccount(req.assigneeAccountId, '有一件求助请您办理', what)
      return toRequester(
        '您的求助已派单',
        (who) => `由 ${req.assigneeName ?? '工作人员'} 为${who}办理，会和${who}联系。`
      )
    case 'started':
      return toRequester('您的求助正在办理', `${req.assigneeName ?? '工作人员'} 已开始办理。`)
    case 'note':
      return toRequester('您的求助有新进展', n.note ?? '')
    case 'completed':
      return toRequester('您的求助已办完', '请看一看办得怎么样，给个评价。')
    case 'rated':
      if (req.assigneeAccountId)
        await toAccount(
          req.assigneeAccountId,
          '您办的求助有了评价',
          `${req.rating?.stars ?? ''} 星 ${req.rating?.comment ?? ''}`.trim()
        )
      return
    case 'withdrawn':
      if (n.previousAssignee) await toAccount(n.previousAssignee, '一件求助已被撤回，不用再办了', what)
      return
    case 'returned':
      if (n.previousAssignee) await toAccount(n.previousAssignee, '一件求助已被退回，不用再办了', what)
      return toRequester('您的求助被退回了', `原因：${req.returnReason ?? ''}。有疑问请打电话给工作人员。`)
    case 'released':
      for (const s of r.staff) await toAccount(s, '一件求助需要重新派单', `${what}（原因：${n.note ?? ''}）`)
      return
  }
}
