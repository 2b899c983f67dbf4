/**
 * "What was done for me": the elder's view of the audit trail — writes others made for them (代办 by family,
 * staff acting on their behalf), in plain words. Reads of their contact details are shown separately by the
 * request they belong to, not here.
 *
 * Action words for other domains' proxy actions are listed here by name; an action not listed falls back to
 * its domain's words (活动 / 积分 / 求助), so a new action is never shown as a raw name.
 */
import type { DoneForMeItem } from '../../../types/actions/family'
import type { Ctx } from '../../core/context'
import type { AccountDoc, AuditDoc } from '../../storage/schema'

const WORDS: Record<string, string> = {
  'help.create': '提交了求助',
  'help.withdraw': '撤回了求助',
  'help.rate': '评价了求助',
  'signup.create': '报名了活动',
  'signup.cancel': '取消了活动报名',
  'points.redeem': '兑换了积分物品',
  'points.cancelRedemption': '取消了积分兑换',
  'family.createInvite': '生成了家属邀请码',
  'family.confirm': '确认了家属绑定',
  'family.reject': '拒绝了家属绑定',
  'family.unbind': '解除了家属绑定',
  'volunteer.signup': '报名了志愿服务',
  'volunteer.cancelSignup': '取消了志愿服务报名',
  'volunteer.joinTeam': '申请加入志愿服务队',
  'volunteer.leaveTeam': '退出了志愿服务队',
  'volunteer.issueCertificate': '开具了志愿服务证明'
}

const DOMAIN_WORDS: [string, string][] = [
  ['activity.', '办理了活动的事'],
  ['signup.', '办理了活动报名'],
  ['checkin.', '办理了签到'],
  ['points.', '办理了积分的事'],
  ['help.', '办理了求助的事'],
  ['family.', '办理了家属绑定的事'],
  ['volunteer.', '办理了志愿服务的事']
]

/** Entries that are not "done for" the elder: reads, and the elder's own activation. */
export const NOT_DONE_FOR: ReadonlySet<string> = new Set([
  'help.contact.read',
  'help.revealContact',
  'account.activate'
])

export function actionWords(action: string): string {
  return WORDS[action] ?? DOMAIN_WORDS.find(([p]) => action.startsWith(p))?.[1] ?? '为您办了一件事'
}

export async function describeDoneForMe(
  ctx: Ctx,
  personId: string,
  entries: AuditDoc[],
  accounts: AccountDoc[]
): Promise<DoneForMeItem[]> {
  const inputs = entries.map((e) => (e.detail?.input ?? {}) as Record<string, unknown>)
  const activityIds = new Set<string>()
  const helpIds = new Set<string>()
  entries.forEach((e, i) => {
    const input = inputs[i]
    const id = typeof input.id === 'string' ? input.id : null
    if (typeof input.activityId === 'string') activityIds.add(input.activityId)
    else if (id && (e.action.startsWith('activity.') || e.action.startsWith('signup.'))) activityIds.add(id)
    if (id && e.action.startsWith('help.')) helpIds.add(id)
    if (typeof e.detail?.resultId === 'string' && e.action.startsWith('help.')) helpIds.add(e.detail.resultId as string)
  })
  const shiftIds = new Set(inputs.map((x) => x.shiftId).filter((x): x is string => typeof x === 'string'))
  const teamIds = new Set(inputs.map((x) => x.teamId).filter((x): x is string => typeof x === 'string'))
  const [shifts, teams] = await Promise.all([
    shiftIds.size ? ctx.store.find('volunteerShifts', { where: { _id: { in: [...shiftIds] } } }) : Promise.resolve([]),
    teamIds.size ? ctx.store.find('volunteerTeams', { where: { _id: { in: [...teamIds] } } }) : Promise.resolve([])
  ])
  const volunteerActivities = shifts.length
    ? await ctx.store.find('volunteerActivities', {
        where: { _id: { in: [...new Set(shifts.map((s) => s.activityId))] } }
      })
    : []
  const [activities, requests, bindings] = await Promise.all([
    activityIds.size ? ctx.store.find('activities', { where: { _id: { in: [...activityIds] } } }) : Promise.resolve([]),
    helpIds.size ? ctx.store.find('helpRequests', { where: { _id: { in: [...helpIds] } } }) : Promise.resolve([]),
    ctx.store.find('familyBindings', { where: { personId } })
  ])
  return entries.map((e, i) => {
    const input = inputs[i]
    const account = accounts.find((a) => a._id === e.actorAccountId)
    const binding = bindings.find((b) => b.accountId === e.actorAccountId)
    const who = account?.displayName ?? '有人'
    const actor = account?.roles.some((r) => r === 'staff' || r === 'admin')
      ? `${who}（工作人员）`
      : binding
        ? `${who}（${binding.relation}）`
        : who
    let text = actionWords(e.action)
    let link: string | null = null
    const activityId =
      typeof input.activityId === 'string'
        ? input.activityId
        : e.action.startsWith('activity.') && typeof input.id === 'string'
          ? input.id
          : null
    const activity = activityId ? activities.find((a) => a._id === activityId) : undefined
    if (activity) {
      text += `「${activity.title}」`
      link = `/packages/activity/detail/index?id=${encodeURIComponent(activity._id)}`
    }
    if (e.action.startsWith('help.')) {
      const helpId =
        typeof input.id === 'string'
          ? input.id
          : typeof e.detail?.resultId === 'string'
            ? (e.detail.resultId as string)
            : null
      const req = helpId ? requests.find((r) => r._id === helpId) : undefined
      const category = req?.category ?? (typeof input.category === 'string' ? input.category : null)
      if (category) text += `「${category}」`
      if (req) link = `/packages/help/detail/index?id=${encodeURIComponent(req._id)}`
    }
    if (e.action.startsWith('volunteer.')) {
      const shift = shifts.find((x) => x._id === input.shiftId)
      const va = shift ? volunteerActivities.find((x) => x._id === shift.activityId) : undefined
      const team = teams.find((x) => x._id === input.teamId)
      if (va && shift) {
        text += `「${va.title}」${shift.label}`
        link = `/packages/volunteer/activity/index?id=${encodeURIComponent(va._id)}`
      } else if (team) {
        text += `「${team.name}」`
        link = `/packages/volunteer/team/index?id=${encodeURIComponent(team._id)}`
      }
    }
    if (e.action.startsWith('family.') && typeof e.detail?.memberLabel === 'string')
      text += `：${e.detail.memberLabel as string}`
    return { id: e._id, at: e.at, actor, text, link }
  })
}
