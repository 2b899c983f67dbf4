/**
 * Business time. Every "today / this week / deadline" in this product is a day in Asia/Shanghai, whatever the
 * clock of the machine (cloud functions run in UTC). Instants are stored as epoch milliseconds; days as
 * 'YYYY-MM-DD' strings. Never use Date's local getters for business logic.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const BUSINESS_TZ = 'Asia/Shanghai'

export type Instant = number
export type BusinessDay = string

export function inBusinessTz(at: Instant): dayjs.Dayjs {
  return dayjs(at).tz(BUSINESS_TZ)
}

/** The Asia/Shanghai calendar day of an instant, as 'YYYY-MM-DD'. */
export function businessDay(at: Instant): BusinessDay {
  return inBusinessTz(at).format('YYYY-MM-DD')
}

/** The instant a business day starts (00:00 in Asia/Shanghai). */
export function startOfBusinessDay(day: BusinessDay): Instant {
  return dayjs.tz(`${day} 00:00`, BUSINESS_TZ).valueOf()
}

/** An instant from a Beijing-time wall clock, e.g. at('2026-12-01', '07:30'). */
export function beijingTime(day: BusinessDay, hhmm: string): Instant {
  return dayjs.tz(`${day} ${hhmm}`, BUSINESS_TZ).valueOf()
}

export function addDays(day: BusinessDay, n: number): BusinessDay {
  return dayjs.tz(`${day} 12:00`, BUSINESS_TZ).add(n, 'day').format('YYYY-MM-DD')
}

/** Monday-based ISO week: the last day (Sunday) of the week that holds `day`. */
export function endOfBusinessWeek(day: BusinessDay): BusinessDay {
  const d = dayjs.tz(`${day} 12:00`, BUSINESS_TZ)
  const weekday = (d.day() + 6) % 7 // Monday 0 … Sunday 6
  return d.add(6 - weekday, 'day').format('YYYY-MM-DD')
}

export type DayBucket = 'past' | 'today' | 'tomorrow' | 'thisWeek' | 'later'

export const DAY_BUCKET_LABELS: Record<DayBucket, string> = {
  past: '已结束',
  today: '今天',
  tomorrow: '明天',
  thisWeek: '本周',
  later: '以后'
}

/** Which group an activity starting at `at` belongs to, seen at `now`, in Asia/Shanghai days. */
export function dayBucket(at: Instant, now: Instant): DayBucket {
  const today = businessDay(now)
  const day = businessDay(at)
  if (day < today) return 'past'
  if (day === today) return 'today'
  if (day === addDays(today, 1)) return 'tomorrow'
  if (day <= endOfBusinessWeek(today)) return 'thisWeek'
  return 'later'
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '12月1日 周二' */
export function formatDay(at: Instant): string {
  const d = inBusinessTz(at)
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`
}

/** '07:30' */
export function formatClock(at: Instant): string {
  return inBusinessTz(at).format('HH:mm')
}

/** '12月1日 周二 07:30' */
export function formatDateTime(at: Instant): string {
  return `${formatDay(at)} ${formatClock(at)}`
}

/** '上午好' / '下午好' / '晚上好' by the Beijing hour. */
export function greeting(now: Instant): string {
  const h = inBusinessTz(now).hour()
  if (h < 5) return '晚上好'
  if (h < 11) return '上午好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
