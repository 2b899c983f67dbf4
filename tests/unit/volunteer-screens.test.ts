/** The pure rules behind the volunteer screens: a shift's one button, and what the check-in page says for a shift code. */
import type { MyAttendance, ShiftCard } from '../../types/actions'
import { beijingTime } from '../../types/time'
import { shiftAction } from '../../src/packages/volunteer/activity/shift-action'
import { shiftFeedback } from '../../src/pages/checkin/checkin-feedback'

const at = (hhmm: string) => beijingTime('2026-12-01', hhmm)

function shift(over: Partial<ShiftCard> = {}): ShiftCard {
  return {
    id: 'vs-1',
    activityId: 'va-1',
    activityTitle: '关爱探访',
    label: '上午班',
    startAt: at('09:00'),
    endAt: at('11:30'),
    place: '服务站',
    capacity: 6,
    placesLeft: 3,
    waitlistCount: 0,
    skills: [],
    status: 'open',
    orgUnitName: '肃州区',
    teamName: null,
    mySignup: null,
    myWaitlistPosition: null,
    myAttendance: null,
    ...over
  }
}

const attended = (over: Partial<MyAttendance> = {}): MyAttendance => ({
  checkInAt: at('08:50'),
  checkInMethod: 'scan',
  checkOutAt: null,
  checkOutMethod: null,
  creditedMinutes: null,
  notes: [],
  flagged: false,
  ...over
})

const free = { blocked: null, actingFor: null }

describe('a shift’s one button', () => {
  it('offers 报名, or 候补 when full, until the start; says why not when it cannot', () => {
    expect(shiftAction(shift(), at('07:00'), free)).toEqual({ kind: 'signup', label: '报名这个班次' })
    expect(shiftAction(shift({ placesLeft: 0 }), at('07:00'), free)).toEqual({
      kind: 'waitlist',
      label: '名额已满，报名候补'
    })
    expect(shiftAction(shift(), at('09:10'), free)).toMatchObject({ kind: 'none', label: '班次已开始，不能再报名' })
    expect(
      shiftAction(shift(), at('07:00'), { blocked: '这个活动只面向「关爱团」的队员，请先申请加入', actingFor: null })
    ).toMatchObject({ kind: 'none' })
    expect(shiftAction(shift({ status: 'cancelled' }), at('07:00'), free)).toMatchObject({
      kind: 'none',
      label: '这个班次已取消'
    })
  })

  it('turns into 取消报名, then 扫码签到 from 30 minutes before, then 扫码签退 until 30 minutes after the end', () => {
    const signed = shift({ mySignup: 'signed' })
    expect(shiftAction(signed, at('08:00'), free)).toEqual({ kind: 'cancel', label: '取消报名' })
    expect(shiftAction(signed, at('08:35'), free)).toEqual({ kind: 'checkin', label: '扫码签到' })
    const inside = shift({ mySignup: 'signed', myAttendance: attended() })
    expect(shiftAction(inside, at('08:55'), free)).toMatchObject({ kind: 'none' })
    expect(shiftAction(inside, at('10:00'), free)).toEqual({ kind: 'checkout', label: '扫码签退' })
    expect(shiftAction(inside, at('11:55'), free)).toEqual({ kind: 'checkout', label: '扫码签退' })
    expect(shiftAction(inside, at('12:05'), free)).toMatchObject({
      kind: 'none',
      label: '签退时间已过，时长按班次结束时间计'
    })
    expect(
      shiftAction(
        shift({ myAttendance: attended({ checkOutAt: at('11:30'), creditedMinutes: 150 }) }),
        at('11:40'),
        free
      )
    ).toMatchObject({ kind: 'none', label: '已签退，谢谢您的付出！' })
  })

  it('never offers scanning to a family member acting for the elder: it says the elder does it in person', () => {
    const actingFor = { blocked: null, actingFor: '张桂兰' }
    expect(shiftAction(shift({ mySignup: 'signed' }), at('08:40'), actingFor)).toEqual({
      kind: 'none',
      label: '请张桂兰到场后本人扫码签到'
    })
    expect(shiftAction(shift({ mySignup: 'signed', myAttendance: attended() }), at('10:00'), actingFor)).toEqual({
      kind: 'none',
      label: '请张桂兰到场后本人扫码签退'
    })
    expect(shiftAction(shift({ mySignup: 'signed' }), at('07:00'), actingFor)).toEqual({
      kind: 'cancel',
      label: '取消报名'
    })
  })
})

describe('the check-in page on a shift code', () => {
  const base = {
    shiftId: 'vs-1',
    title: '「关爱探访」上午班',
    personId: 'p',
    personName: '张桂兰',
    points: 0,
    notes: [],
    walkIn: false,
    creditedMinutes: null
  }
  it('says checked in, checked out with the hours and points, already, queued and refused in words', () => {
    expect(
      shiftFeedback(
        { status: 'applied', data: { ...base, direction: 'in', result: 'done', at: at('08:50') } },
        at('08:50')
      )
    ).toMatchObject({ tone: 'success', title: '签到成功' })
    const out = shiftFeedback(
      {
        status: 'applied',
        data: {
          ...base,
          direction: 'out',
          result: 'done',
          at: at('11:10'),
          creditedMinutes: 130,
          points: 5,
          notes: ['提前到达，从 09:00 开始计']
        }
      },
      at('11:10')
    )
    expect(out.lines).toEqual([
      '志愿服务：「关爱探访」上午班',
      '签退时间：11:10',
      '记志愿服务时长 2 小时 10 分',
      '提前到达，从 09:00 开始计',
      '得到 5 个积分'
    ])
    expect(
      shiftFeedback(
        { status: 'applied', data: { ...base, direction: 'out', result: 'already', at: at('11:10') } },
        at('11:12')
      )
    ).toMatchObject({ tone: 'info', title: '已签退' })
    expect(shiftFeedback({ status: 'queued', id: 'm' }, at('11:10'))).toMatchObject({
      tone: 'warning',
      title: '已记下，待同步'
    })
    expect(
      shiftFeedback({ status: 'rejected', code: 'TOKEN_EXPIRED', message: '签到码已过期' }, at('11:10'))
    ).toMatchObject({ tone: 'danger', lines: ['签到码已过期'] })
  })
})
