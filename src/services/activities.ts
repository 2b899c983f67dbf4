import type { ActivityCard, ActivityDetail, ActivityType } from '@contract/actions'
import { businessDay } from '@contract/time'
import { query } from './api'

export function listActivities(opts: { from?: string; to?: string; type?: ActivityType; cursor?: string; limit?: number } = {}) {
  return query('activity.list', { limit: 50, ...opts })
}

export async function todaysActivities(now = Date.now()): Promise<ActivityCard[]> {
  const today = businessDay(now)
  return (await query('activity.list', { from: today, to: today, limit: 20 })).items
}

export function getActivity(id: string): Promise<ActivityDetail> {
  return query('activity.get', { id })
}
