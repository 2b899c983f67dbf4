/**
 * Points rules. The defaults follow the demo bureau's 老干部活动积分管理 policy; a deployment changes them as
 * configuration (see the points work), not code. An activity's own `points` overrides its type's rule.
 */
import type { ActivityType } from '../../../types/actions/activities'
import type { ActivityDoc } from '../../storage/schema'

export const DEFAULT_POINTS_BY_TYPE: Record<ActivityType, number> = {
  组织生活: 5,
  讲座: 3,
  文体活动: 3,
  老年大学: 2,
  志愿服务: 5,
  宣讲: 5,
  其他: 1
}

export function activityPoints(activity: Pick<ActivityDoc, 'type' | 'points'>, byType = DEFAULT_POINTS_BY_TYPE): number {
  return activity.points ?? byType[activity.type]
}
