/**
 * What a simulated person does next: a real mutation of the app, with a payload a real page would send, chosen
 * from what that person could know (their own requests and pick-up codes, the requests on the volunteer
 * board, the code on the staff's screen). Many of them will be refused by the server (full, taken, already
 * done, not allowed in that state): that is part of the test.
 */
import type { ActionInput, MutationName } from '../../../types/actions'
import { businessDay } from '../../../types/time'
import { issueCode } from '../../../server/domain/tokens/rotating-code'
import type { Rng } from './prng'
import type { World } from './world'

export type ClientKind = 'retiree' | 'family' | 'volunteer' | 'staff'

export interface Knowledge {
  /** Help requests anyone created (the volunteers' board and the staff queue show them). */
  helpRequests: string[]
  /** Pick-up codes people show at the counter. */
  codes: string[]
  /** This person's own requests, codes and claimed tasks. */
  mine: { requests: string[]; codes: string[]; tasks: string[] }
}

export interface Planned<A extends MutationName = MutationName> {
  action: A
  payload: ActionInput<A>
  label: string
}

const HELP_TEXTS = [
  '卫生间的灯不亮了，想请人来看看。',
  '厨房水龙头一直滴水。',
  '电视机顶盒连不上，看不了节目。',
  '想请人帮忙换个门锁。'
]
const NOTES = ['已经约好上门时间', '换好了，试过能用', '今天去看过了，明天再来']
const TITLES = ['送学上门：学习党的二十届三中全会精神', '送学上门：学习老干部工作文件', '参加社区议事会']

export function plan(
  kind: ClientKind,
  rng: Rng,
  world: World,
  k: Knowledge,
  ctx: { now: number; tokenKey: string; personId: string | null }
): Planned {
  const any = <T>(xs: T[]): T | null => (xs.length ? rng.pick(xs) : null)
  const activity = () => rng.pick([...world.futureActivities, ...world.todayActivities])
  const p = <A extends MutationName>(action: A, payload: ActionInput<A>, label: string): Planned =>
    ({ action, payload, label }) as Planned

  if (kind === 'staff') {
    const r = rng()
    if (r < 0.3) {
      const who = rng.pick(world.retirees)
      const a = rng.pick(world.todayActivities)
      return p(
        'checkin.staff.proxy',
        { activityId: a.id, personId: who.personId, reason: '本人到场，手机没带' },
        `代签 ${who.personId}`
      )
    }
    if (r < 0.55) {
      const who = rng.pick(world.retirees)
      return p(
        'points.staff.award',
        { personId: who.personId, kind: 'songxue', title: rng.pick(TITLES), day: businessDay(ctx.now) },
        `送学上门 ${who.personId}`
      )
    }
    const code = any(k.codes)
    if (r < 0.8 && code) return p('points.staff.fulfil', { code }, `核销 ${code}`)
    const id = any(k.helpRequests)
    if (id) return p('help.staff.accept', { id }, `受理求助 ${id}`)
    return p('message.markRead', { all: true }, '全部已读')
  }

  if (kind === 'volunteer') {
    const r = rng()
    const task = any(k.mine.tasks)
    if (r < 0.45) {
      const id = any(k.helpRequests)
      if (id) return p('help.claim', { id }, `接单 ${id}`)
    }
    if (task && r < 0.65) return p('help.start', { id: task }, `开始 ${task}`)
    if (task && r < 0.85) return p('help.complete', { id: task, note: rng.pick(NOTES) }, `办完 ${task}`)
    if (task && r < 0.92) return p('help.release', { id: task, reason: '临时有事去不了' }, `退回 ${task}`)
    if (r < 0.97) {
      // Volunteer service: sign up for a shift or cancel, or scan the shift going on now in or out.
      const v = rng()
      if (v < 0.45) {
        const s = rng.pick([...world.futureShifts, ...world.todayShifts])
        return p(rng.chance(0.7) ? 'volunteer.signup' : 'volunteer.cancelSignup', { shiftId: s.id }, `志愿报名 ${s.id}`)
      }
      const s = rng.pick(world.todayShifts)
      const token = issueCode(ctx.tokenKey, { kind: v < 0.8 ? 'shift-in' : 'shift-out', id: s.id }, ctx.now).token
      return p('volunteer.scan', { token, scannedAt: ctx.now }, `志愿签到/签退 ${s.id}`)
    }
    const a = activity()
    return p(rng.chance(0.7) ? 'signup.create' : 'signup.cancel', { activityId: a.id }, `报名 ${a.id}`)
  }

  // A retiree for themself, or a family member for their elder (代办): the same pages.
  const r = rng()
  if (r < 0.3) {
    const a = activity()
    return p('signup.create', { activityId: a.id }, `报名 ${a.id}`)
  }
  if (r < 0.45) {
    const a = activity()
    return p('signup.cancel', { activityId: a.id }, `取消报名 ${a.id}`)
  }
  if (r < 0.58 && kind === 'retiree') {
    const a = rng.pick(world.todayActivities)
    // The code on the staff's screen at this moment, scanned now.
    const token = issueCode(ctx.tokenKey, { kind: 'activity', id: a.id }, ctx.now).token
    return p('checkin.scan', { token, scannedAt: ctx.now }, `签到 ${a.id}`)
  }
  if (r < 0.7 && kind === 'retiree') {
    const item = rng.pick(world.items)
    return p('points.redeem', { itemId: item.id }, `兑换 ${item.id}`)
  }
  const mine = any(k.mine.codes)
  if (r < 0.76 && mine && kind === 'retiree') return p('points.cancelRedemption', { code: mine }, `取消兑换 ${mine}`)
  if (r < 0.86) {
    return p(
      'help.create',
      {
        category: '家政维修',
        description: rng.pick(HELP_TEXTS),
        address: '肃州区东关街道富康家园 3 号楼',
        phone: '13909371001'
      },
      '求助'
    )
  }
  const req = any(k.mine.requests)
  if (req && r < 0.92) return p('help.withdraw', { id: req, reason: '自己修好了' }, `撤回 ${req}`)
  if (req && r < 0.96) return p('help.rate', { id: req, stars: rng.int(3, 5) }, `评价 ${req}`)
  // Any retiree may serve a volunteer shift (a daughter may sign her mother up, 代办; scanning is in person).
  if (r < 0.98) {
    const s = rng.pick(world.futureShifts)
    return p(rng.chance(0.7) ? 'volunteer.signup' : 'volunteer.cancelSignup', { shiftId: s.id }, `志愿报名 ${s.id}`)
  }
  // 我的消息 is one's own (not done while acting for an elder).
  if (kind === 'family') return p('signup.create', { activityId: activity().id }, '报名')
  return p('message.markRead', { all: true }, '全部已读')
}
