import { signupSaid } from '../../src/services/signup-said'

const words = { signed: '请按时参加。', cancelled: '名额已让给候补的人。' }
const applied = (
  status: 'signed' | 'waitlisted' | 'cancelled',
  already = false,
  waitlistPosition: number | null = null
) => ({ status: 'applied', data: { status, already, waitlistPosition } }) as const

describe('what a page says after a sign-up (activities and shifts)', () => {
  it('says each outcome in words, with the page’s own next step', () => {
    expect(signupSaid(applied('signed'), 'signup', words)).toEqual({
      tone: 'success',
      text: '报名成功',
      lines: ['请按时参加。']
    })
    expect(signupSaid(applied('signed', true), 'signup', words).text).toBe('您已经报过名了')
    expect(signupSaid(applied('waitlisted', false, 3), 'signup', words)).toMatchObject({
      tone: 'warning',
      text: '已报名候补，排第 3 位'
    })
    expect(signupSaid(applied('waitlisted', true), 'signup', words).text).toBe('您在候补名单上')
    expect(signupSaid(applied('cancelled'), 'cancel', words)).toEqual({
      tone: 'info',
      text: '已取消报名',
      lines: ['名额已让给候补的人。']
    })
  })

  it('tells a queued write from a refused one', () => {
    expect(signupSaid({ status: 'queued', id: 'm1' }, 'signup', words)).toMatchObject({
      tone: 'warning',
      text: '已记下，待同步'
    })
    expect(signupSaid({ status: 'rejected', code: 'SIGNUP_CLOSED', message: '报名已截止' }, 'cancel', words)).toEqual({
      tone: 'danger',
      text: '没有取消成功',
      lines: ['报名已截止']
    })
  })
})
