/**
 * The help request's status machine. 已提交 → 已受理 → 已派单 → 处理中 → 已完成 → 已评价, plus 已撤回 (by the
 * requester before anybody has started) and 已退回 (by staff, with a reason). Notes change nothing but the
 * timeline. Anything else is refused with ILLEGAL_TRANSITION and words that say why.
 */
import { HELP_STATUS_LABELS, HELP_WITHDRAWABLE, type HelpStatus } from '../../../types/help-rules'
import { AppError } from '../../core/app-error'
import type { HelpEventDoc } from '../../storage/schema'

export type HelpEventKind = HelpEventDoc['kind']

interface Rule {
  from: readonly HelpStatus[]
  /** null: the status stays (a note). */
  to: HelpStatus | null
  /** What the refusal says the user tried to do: 不能「撤回」. */
  verb: string
}

export const HELP_TRANSITIONS: Record<Exclude<HelpEventKind, 'submitted'>, Rule> = {
  accepted: { from: ['submitted'], to: 'accepted', verb: '受理' },
  // Assigning straight from 已提交 records the implied 受理 first (see impliedAccept).
  assigned: { from: ['submitted', 'accepted', 'assigned'], to: 'assigned', verb: '派单' },
  claimed: { from: ['submitted', 'accepted'], to: 'assigned', verb: '接单' },
  started: { from: ['assigned'], to: 'in_progress', verb: '开始处理' },
  note: { from: ['assigned', 'in_progress'], to: null, verb: '记录进展' },
  completed: { from: ['in_progress'], to: 'completed', verb: '完成' },
  rated: { from: ['completed'], to: 'rated', verb: '评价' },
  withdrawn: { from: HELP_WITHDRAWABLE, to: 'withdrawn', verb: '撤回' },
  returned: { from: ['submitted', 'accepted', 'assigned'], to: 'returned', verb: '退回' },
  released: { from: ['assigned', 'in_progress'], to: 'accepted', verb: '退回待派' }
}

const CLOSED: readonly HelpStatus[] = ['withdrawn', 'returned', 'rated']

/** Plain words for a refused transition. */
export function refusal(kind: Exclude<HelpEventKind, 'submitted'>, from: HelpStatus): AppError {
  const rule = HELP_TRANSITIONS[kind]
  if (kind === 'rated' && from === 'rated') return new AppError('ALREADY_DONE', '这条求助已经评价过了，谢谢您')
  if (kind === 'claimed' && (from === 'assigned' || from === 'in_progress')) return new AppError('ALREADY_CLAIMED')
  if (kind === 'withdrawn' && !CLOSED.includes(from) && from !== 'completed') {
    return new AppError('ILLEGAL_TRANSITION', '已经有人在帮您处理了，不能撤回。如需取消，请打电话给工作人员')
  }
  if (kind === 'rated') return new AppError('ILLEGAL_TRANSITION', '事情办完以后才能评价，请耐心等一等')
  if (CLOSED.includes(from)) {
    return new AppError('ILLEGAL_TRANSITION', `这条求助已经「${HELP_STATUS_LABELS[from]}」，不能再${rule.verb}了`)
  }
  return new AppError(
    'ILLEGAL_TRANSITION',
    `这条求助现在是「${HELP_STATUS_LABELS[from]}」，不能${rule.verb}。请刷新后再看`
  )
}

/** The status after `kind` from `from`, or throws the refusal. */
export function nextStatus(kind: Exclude<HelpEventKind, 'submitted'>, from: HelpStatus): HelpStatus {
  const rule = HELP_TRANSITIONS[kind]
  if (!rule.from.includes(from)) throw refusal(kind, from)
  return rule.to ?? from
}

/** Assigning or claiming a request nobody has accepted yet also accepts it (both are on the timeline). */
export function impliedAccept(kind: HelpEventKind, from: HelpStatus): boolean {
  return (kind === 'assigned' || kind === 'claimed') && from === 'submitted'
}

export const eventId = (requestId: string, version: number) => `${requestId}:${String(version).padStart(4, '0')}`
