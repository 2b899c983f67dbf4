/** Help requests (求助): reads through query(), writes through the outbox (mutate()). */
import type { ActionInput } from '@contract/actions'
import { mutate, query } from './api'

export const helpRules = () => query('help.rules', {})
export const myHelpRequests = () => query('help.mine', {})
export const getHelpRequest = (id: string) => query('help.get', { id })

export const createHelpRequest = (input: ActionInput<'help.create'>) =>
  mutate('help.create', input, { label: `提交求助「${input.category}」` })
export const withdrawHelp = (id: string, reason?: string) =>
  mutate('help.withdraw', { id, reason }, { label: '撤回求助' })
export const rateHelp = (id: string, stars: number, comment?: string) =>
  mutate('help.rate', { id, stars, comment }, { label: '评价求助' })
export const revealContact = (id: string) => mutate('help.revealContact', { id }, { label: '查看住址和电话' })

// Staff: always as themselves.
export const helpQueue = (input: ActionInput<'help.staff.queue'>) => query('help.staff.queue', input)
export const acceptHelp = (id: string) => mutate('help.staff.accept', { id }, { label: '受理求助' })
export const returnHelp = (id: string, reason: string) =>
  mutate('help.staff.return', { id, reason }, { label: '退回求助' })
export const suggestAssignees = (id: string) => query('help.staff.suggestAssignees', { id })
export const assignHelp = (id: string, assigneeAccountId: string, name: string) =>
  mutate('help.staff.assign', { id, assigneeAccountId }, { label: `派单给 ${name}` })
export const updateHelpSettings = (input: ActionInput<'help.staff.settingsUpdate'>) =>
  mutate('help.staff.settingsUpdate', input, { label: '修改求助设置' })

// Volunteers (and staff working a request themselves).
export const volunteerTasks = () => query('help.tasks', {})
export const claimHelp = (id: string) => mutate('help.claim', { id }, { label: '接单' })
export const startHelp = (id: string) => mutate('help.start', { id }, { label: '开始办理' })
export const noteHelp = (id: string, note: string) => mutate('help.note', { id, note }, { label: '记录进展' })
export const completeHelp = (id: string, note: string) => mutate('help.complete', { id, note }, { label: '办完了' })
export const releaseHelp = (id: string, reason: string) =>
  mutate('help.release', { id, reason }, { label: '退回待派单' })

export const helpDetailUrl = (id: string) => `/packages/help/detail/index?id=${encodeURIComponent(id)}`
