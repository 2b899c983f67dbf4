import {
  addDays,
  beijingTime,
  businessDay,
  dayBucket,
  endOfBusinessWeek,
  formatClock,
  greeting,
  startOfBusinessDay
} from '../../types/time'

describe('business days are Asia/Shanghai days', () => {
  // 2026-11-30T23:00Z is 2026-12-01 07:00 in Beijing: UTC and Beijing disagree on the date.
  const lateUtc = Date.UTC(2026, 10, 30, 23, 0)

  it('takes the Beijing date, not the UTC date', () => {
    expect(new Date(lateUtc).toISOString().slice(0, 10)).toBe('2026-11-30')
    expect(businessDay(lateUtc)).toBe('2026-12-01')
  })

  it('puts a 07:30 Beijing-time activity under 今天 while the UTC date is still yesterday', () => {
    const activity = beijingTime('2026-12-01', '07:30')
    expect(new Date(activity).toISOString()).toBe('2026-11-30T23:30:00.000Z')
    expect(dayBucket(activity, lateUtc)).toBe('today')
    expect(formatClock(activity)).toBe('07:30')
  })

  it('starts a business day at Beijing midnight', () => {
    expect(new Date(startOfBusinessDay('2026-12-01')).toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })

  it('groups tomorrow, this week (to Sunday) and later', () => {
    const now = beijingTime('2026-12-01', '10:00') // a Tuesday
    expect(endOfBusinessWeek('2026-12-01')).toBe('2026-12-06')
    expect(dayBucket(beijingTime('2026-12-02', '09:00'), now)).toBe('tomorrow')
    expect(dayBucket(beijingTime('2026-12-06', '20:00'), now)).toBe('thisWeek')
    expect(dayBucket(beijingTime('2026-12-07', '08:00'), now)).toBe('later')
    expect(dayBucket(beijingTime('2026-11-30', '23:59'), now)).toBe('past')
  })

  it('adds days across month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('greets by the Beijing hour', () => {
    expect(greeting(lateUtc)).toBe('上午好')
    expect(greeting(beijingTime('2026-12-01', '15:00'))).toBe('下午好')
    expect(greeting(beijingTime('2026-12-01', '20:00'))).toBe('晚上好')
  })
})
