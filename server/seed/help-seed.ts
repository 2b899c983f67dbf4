/**
 * Demo data for help requests and the minimal skills pool: the seeded volunteers' profiles, and a handful of
 * requests in different states (one urgent and overdue, one 代办 by 张晓燕, one rated) so the staff queue,
 * the volunteer's tasks and the elder's history all have something to show.
 */
import type { Tx } from '../storage/port'
import type { HelpEventDoc, HelpRequestDoc, PersonDoc, VolunteerProfileDoc } from '../storage/schema'
import { eventId } from '../domain/help/status-machine'

const H = 3600_000
const D = 24 * H

/** Seeded requests' ids (fixed, so tests and screenshots can open them). */
export const DEMO_HELP_IDS = {
  rated: 'hr_seed00000000000000000000000c41a7',
  assignedClinic: 'hr_seed00000000000000000000000d2b90',
  urgentOverdue: 'hr_seed00000000000000000000000e7f35',
  policyOverdue: 'hr_seed00000000000000000000000a6e12',
  dunhuangAccepted: 'hr_seed00000000000000000000000b9c48'
} as const

/** personId → skills; the county comes from the roster. 王建国 and the wx:seed-volunteer-* accounts. */
export const DEMO_VOLUNTEER_SKILLS: Record<string, string[]> = {
  'p-wangjianguo': ['医疗保健', '政策宣讲'],
  'p-001': ['科技服务', '其他'],
  'p-002': ['法律咨询', '矛盾调解'],
  'p-003': ['教育辅导', '文化艺术', '法律咨询']
}

export function demoVolunteerProfiles(persons: PersonDoc[], now: number): VolunteerProfileDoc[] {
  return Object.entries(DEMO_VOLUNTEER_SKILLS).map(([personId, skills]) => ({
    _id: personId,
    skills,
    orgUnitId: persons.find((p) => p._id === personId)?.orgUnitId ?? 'org-jq',
    available: true,
    updatedAt: now
  }))
}

type Step = [
  kind: HelpEventDoc['kind'],
  toStatus: HelpRequestDoc['status'],
  ago: number,
  actor: string,
  actorLabel: string,
  note?: string,
  assigneeLabel?: string
]

interface DemoRequest {
  doc: Omit<
    HelpRequestDoc,
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'acceptedAt'
    | 'assignedAt'
    | 'startedAt'
    | 'completedAt'
    | 'closedAt'
    | 'orgUnitId'
  >
  steps: Step[]
}

const blank: Pick<
  HelpRequestDoc,
  'photos' | 'returnReason' | 'withdrawReason' | 'rating' | 'assigneeAccountId' | 'assigneeKind' | 'assigneeName'
> = {
  photos: [],
  returnReason: null,
  withdrawReason: null,
  rating: null,
  assigneeAccountId: null,
  assigneeKind: null,
  assigneeName: null
}

function demoRequests(now: number): DemoRequest[] {
  return [
    {
      doc: {
        ...blank,
        _id: 'hr_seed00000000000000000000000c41a7',
        personId: 'p-zhangguilan',
        requesterAccountId: 'local:zhangguilan',
        category: '家政维修',
        description: '厨房水龙头一直滴水，关不紧，想请人来换一个。',
        preferredDay: null,
        preferredPeriod: 'morning',
        address: '肃州区东关街道富康家园 3 号楼 2 单元 401',
        phone: '13909371001',
        urgency: 'normal',
        status: 'rated',
        assigneeAccountId: 'local:wangjianguo',
        assigneeKind: 'volunteer',
        assigneeName: '王建国',
        rating: { stars: 5, comment: '王师傅很细心，谢谢！', at: now - 5 * D, byAccountId: 'local:zhangguilan' }
      },
      steps: [
        ['submitted', 'submitted', 7 * D, 'local:zhangguilan', '张桂兰（本人）'],
        ['accepted', 'accepted', 7 * D - 2 * H, 'local:chenjing', '陈静（工作人员）'],
        ['assigned', 'assigned', 7 * D - 2 * H, 'local:chenjing', '陈静（工作人员）', undefined, '王建国（志愿者）'],
        ['started', 'in_progress', 6 * D, 'local:wangjianguo', '王建国（志愿者）'],
        [
          'completed',
          'completed',
          6 * D - 1 * H,
          'local:wangjianguo',
          '王建国（志愿者）',
          '换了新的水龙头，试过不漏水了。'
        ],
        ['rated', 'rated', 5 * D, 'local:zhangguilan', '张桂兰（本人）', '★★★★★ 王师傅很细心，谢谢！']
      ]
    },
    {
      doc: {
        ...blank,
        _id: 'hr_seed00000000000000000000000d2b90',
        personId: 'p-zhangguilan',
        requesterAccountId: 'local:zhangxiaoyan',
        category: '就医陪护',
        description: '母亲下周要去市人民医院复查心脏，我在外地回不来，想请人陪同挂号、取药。',
        preferredDay: null,
        preferredPeriod: 'morning',
        address: '肃州区东关街道富康家园 3 号楼 2 单元 401',
        phone: '13800138021',
        urgency: 'normal',
        status: 'assigned',
        assigneeAccountId: 'local:wangjianguo',
        assigneeKind: 'volunteer',
        assigneeName: '王建国'
      },
      steps: [
        ['submitted', 'submitted', 1 * D, 'local:zhangxiaoyan', '张晓燕（女儿）代 张桂兰'],
        ['accepted', 'accepted', 1 * D - 1 * H, 'local:chenjing', '陈静（工作人员）'],
        ['assigned', 'assigned', 1 * D - 1 * H, 'local:chenjing', '陈静（工作人员）', undefined, '王建国（志愿者）']
      ]
    },
    {
      doc: {
        ...blank,
        _id: 'hr_seed00000000000000000000000e7f35',
        personId: 'p-009',
        requesterAccountId: 'seed',
        category: '生活照料',
        description: '老伴腿摔伤了，行动不便，这两天需要人帮忙买菜、做饭。',
        preferredDay: null,
        preferredPeriod: 'any',
        address: '肃州区西峰路 12 号院 5 号楼 101',
        phone: '13909372009',
        urgency: 'urgent',
        status: 'submitted'
      },
      steps: [['submitted', 'submitted', 2 * H, 'seed', '本人']]
    },
    {
      doc: {
        ...blank,
        _id: 'hr_seed00000000000000000000000a6e12',
        personId: 'p-017',
        requesterAccountId: 'seed',
        category: '政策咨询',
        description: '想了解离休干部医疗费报销的新规定，需要准备哪些材料。',
        preferredDay: null,
        preferredPeriod: 'afternoon',
        address: '肃州区北大街 8 号',
        phone: '13909372017',
        urgency: 'normal',
        status: 'submitted'
      },
      steps: [['submitted', 'submitted', 4 * D, 'seed', '本人']]
    },
    {
      doc: {
        ...blank,
        _id: 'hr_seed00000000000000000000000b9c48',
        personId: 'p-lideming',
        requesterAccountId: 'local:lideming',
        category: '法律咨询',
        description: '老房子拆迁补偿协议有几条看不懂，想请懂法律的同志帮忙看看。',
        preferredDay: null,
        preferredPeriod: 'any',
        address: '敦煌市沙州镇阳关中路 66 号',
        phone: '13909371002',
        urgency: 'normal',
        status: 'accepted'
      },
      steps: [
        ['submitted', 'submitted', 3 * D, 'local:lideming', '李德明（本人）'],
        ['accepted', 'accepted', 2 * D, 'local:liufang', '刘芳（工作人员）']
      ]
    }
  ]
}

const STAMP: Partial<Record<HelpEventDoc['kind'], keyof HelpRequestDoc>> = {
  accepted: 'acceptedAt',
  assigned: 'assignedAt',
  claimed: 'assignedAt',
  started: 'startedAt',
  completed: 'completedAt',
  rated: 'closedAt',
  withdrawn: 'closedAt',
  returned: 'closedAt'
}

export async function seedHelp(tx: Tx, persons: PersonDoc[], now: number): Promise<void> {
  for (const p of demoVolunteerProfiles(persons, now)) await tx.put('volunteerProfiles', p)
  for (const { doc, steps } of demoRequests(now)) {
    const person = persons.find((p) => p._id === doc.personId)
    if (!person) continue
    const full: HelpRequestDoc = {
      ...doc,
      orgUnitId: person.orgUnitId,
      createdAt: now - steps[0][2],
      updatedAt: now - steps[steps.length - 1][2],
      version: steps.length,
      acceptedAt: null,
      assignedAt: null,
      startedAt: null,
      completedAt: null,
      closedAt: null
    }
    let from: HelpRequestDoc['status'] | null = null
    for (const [i, [kind, to, ago, actor, actorLabel, note, assigneeLabel]] of steps.entries()) {
      const stamp = STAMP[kind]
      if (stamp) (full as unknown as Record<string, unknown>)[stamp] = now - ago
      await tx.put('helpEvents', {
        _id: eventId(doc._id, i + 1),
        requestId: doc._id,
        version: i + 1,
        at: now - ago,
        kind,
        fromStatus: from,
        toStatus: to,
        actorAccountId: actor,
        subjectPersonId: doc.personId,
        actorLabel:
          kind === 'submitted' && actor === 'seed' ? `${person.name}（本人，电话求助由工作人员录入）` : actorLabel,
        note: note ?? null,
        assigneeLabel: assigneeLabel ?? null
      })
      from = to
    }
    await tx.put('helpRequests', full)
    // What the router writes for a 代办 write, so the elder's "替我办过的事" shows it.
    if (
      doc.requesterAccountId.startsWith('local:') &&
      doc.requesterAccountId !== 'local:zhangguilan' &&
      doc.personId === 'p-zhangguilan'
    ) {
      await tx.put('audit', {
        _id: `proxy:seed:${doc._id}`,
        at: full.createdAt,
        actorAccountId: doc.requesterAccountId,
        subjectPersonId: doc.personId,
        action: 'help.create',
        target: 'proxy',
        detail: { input: { category: doc.category, urgency: doc.urgency }, resultId: doc._id }
      })
    }
  }
}
