import { beijingTime } from '../../types/time'
import { addWorkingDays, isWorkingDay } from '../../server/domain/help/working-time'
import { maskAddress, maskPhone } from '../../server/domain/help/contact-mask'
import { HELP_TRANSITIONS, impliedAccept, nextStatus } from '../../server/domain/help/status-machine'
import { acceptDueAt } from '../../server/domain/help/response-targets'
import { HELP_STATUSES, type HelpStatus } from '../../types/help-rules'
import { auditInput } from '../../server/core/proxy-audit'
import { actionWords } from '../../server/domain/family/done-for-me'

describe('working days (Monday to Friday, Beijing time)', () => {
  // 2026-12-04 is a Friday, 2026-12-05 a Saturday, 2026-12-07 a Monday.
  it('skips the weekend', () => {
    expect(isWorkingDay(beijingTime('2026-12-04', '23:59'))).toBe(true)
    expect(isWorkingDay(beijingTime('2026-12-05', '00:00'))).toBe(false)
    expect(addWorkingDays(beijingTime('2026-12-01', '10:00'), 1)).toBe(beijingTime('2026-12-02', '10:00'))
    expect(addWorkingDays(beijingTime('2026-12-04', '16:00'), 1)).toBe(beijingTime('2026-12-07', '16:00'))
    expect(addWorkingDays(beijingTime('2026-12-05', '10:00'), 1)).toBe(beijingTime('2026-12-08', '00:00'))
    expect(addWorkingDays(beijingTime('2026-12-06', '23:00'), 2)).toBe(beijingTime('2026-12-09', '00:00'))
  })

  it('does not depend on the machine’s time zone: a UTC evening is the next Beijing morning', () => {
    // Friday 2026-12-04 20:00 UTC is Saturday 04:00 in Beijing: counting starts on Monday.
    expect(addWorkingDays(Date.UTC(2026, 11, 4, 20), 1)).toBe(beijingTime('2026-12-08', '00:00'))
  })

  it('gives urgent requests minutes around the clock', () => {
    const sat = beijingTime('2026-12-05', '03:00')
    expect(acceptDueAt({ createdAt: sat, urgency: 'urgent' }, { acceptWorkingDays: 1, urgentAcceptMinutes: 30 })).toBe(
      sat + 30 * 60_000
    )
  })
})

describe('masking', () => {
  it('keeps only what identifies nothing', () => {
    expect(maskPhone('13909371001')).toBe('139****1001')
    expect(maskPhone('0937-2612100')).toBe('0937****2100')
    expect(maskPhone('12345')).toBe('****')
    expect(maskAddress('肃州区')).toBe('肃州区****')
  })
})

describe('the help status machine', () => {
  const allowed: Record<string, HelpStatus[]> = {
    accepted: ['submitted'],
    assigned: ['submitted', 'accepted', 'assigned'],
    claimed: ['submitted', 'accepted'],
    started: ['assigned'],
    note: ['assigned', 'in_progress'],
    completed: ['in_progress'],
    rated: ['completed'],
    withdrawn: ['submitted', 'accepted', 'assigned'],
    returned: ['submitted', 'accepted', 'assigned'],
    released: ['assigned', 'in_progress']
  }

  it.each(Object.keys(HELP_TRANSITIONS) as (keyof typeof HELP_TRANSITIONS)[])(
    'allows %s only from its statuses',
    (kind) => {
      for (const from of HELP_STATUSES) {
        if (allowed[kind].includes(from)) expect(() => nextStatus(kind, from)).not.toThrow()
        else expect(() => nextStatus(kind, from)).toThrow(/./)
      }
    }
  )

  it('never leaves a closed request', () => {
    for (const from of ['withdrawn', 'returned', 'rated'] as HelpStatus[]) {
      for (const kind of Object.keys(HELP_TRANSITIONS) as (keyof typeof HELP_TRANSITIONS)[])
        expect(() => nextStatus(kind, from)).toThrow()
    }
  })

  it('records an implied 受理 when dispatching straight from 已提交', () => {
    expect(impliedAccept('assigned', 'submitted')).toBe(true)
    expect(impliedAccept('claimed', 'accepted')).toBe(false)
  })
})

describe('the 代办 audit trail', () => {
  it('keeps ids and short choices of the input, never contact details or free text', () => {
    expect(
      auditInput({
        id: 'hr_1',
        activityId: 'a-1',
        category: '就医陪护',
        address: '某街 1 号',
        phone: '13900000000',
        description: '长长的描述',
        name: '张三'
      })
    ).toEqual({
      id: 'hr_1',
      activityId: 'a-1',
      category: '就医陪护'
    })
  })

  it('words every action, also ones it does not know, in Chinese', () => {
    expect(actionWords('help.create')).toBe('提交了求助')
    expect(actionWords('activity.somethingNew')).toBe('办理了活动的事')
    expect(actionWords('unknown.thing')).toMatch(/[\u4e00-\u9fa5]/)
  })
})
