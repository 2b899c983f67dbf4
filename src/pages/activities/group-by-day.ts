import type { ActivityCard } from '@contract/actions'
import { dayBucket, type DayBucket } from '@contract/time'

const ORDER: DayBucket[] = ['today', 'tomorrow', 'thisWeek', 'later']

/** 今天 / 明天 / 本周 / 以后, by Asia/Shanghai days whatever the phone's or server's time zone. */
export function groupByDay(items: ActivityCard[], now: number): { bucket: DayBucket; items: ActivityCard[] }[] {
  const groups = new Map<DayBucket, ActivityCard[]>()
  for (const a of items) {
    const b = dayBucket(a.startAt, now)
    if (b === 'past') continue
    groups.set(b, [...(groups.get(b) ?? []), a])
  }
  return ORDER.filter((b) => groups.has(b)).map((bucket) => ({ bucket, items: groups.get(bucket)! }))
}
