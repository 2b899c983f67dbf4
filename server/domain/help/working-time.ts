/**
 * Working time for response-time targets: Monday to Friday in Asia/Shanghai, each working day counted as 24
 * hours. Public holidays and swapped working weekends (调休) are not known here: a deployment that needs them
 * adds a calendar; until then a target can fall on a holiday (the 规则 text says so).
 */
import { addDays, businessDay, inBusinessTz, startOfBusinessDay, type Instant } from '../../../types/time'

const DAY_MS = 24 * 3600 * 1000

export function isWorkingDay(at: Instant): boolean {
  const weekday = inBusinessTz(at).day() // 0 Sunday … 6 Saturday
  return weekday >= 1 && weekday <= 5
}

/**
 * `start` plus `days` working days. Time on Saturdays and Sundays does not count, so a request made on Friday
 * at 16:00 with a one-day target is due on Monday at 16:00, and one made on Saturday is due at the end of Monday.
 */
export function addWorkingDays(start: Instant, days: number): Instant {
  let remaining = days * DAY_MS
  let t = start
  for (let guard = 0; guard < 400; guard++) {
    const nextDayStart = startOfBusinessDay(addDays(businessDay(t), 1))
    if (isWorkingDay(t)) {
      const available = nextDayStart - t
      if (available >= remaining) return t + remaining
      remaining -= available
    }
    t = nextDayStart
  }
  return t
}
