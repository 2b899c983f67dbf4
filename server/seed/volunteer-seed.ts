/**
 * Demo data for the volunteer service: three teams (a party branch's 志愿服务队, the 五老宣讲团 and a 关爱团) with
 * members and a waiting join request, volunteer activities with shifts over the coming two weeks (one full, with
 * a waitlist), a draft, skills profiles with availability, and past shifts that 王建国 served — one corrected by
 * staff and one with a forgotten check-out, settled and flagged — so his hours and certificate are not empty.
 *
 * Written through the same pool, attendance and ledger functions the handlers use, so counters, sign-ups,
 * attendance, hours and points agree (npm run hours:reconcile holds on a fresh seed).
 */
import { assignVolunteerNumber } from '../domain/volunteer/volunteer-number'
import type { StoragePort, Tx } from '../storage/port'
import type {
  PersonDoc,
  TeamMemberDoc,
  VolunteerActivityDoc,
  VolunteerShiftDoc,
  VolunteerTeamDoc
} from '../storage/schema'
import { addDays, beijingTime, businessDay } from '../../types/time'
import { join, openPool } from '../domain/capacity/capacity-pool'
import { recordCheckIn, recordCheckOut, settleForgotten } from '../domain/volunteer/attendance'
import { correctShift } from '../domain/volunteer/hours-ledger'
import {
  attendanceId,
  memberId,
  newShiftSignup,
  shiftCounterId,
  shiftPool,
  shiftSignupId
} from '../domain/volunteer/shift-pool'
import { BUREAU_ID, ORG_UNITS } from './demo-data'

const D = 24 * 3600_000

/** Fixed ids, so tests and screenshots can open them. */
export const DEMO_VOLUNTEER = {
  teams: { branch: 'vt-sz-dzb', wulao: 'vt-wulao', guanai: 'vt-sz-guanai' },
  activities: {
    guanai: 'va-guanai',
    xuanjiang: 'va-xuanjiang',
    yizhen: 'va-yizhen',
    phone: 'va-phone',
    draft: 'va-draft'
  },
  /** 关爱 上午班 today, 09:00–11:30 (the e2e test serves it). */
  todayShift: 'vs-guanai-d0-am',
  /** 红色故事进社区, in two days: full (4 of 4) with one waiting. */
  fullShift: 'vs-xuanjiang-d2'
} as const

type TeamSeed = Omit<VolunteerTeamDoc, 'createdBy' | 'createdAt' | 'updatedAt' | 'status'> & {
  members: string[]
  pending: string[]
}

const TEAMS: TeamSeed[] = [
  {
    _id: DEMO_VOLUNTEER.teams.branch,
    name: '肃州区第二党支部志愿服务队',
    kind: '党支部志愿服务队',
    orgUnitId: 'org-sz',
    branchId: 'br-sz-2',
    description: '支部党员组成的志愿服务队，每月到社区义诊、量血压，帮行动不便的老党员送学上门。',
    leaderPersonId: 'p-009',
    members: ['p-wangjianguo', 'p-001', 'p-033'],
    pending: []
  },
  {
    _id: DEMO_VOLUNTEER.teams.wulao,
    name: '五老宣讲团',
    kind: '五老宣讲团',
    orgUnitId: BUREAU_ID,
    branchId: null,
    description: '老干部、老战士、老专家、老教师、老模范组成的宣讲团，进社区、进学校讲红色故事和党的政策。',
    leaderPersonId: 'p-008',
    members: ['p-wangjianguo', 'p-lideming', 'p-016', 'p-003', 'p-024'],
    pending: []
  },
  {
    _id: DEMO_VOLUNTEER.teams.guanai,
    name: '肃州区关爱团',
    kind: '关爱团',
    orgUnitId: 'org-sz',
    branchId: null,
    description: '结对探访空巢、独居、高龄的老同志，陪聊天、帮做家务，发现困难及时告诉工作人员。',
    leaderPersonId: 'p-wangjianguo',
    members: ['p-001', 'p-009', 'p-025'],
    pending: ['p-017']
  }
]

interface ActivitySeed {
  doc: Omit<
    VolunteerActivityDoc,
    'createdBy' | 'createdAt' | 'updatedAt' | 'cancelReason' | 'contactPhone' | 'points'
  > & { points?: number }
  shifts: {
    id: string
    day: number
    from: string
    to: string
    label: string
    place: string
    capacity: number | null
    skills?: string[]
    signed?: string[]
  }[]
}

const ACTIVITIES: ActivitySeed[] = [
  {
    doc: {
      _id: DEMO_VOLUNTEER.activities.guanai,
      title: '关爱空巢老人结对探访',
      serviceItem: '关爱探访',
      description: '两人一组上门探访结对的空巢老人：聊聊天、量量血压、帮着打扫，了解困难需求，回来后告诉工作人员。',
      orgUnitId: 'org-sz',
      teamId: DEMO_VOLUNTEER.teams.guanai,
      teamOnly: true,
      status: 'published'
    },
    shifts: [
      {
        id: DEMO_VOLUNTEER.todayShift,
        day: 0,
        from: '09:00',
        to: '11:30',
        label: '上午班',
        place: '肃州区东关街道社区服务站集合',
        capacity: 6,
        skills: ['医疗保健'],
        signed: ['p-wangjianguo', 'p-001']
      },
      {
        id: 'vs-guanai-d0-pm',
        day: 0,
        from: '14:30',
        to: '17:00',
        label: '下午班',
        place: '肃州区东关街道社区服务站集合',
        capacity: 6
      },
      {
        id: 'vs-guanai-d7-am',
        day: 7,
        from: '09:00',
        to: '11:30',
        label: '上午班',
        place: '肃州区东关街道社区服务站集合',
        capacity: 6,
        signed: ['p-009']
      }
    ]
  },
  {
    doc: {
      _id: DEMO_VOLUNTEER.activities.xuanjiang,
      title: '红色故事进社区',
      serviceItem: '政策宣讲',
      description: '五老宣讲团成员到社区讲红色故事、宣讲惠民政策，每场一小时，之后与居民座谈。',
      orgUnitId: BUREAU_ID,
      teamId: DEMO_VOLUNTEER.teams.wulao,
      teamOnly: false,
      status: 'published'
    },
    shifts: [
      {
        id: DEMO_VOLUNTEER.fullShift,
        day: 2,
        from: '09:30',
        to: '11:30',
        label: '新城社区场',
        place: '肃州区新城社区党群服务中心',
        capacity: 4,
        skills: ['政策宣讲'],
        signed: ['p-lideming', 'p-008', 'p-016', 'p-003', 'p-024']
      },
      {
        id: 'vs-xuanjiang-d9',
        day: 9,
        from: '15:00',
        to: '17:00',
        label: '玉门场',
        place: '玉门市新市区社区活动室',
        capacity: 4,
        skills: ['政策宣讲']
      }
    ]
  },
  {
    doc: {
      _id: DEMO_VOLUNTEER.activities.yizhen,
      title: '社区义诊量血压',
      serviceItem: '医疗保健',
      description: '支部志愿服务队和市人民医院退休医生一起，在社区免费量血压、测血糖、讲用药常识。',
      orgUnitId: 'org-sz',
      teamId: DEMO_VOLUNTEER.teams.branch,
      teamOnly: true,
      status: 'published'
    },
    shifts: [
      {
        id: 'vs-yizhen-d3',
        day: 3,
        from: '08:30',
        to: '11:30',
        label: '',
        place: '肃州区西峰社区卫生服务站',
        capacity: 3,
        skills: ['医疗保健'],
        signed: ['p-wangjianguo']
      }
    ]
  },
  {
    doc: {
      _id: DEMO_VOLUNTEER.activities.phone,
      title: '智能手机使用辅导',
      serviceItem: '科技服务',
      description: '在老干部活动中心一对一教老同志用手机：视频通话、扫码、防诈骗设置。会用手机的志愿者都可以来。',
      orgUnitId: 'org-sz',
      teamId: null,
      teamOnly: false,
      status: 'published'
    },
    shifts: [
      {
        id: 'vs-phone-d4',
        day: 4,
        from: '14:30',
        to: '16:30',
        label: '',
        place: '肃州区老干部活动中心一楼',
        capacity: 5,
        skills: ['科技服务']
      },
      {
        id: 'vs-phone-d11',
        day: 11,
        from: '14:30',
        to: '16:30',
        label: '',
        place: '肃州区老干部活动中心一楼',
        capacity: 5,
        skills: ['科技服务']
      }
    ]
  },
  {
    doc: {
      _id: DEMO_VOLUNTEER.activities.draft,
      title: '（草稿）重阳节敬老志愿服务',
      serviceItem: '敬老助老',
      description: '筹备中，班次待定。',
      orgUnitId: 'org-sz',
      teamId: null,
      teamOnly: false,
      status: 'draft'
    },
    shifts: []
  }
]

/** Past shifts 王建国 served (and a few others with him): [activity, shift id, days ago, from, to, label, place]. */
const PAST: [string, string, number, string, string, string, string][] = [
  [
    DEMO_VOLUNTEER.activities.xuanjiang,
    'vs-xuanjiang-p40',
    -40,
    '09:30',
    '11:30',
    '西关社区场',
    '肃州区西关社区党群服务中心'
  ],
  [DEMO_VOLUNTEER.activities.xuanjiang, 'vs-xuanjiang-p19', -19, '15:00', '17:00', '酒泉中学场', '酒泉中学报告厅'],
  [DEMO_VOLUNTEER.activities.guanai, 'vs-guanai-p12', -12, '09:00', '11:30', '上午班', '肃州区东关街道社区服务站集合'],
  [DEMO_VOLUNTEER.activities.guanai, 'vs-guanai-p5', -5, '09:00', '11:30', '上午班', '肃州区东关街道社区服务站集合']
]

/** [shift, person, in (minutes from start), out (minutes from start; null: forgot)] */
const SERVED: [string, string, number, number | null][] = [
  ['vs-xuanjiang-p40', 'p-wangjianguo', -10, 125], // early: counts from the start; late out: counts to the end
  ['vs-xuanjiang-p40', 'p-016', -5, 120],
  ['vs-xuanjiang-p19', 'p-wangjianguo', 10, 120], // late: counts from arrival
  ['vs-guanai-p12', 'p-wangjianguo', -5, 120], // left at 11:00 by his check-out; staff correct it to 11:30
  ['vs-guanai-p12', 'p-001', 0, 150],
  ['vs-guanai-p5', 'p-wangjianguo', 0, null] // forgot to check out: settled to the end, flagged
]

/** Skills profiles beyond those the help work seeds, and availability in words for everyone. */
const PROFILES: Record<string, { skills?: string[]; availability: string }> = {
  'p-wangjianguo': { availability: '周一到周五上午，周末看情况' },
  'p-001': { availability: '每周二、周四全天' },
  'p-002': { availability: '工作日下午' },
  'p-003': { availability: '随时可以，提前一天说' },
  'p-009': { skills: ['科技服务', '政策宣讲'], availability: '周末全天' },
  'p-016': { skills: ['政策宣讲', '文化艺术'], availability: '每月上旬' },
  'p-025': { skills: ['医疗保健', '其他'], availability: '工作日上午' },
  'p-017': { skills: ['文化艺术', '教育辅导'], availability: '周三、周五下午' }
}

function shiftDoc(
  activity: Pick<VolunteerActivityDoc, '_id' | 'orgUnitId'>,
  id: string,
  day: string,
  from: string,
  to: string,
  label: string,
  place: string,
  capacity: number | null,
  skills: string[],
  at: number
): VolunteerShiftDoc {
  return {
    _id: id,
    activityId: activity._id,
    orgUnitId: activity.orgUnitId,
    label,
    startAt: beijingTime(day, from),
    endAt: beijingTime(day, to),
    place,
    capacity,
    skills,
    status: 'open',
    cancelReason: null,
    createdAt: at,
    updatedAt: at
  }
}

async function signUp(tx: Tx, shift: VolunteerShiftDoc, personId: string, at: number): Promise<void> {
  await join(tx, shiftPool(shift._id), {
    holderId: shiftSignupId(shift._id, personId),
    now: at,
    waitlist: true,
    create: newShiftSignup(shift._id, shift.activityId, personId, 'seed', at)
  })
}

export async function seedVolunteer(store: StoragePort, persons: PersonDoc[], now: number): Promise<void> {
  const today = businessDay(now)
  const created = now - 60 * D
  const exists = (id: string) => persons.some((p) => p._id === id)
  const activityById = new Map<string, VolunteerActivityDoc>()
  await store.transaction(async (tx) => {
    for (const t of TEAMS) {
      const { members, pending, ...team } = t
      await tx.put('volunteerTeams', {
        ...team,
        status: 'active',
        createdBy: 'local:liufang',
        createdAt: created,
        updatedAt: created
      })
      const record = (
        personId: string,
        status: TeamMemberDoc['status'],
        role: TeamMemberDoc['role'],
        at: number
      ): TeamMemberDoc => ({
        _id: memberId(t._id, personId),
        teamId: t._id,
        personId,
        status,
        role,
        note: null,
        requestedAt: at,
        requestedBy: 'seed',
        decidedAt: status === 'pending' ? null : at,
        decidedBy: status === 'pending' ? null : 'local:chenjing',
        reason: null,
        updatedAt: at
      })
      if (t.leaderPersonId) await tx.put('teamMembers', record(t.leaderPersonId, 'member', 'leader', created))
      for (const p of members.filter(exists)) await tx.put('teamMembers', record(p, 'member', 'member', created))
      for (const p of [t.leaderPersonId, ...members.filter(exists)]) if (p) await assignVolunteerNumber(tx, p, created)
      for (const p of pending.filter(exists)) await tx.put('teamMembers', record(p, 'pending', 'member', now - 2 * D))
    }
    for (const a of ACTIVITIES) {
      const doc: VolunteerActivityDoc = {
        ...a.doc,
        points: a.doc.points ?? null,
        contactPhone: ORG_UNITS.find((u) => u._id === a.doc.orgUnitId)?.liaisonPhone ?? null,
        cancelReason: null,
        createdBy: a.doc.orgUnitId === 'org-sz' ? 'local:chenjing' : 'local:liufang',
        createdAt: created,
        updatedAt: now - 3 * D
      }
      activityById.set(doc._id, doc)
      await tx.put('volunteerActivities', doc)
      for (const s of a.shifts) {
        const shift = shiftDoc(
          doc,
          s.id,
          addDays(today, s.day),
          s.from,
          s.to,
          s.label,
          s.place,
          s.capacity,
          s.skills ?? [],
          now - 3 * D
        )
        await tx.put('volunteerShifts', shift)
        await openPool(tx, shiftCounterId(shift._id), shift.capacity)
        let i = 0
        for (const p of (s.signed ?? []).filter(exists)) await signUp(tx, shift, p, now - 2 * D + i++ * 60_000)
      }
    }
    for (const [personId, p] of Object.entries(PROFILES)) {
      const person = persons.find((x) => x._id === personId)
      if (!person) continue
      const existing = await tx.get('volunteerProfiles', personId)
      await tx.put('volunteerProfiles', {
        _id: personId,
        skills: p.skills ?? existing?.skills ?? ['其他'],
        orgUnitId: person.orgUnitId,
        available: existing?.available ?? true,
        availability: p.availability,
        createdAt: existing?.createdAt ?? created,
        updatedAt: now - 7 * D
      })
    }
  })

  // Past shifts, served through the attendance and ledger functions step by step as it happened (in one
  // transaction: each step reads what the one before wrote).
  await store.transaction(async (tx) => {
    const pastShifts = new Map<string, VolunteerShiftDoc>()
    for (const [activityId, id, days, from, to, label, place] of PAST) {
      const activity = activityById.get(activityId)!
      const day = addDays(today, days)
      const shift = shiftDoc(activity, id, day, from, to, label, place, 8, [], beijingTime(day, '08:00') - 7 * D)
      pastShifts.set(id, shift)
      await tx.put('volunteerShifts', shift)
      await openPool(tx, shiftCounterId(id), shift.capacity)
      for (const [sid, personId] of SERVED)
        if (sid === id && exists(personId)) await signUp(tx, shift, personId, shift.startAt - 5 * D)
    }
    for (const [shiftId, personId, inMin, outMin] of SERVED) {
      const person = persons.find((p) => p._id === personId)
      const shift = pastShifts.get(shiftId)
      if (!person || !shift) continue
      const account = personId === 'p-wangjianguo' ? 'local:wangjianguo' : 'seed'
      const base = { shiftId, person, method: 'scan' as const, actorAccountId: account, reason: null }
      const inAt = shift.startAt + inMin * 60_000
      await recordCheckIn(tx, { ...base, direction: 'in', at: inAt, now: inAt })
      if (outMin !== null) {
        const outAt = shift.startAt + outMin * 60_000
        await recordCheckOut(tx, { ...base, direction: 'out', at: outAt, now: outAt })
      }
    }
    // Staff corrected one (he really left at 11:30), and the forgotten check-out was settled at the next look.
    const corrected = pastShifts.get('vs-guanai-p12')!
    const attendance = (await tx.get('shiftAttendance', attendanceId(corrected._id, 'p-wangjianguo')))!
    await correctShift(tx, {
      shift: corrected,
      activity: activityById.get(corrected.activityId)!,
      attendance,
      minutes: 150,
      reason: '实际 11:30 才离开，签退时点早了',
      staffAccountId: 'local:chenjing',
      actorAccountId: 'local:chenjing',
      now: corrected.endAt + D
    })
    await settleForgotten(tx, 'vs-guanai-p5', 'p-wangjianguo', pastShifts.get('vs-guanai-p5')!.endAt + D)
  })
}
