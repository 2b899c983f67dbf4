/** Activity types, as plain constants the mini-program may import at runtime (no zod here). */
export const ACTIVITY_TYPES = ['组织生活', '讲座', '文体活动', '老年大学', '志愿服务', '宣讲', '其他'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** How a check-in was made: the person scanned staff's code, staff scanned the person's code, or staff 代签. */
export type CheckinMethod = 'scan' | 'staff-scan' | 'proxy'

export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = {
  scan: '扫码签到',
  'staff-scan': '工作人员扫码',
  proxy: '工作人员代签'
}

/** Rotating codes change every 30 seconds; the server accepts one step either side. */
export const CODE_STEP_MS = 30_000
