/** Activity types, as plain constants the mini-program may import at runtime (no zod here). */
export const ACTIVITY_TYPES = ['组织生活', '讲座', '文体活动', '老年大学', '志愿服务', '宣讲', '其他'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]
