import type { Me } from '@contract/actions'

/** Where a home tile goes: a page, a tab, the liaison phone, or 我要求助 (which first asks a family member which elder). */
export type TileTarget =
  { kind: 'page'; url: string } | { kind: 'tab'; url: string } | { kind: 'call' } | { kind: 'help' }

export interface TileSpec {
  key: string
  /** A mark beside the words, hidden from screen readers: the words are the name. */
  icon: string
  text: string
  target: TileTarget
}

export const VOLUNTEER_HOME = '/packages/volunteer/index/index'

const T = {
  checkin: { key: 'checkin', icon: '▣', text: '扫码签到', target: { kind: 'page', url: '/pages/checkin/index' } },
  activities: {
    key: 'activities',
    icon: '☰',
    text: '活动报名',
    target: { kind: 'tab', url: '/pages/activities/index' }
  },
  points: { key: 'points', icon: '★', text: '我的积分', target: { kind: 'page', url: '/packages/points/index/index' } },
  volunteer: { key: 'volunteer', icon: '♣', text: '志愿服务', target: { kind: 'page', url: VOLUNTEER_HOME } },
  help: { key: 'help', icon: '✚', text: '我要求助', target: { kind: 'help' } },
  contact: { key: 'contact', icon: '☎', text: '联系我们', target: { kind: 'call' } },
  elders: { key: 'elders', icon: '♥', text: '我的长辈', target: { kind: 'page', url: '/packages/family/home/index' } },
  desk: { key: 'desk', icon: '▤', text: '工作台', target: { kind: 'page', url: '/packages/staff/index/index' } },
  helpQueue: {
    key: 'help-queue',
    icon: '✚',
    text: '求助工单',
    target: { kind: 'page', url: '/packages/help-staff/queue/index' }
  },
  verify: {
    key: 'verify',
    icon: '✓',
    text: '积分核销',
    target: { kind: 'page', url: '/packages/points-staff/verify/index' }
  },
  pointsAdmin: {
    key: 'points-admin',
    icon: '★',
    text: '积分管理',
    target: { kind: 'page', url: '/packages/points-staff/index/index' }
  },
  volunteerDesk: {
    key: 'volunteer-desk',
    icon: '♣',
    text: '志愿管理',
    target: { kind: 'page', url: '/packages/volunteer-staff/index/index' }
  }
} satisfies Record<string, TileSpec>

/**
 * The home page's big tiles, one tap each, in the order an older user reaches for them.
 *
 * - A retiree (anyone with a roster record, volunteers too) gets exactly six: 扫码签到, 活动报名, 我的积分,
 *   志愿服务, 我要求助, 联系我们. If they are also family or staff, one tile more at the end (我的长辈 / 工作台).
 * - A family member without a roster record: 我的长辈 first, then what they do for their elder
 *   (活动报名, 我要求助) and 联系我们. They never scan for the elder: the elder checks in in person.
 * - Staff and admins without a roster record: their work (工作台, 求助工单, 积分核销, 积分管理, 志愿管理).
 */
export function tilesFor(me: Pick<Me, 'roles' | 'person'> | null): TileSpec[] {
  const roles = me?.roles ?? []
  const staff = roles.includes('staff') || roles.includes('admin')
  const family = roles.includes('family')
  if (me?.person || !me) {
    return [
      T.checkin,
      T.activities,
      T.points,
      T.volunteer,
      T.help,
      T.contact,
      ...(family ? [T.elders] : []),
      ...(staff ? [T.desk] : [])
    ]
  }
  if (staff) return [T.desk, T.helpQueue, T.verify, T.pointsAdmin, T.volunteerDesk]
  if (family) return [T.elders, T.activities, T.help, T.contact]
  return [T.activities, T.contact]
}
