import type { ActivityCard, ActivityDetail, ActivityFields, ActivityType } from '@contract/actions'
import { businessDay } from '@contract/time'
import { mutate, query } from './api'

export function listActivities(
  opts: { from?: string; to?: string; type?: ActivityType; cursor?: string; limit?: number } = {}
) {
  // 40 cards keep the list page's largest setData under a quarter of the limit (docs/performance.md).
  return query('activity.list', { limit: 40, ...opts })
}

export async function todaysActivities(now = Date.now()): Promise<ActivityCard[]> {
  const today = businessDay(now)
  return (await query('activity.list', { from: today, to: today, limit: 20 })).items
}

export function getActivity(id: string): Promise<ActivityDetail> {
  return query('activity.get', { id })
}

// ---- 报名 ----

export function signUp(a: Pick<ActivityCard, 'id' | 'title'>) {
  return mutate('signup.create', { activityId: a.id }, { label: `报名「${a.title}」` })
}

export function cancelSignup(a: Pick<ActivityCard, 'id' | 'title'>) {
  return mutate('signup.cancel', { activityId: a.id }, { label: `取消报名「${a.title}」` })
}

export function mySignups() {
  return query('signup.mine', {})
}

// ---- staff ----

export function manageList(when: 'upcoming' | 'past', cursor?: string) {
  return query('activity.staff.list', { when, ...(cursor ? { cursor } : {}) })
}

export function createActivity(fields: ActivityFields) {
  return mutate('activity.staff.create', fields, { label: `新建活动「${fields.title}」` })
}

export function updateActivity(id: string, fields: ActivityFields) {
  return mutate('activity.staff.update', { id, fields }, { label: `修改活动「${fields.title}」` })
}

export function publishActivity(a: Pick<ActivityCard, 'id' | 'title'>) {
  return mutate('activity.staff.publish', { id: a.id }, { label: `发布活动「${a.title}」` })
}

export function cancelActivity(a: Pick<ActivityCard, 'id' | 'title'>, reason: string) {
  return mutate('activity.staff.cancel', { id: a.id, reason }, { label: `取消活动「${a.title}」` })
}

export function activityRoster(id: string) {
  return query('activity.staff.roster', { id })
}

export function activityCheckinCode(id: string) {
  return query('activity.staff.checkinCode', { id })
}

export function exportAttendance(id: string) {
  return query('activity.staff.exportAttendance', { id })
}
