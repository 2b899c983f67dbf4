/**
 * Help requests (求助) and family binding (家属绑定): the words and constants the mini-program needs at runtime.
 * Zod-free and dependency-free (tests/unit/client-imports.test.ts): the schemas live in actions/help.ts and
 * actions/family.ts.
 */

export const HELP_CATEGORIES = ['就医陪护', '生活照料', '家政维修', '法律咨询', '心理慰藉', '政策咨询', '其他'] as const
export type HelpCategory = (typeof HELP_CATEGORIES)[number]

/** The status machine. Happy path: submitted → accepted → assigned → in_progress → completed → rated. */
export const HELP_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'completed',
  'rated',
  'withdrawn',
  'returned'
] as const
export type HelpStatus = (typeof HELP_STATUSES)[number]

export const HELP_STATUS_LABELS: Record<HelpStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已派单',
  in_progress: '处理中',
  completed: '已完成',
  rated: '已评价',
  withdrawn: '已撤回',
  returned: '已退回'
}

/** Statuses in which somebody still has to do something (the staff queue's default view). */
export const HELP_OPEN_STATUSES: readonly HelpStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress']
/** Statuses the requester may still withdraw from: before anybody has started on it. */
export const HELP_WITHDRAWABLE: readonly HelpStatus[] = ['submitted', 'accepted', 'assigned']

export type HelpUrgency = 'normal' | 'urgent'
export const HELP_URGENCY_LABELS: Record<HelpUrgency, string> = { normal: '一般', urgent: '紧急' }

export const HELP_PERIODS = ['morning', 'afternoon', 'evening', 'any'] as const
export type HelpPeriod = (typeof HELP_PERIODS)[number]
export const HELP_PERIOD_LABELS: Record<HelpPeriod, string> = {
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
  any: '什么时间都行'
}

export const MAX_HELP_PHOTOS = 3

/** The skills of the 银发人才库 (configurable in the help settings; these are the defaults). */
export const DEFAULT_SKILLS = [
  '政策宣讲',
  '医疗保健',
  '法律咨询',
  '文化艺术',
  '教育辅导',
  '科技服务',
  '矛盾调解',
  '其他'
] as const

/** Which skills suit a help category: volunteers with one of them are suggested and may claim it. */
export const DEFAULT_CATEGORY_SKILLS: Record<HelpCategory, string[]> = {
  就医陪护: ['医疗保健'],
  生活照料: ['医疗保健', '其他'],
  家政维修: ['科技服务', '其他'],
  法律咨询: ['法律咨询', '矛盾调解'],
  心理慰藉: ['矛盾调解', '文化艺术', '医疗保健'],
  政策咨询: ['政策宣讲'],
  其他: ['其他']
}

/** Response-time targets (configurable): accept within N working days (Mon–Fri), urgent within M minutes. */
export const DEFAULT_HELP_TARGETS = { acceptWorkingDays: 1, urgentAcceptMinutes: 30 }

/** Relations a family member states when binding (plus 其他). */
export const FAMILY_RELATIONS = ['儿子', '女儿', '儿媳', '女婿', '配偶', '孙子女', '其他亲属'] as const
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number]

export const INVITE_TTL_MS = 24 * 3600 * 1000

export type BindingStatus = 'pending' | 'active' | 'ended'
export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '等待确认',
  active: '已绑定',
  ended: '已解除'
}

/** The plain-words rules shown on the request page (规则). */
export function helpRulesText(t: { acceptWorkingDays: number; urgentAcceptMinutes: number }): string[] {
  return [
    `一般求助：工作人员会在 ${t.acceptWorkingDays} 个工作日内受理。`,
    `紧急求助：${t.urgentAcceptMinutes} 分钟内受理；情况危急请直接打值班电话或 120。`,
    '工作日指周一至周五，暂不扣除法定节假日。',
    '您的住址和电话只有工作人员和接单的人能看到。'
  ]
}
