/** The pure rules behind the activity screens: day groups, the detail page's main button, 我的活动, the staff form. */
import type { ActivityCard, ActivityDetail, MySignup, OrgUnitInfo } from '../../types/actions'
import { beijingTime } from '../../types/time'
import { groupByDay } from '../../src/pages/activities/group-by-day'
import { mainAction } from '../../src/packages/activity/detail/main-action'
import { groupMine } from '../../src/packages/activity/mine/group-mine'
import { emptyForm, formFromActivity, toFields, unitsInScope } from '../../src/packages/staff/edit/form-state'
import { checkinFeedback } from '../../src/pages/checkin/checkin-feedback'

// 2026-12-01 07:00 in Beijing is 2026-11-30 23:00 UTC.
const NOW = Date.UTC(2026, 10, 30, 23, 0)

function card(over: Partial<ActivityCard> = {}): ActivityCard {
  const startAt = beijingTime('2026-12-01', '09:30')
  return {
    id: 'a',
    title: '宣讲会',
    type: '宣讲',
    startAt,
    endAt: startAt + 7200_000,
    place: '会议室',
    orgUnitName: '市局',
    capacity: 10,
    placesLeft: 5,
    status: 'published',
    points: 5,
    mySignup: null,
    ...over
  }
}

function detail(over: Partial<ActivityDetail> = {}): ActivityDetail {
  const c = card(over)
  return {
    ...c,
    description: '',
    signupDeadline: c.startAt - 3600_000,
    contactPhone: null,
    audience: { kind: 'all' },
    audienceLabel: '所有老干部',
    checkinOpensAt: c.startAt - 1800_000,
    allowWalkIn: true,
    waitlistCount: 0,
    myWaitlistPosition: null,
    myCheckin: null,
    cancelReason: null,
    canManage: false,
    orgUnitId: 'org-jq',
    customPoints: null,
    checkinOpensBeforeMin: 30,
    ...over
  }
}

describe('today / tomorrow / this week / later', () => {
  it('puts a 07:30 Beijing-time activity under 今天 while UTC is still on the previous day', () => {
    const groups = groupByDay(
      [
        card({ id: 'taiji', startAt: beijingTime('2026-12-01', '07:30') }),
        card({ id: 'next', startAt: beijingTime('2026-12-02', '07:30') })
      ],
      NOW
    )
    expect(groups.map((g) => [g.bucket, g.items.map((i) => i.id)])).toEqual([
      ['today', ['taiji']],
      ['tomorrow', ['next']]
    ])
  })
})

describe('the detail page’s one main button', () => {
  const at = (hhmm: string) => beijingTime('2026-12-01', hhmm)
  it('offers 报名, or 报名候补 when full', () => {
    expect(mainAction(detail(), NOW)).toEqual({ kind: 'signup', label: '报名' })
    expect(mainAction(detail({ placesLeft: 0 }), NOW)).toMatchObject({ kind: 'signup', label: '名额已满，报名候补' })
  })
  it('offers 取消报名 / 取消候补 before check-in opens', () => {
    expect(mainAction(detail({ mySignup: 'signed' }), NOW).kind).toBe('cancel')
    expect(mainAction(detail({ mySignup: 'waitlisted' }), NOW).kind).toBe('leave-waitlist')
  })
  it('links to 签到 while the window is open, also for a walk-in when places remain', () => {
    expect(mainAction(detail({ mySignup: 'signed' }), at('09:05'))).toEqual({ kind: 'checkin', label: '去签到' })
    expect(mainAction(detail(), at('09:05')).kind).toBe('checkin')
    expect(mainAction(detail({ placesLeft: 0 }), at('09:05'))).toEqual({ kind: 'none', label: '报名已截止' })
    expect(mainAction(detail({ allowWalkIn: false }), at('09:05')).kind).toBe('none')
    // Still open for sign-up at the door (deadline at the start): full, so 候补.
    expect(mainAction(detail({ placesLeft: 0, signupDeadline: at('09:30') }), at('09:05'))).toEqual({
      kind: 'signup',
      label: '名额已满，报名候补'
    })
  })
  it('says what is true when there is nothing to do', () => {
    expect(mainAction(detail({ myCheckin: { at: at('09:02'), method: 'scan' } }), at('09:05')).label).toBe(
      '已签到（09:02）'
    )
    expect(mainAction(detail({ status: 'cancelled' }), NOW).label).toBe('活动已取消')
    expect(mainAction(detail(), at('12:00')).label).toBe('活动已结束')
    expect(mainAction(detail(), at('08:45')).label).toBe('报名已截止')
  })
})

describe('我的活动 groups', () => {
  const item = (id: string, over: Partial<MySignup> = {}, a: Partial<ActivityCard> = {}): MySignup => ({
    activity: card({ id, ...a }),
    status: 'signed',
    waitlistPosition: null,
    signedUpAt: 0,
    checkin: null,
    ...over
  })
  it('separates what is coming, what was attended, and what was cancelled or missed', () => {
    const g = groupMine(
      [
        item('coming'),
        item('waiting', { status: 'waitlisted', waitlistPosition: 2 }),
        item(
          'been',
          { checkin: { at: 1, method: 'scan' } },
          { startAt: NOW - 5 * 86400_000, endAt: NOW - 5 * 86400_000 + 3600_000 }
        ),
        item('missed', {}, { startAt: NOW - 86400_000, endAt: NOW - 86400_000 + 3600_000 }),
        item('dropped', { status: 'cancelled' }),
        item('called-off', {}, { status: 'cancelled' })
      ],
      NOW
    )
    expect(g.upcoming.map((i) => i.activity.id).sort()).toEqual(['coming', 'waiting'])
    expect(g.attended.map((i) => i.activity.id)).toEqual(['been'])
    expect(g.other.map((i) => i.activity.id).sort()).toEqual(['called-off', 'dropped', 'missed'])
  })
})

describe('the staff activity form', () => {
  const units: OrgUnitInfo[] = [
    {
      id: 'org-jq',
      name: '市局',
      kind: 'bureau',
      parentId: null,
      liaisonPhone: '0937-2612001',
      dutyPhone: null,
      branches: []
    },
    {
      id: 'org-sz',
      name: '肃州区',
      kind: 'county',
      parentId: 'org-jq',
      liaisonPhone: '0937-2612101',
      dutyPhone: null,
      branches: [{ id: 'br-sz-1', name: '第一支部' }]
    },
    {
      id: 'org-dh',
      name: '敦煌市',
      kind: 'county',
      parentId: 'org-jq',
      liaisonPhone: null,
      dutyPhone: null,
      branches: []
    }
  ]
  it('offers county staff only their own county', () => {
    expect(unitsInScope(units, 'org-sz', false).map((u) => u.id)).toEqual(['org-sz'])
    expect(unitsInScope(units, 'org-jq', false)).toHaveLength(3)
  })
  it('turns Beijing days and clock times into instants, with the deadline an hour before by default', () => {
    const f = {
      ...emptyForm(units[1], NOW),
      title: ' 合唱排练 ',
      place: '活动中心',
      day: '2026-12-03',
      start: '09:00',
      end: '11:00',
      capacity: '30'
    }
    const r = toFields(f)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.fields).toMatchObject({
      title: '合唱排练',
      startAt: Date.UTC(2026, 11, 3, 1, 0),
      endAt: Date.UTC(2026, 11, 3, 3, 0),
      signupDeadline: Date.UTC(2026, 11, 3, 0, 0),
      capacity: 30,
      points: null,
      audience: { kind: 'county', orgUnitId: 'org-sz' },
      orgUnitId: 'org-sz',
      contactPhone: '0937-2612101'
    })
  })
  it('says in words what is wrong', () => {
    const r = toFields({
      ...emptyForm(units[0], NOW),
      start: '10:00',
      end: '09:00',
      capacity: '0',
      points: '1000',
      contactPhone: '12345',
      audience: 'branch'
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual([
      'audience',
      'capacity',
      'contactPhone',
      'end',
      'place',
      'points',
      'title'
    ])
  })
  it('round-trips an existing activity, keeping a deadline that is not one of the presets', () => {
    const d = detail({ signupDeadline: beijingTime('2026-11-28', '18:00'), customPoints: 8, capacity: null })
    const f = formFromActivity(d)
    expect(f).toMatchObject({
      deadline: 'keep',
      points: '8',
      capacity: '',
      start: '09:30',
      end: '11:30',
      day: '2026-12-01'
    })
    const r = toFields({ ...f, place: '会议室' })
    expect(r.ok && r.fields).toMatchObject({
      signupDeadline: d.signupDeadline,
      startAt: d.startAt,
      endAt: d.endAt,
      points: 8,
      capacity: null
    })
  })
})

describe('what the check-in page says', () => {
  const result = {
    activityId: 'a',
    activityTitle: '宣讲会',
    personId: 'p',
    personName: '张桂兰',
    method: 'scan' as const,
    walkIn: false,
    pointsNote: null
  }
  it('covers success, a repeat, offline and a refusal', () => {
    expect(
      checkinFeedback(
        {
          status: 'applied',
          data: { ...result, result: 'checked-in', at: beijingTime('2026-12-01', '09:05'), points: 5 }
        },
        NOW
      )
    ).toMatchObject({ tone: 'success', title: '签到成功', lines: expect.arrayContaining(['得到 5 个积分']) })
    expect(
      checkinFeedback(
        {
          status: 'applied',
          data: { ...result, result: 'already', at: beijingTime('2026-12-01', '09:05'), points: 0 }
        },
        NOW
      ).lines[0]
    ).toContain('09:05')
    expect(checkinFeedback({ status: 'queued', id: 'm1' }, NOW)).toMatchObject({
      tone: 'warning',
      title: '已记下，待同步'
    })
    expect(checkinFeedback({ status: 'rejected', code: 'TOKEN_EXPIRED', message: '签到码已过期' }, NOW)).toMatchObject({
      tone: 'danger',
      lines: ['签到码已过期']
    })
  })
  it('says why a check-in earned fewer points than the activity has (the daily cap)', () => {
    const note = '每天最多 15 分，这次只加 1 分（本应 5 分）'
    const said = checkinFeedback(
      {
        status: 'applied',
        data: { ...result, result: 'checked-in', at: beijingTime('2026-12-01', '09:05'), points: 1, pointsNote: note }
      },
      NOW
    )
    expect(said.lines).toEqual(expect.arrayContaining(['得到 1 个积分', note]))
  })
})
