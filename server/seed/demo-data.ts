/**
 * The demo deployment: 酒泉市委老干部局 and its seven counties, party branches, about forty retirees, family
 * members, volunteers, two staff accounts and an admin, and activities over the coming two weeks.
 * Deterministic (a seeded PRNG) apart from being anchored to "today" in Asia/Shanghai.
 */
import type { ActivityType, Audience } from '../../types/actions/activities'
import type { Role } from '../../types/roles'
import { addDays, beijingTime, businessDay } from '../../types/time'
import type { AccountDoc, ActivityDoc, BranchDoc, FamilyBindingDoc, OrgUnitDoc, PersonDoc } from '../storage/schema'
import { prng } from './prng'

export const BUREAU_ID = 'org-jq'

export const ORG_UNITS: OrgUnitDoc[] = [
  {
    _id: BUREAU_ID,
    name: '酒泉市委老干部局',
    kind: 'bureau',
    parentId: null,
    liaisonPhone: '0937-2612001',
    dutyPhone: '0937-2612000',
    order: 0
  },
  {
    _id: 'org-sz',
    name: '肃州区',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-2612101',
    dutyPhone: '0937-2612100',
    order: 1
  },
  {
    _id: 'org-ym',
    name: '玉门市',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-3312101',
    dutyPhone: '0937-3312100',
    order: 2
  },
  {
    _id: 'org-dh',
    name: '敦煌市',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-8812101',
    dutyPhone: '0937-8812100',
    order: 3
  },
  {
    _id: 'org-jt',
    name: '金塔县',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-4412101',
    dutyPhone: '0937-4412100',
    order: 4
  },
  {
    _id: 'org-gz',
    name: '瓜州县',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-5512101',
    dutyPhone: '0937-5512100',
    order: 5
  },
  {
    _id: 'org-sb',
    name: '肃北县',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-8212101',
    dutyPhone: '0937-8212100',
    order: 6
  },
  {
    _id: 'org-aks',
    name: '阿克塞县',
    kind: 'county',
    parentId: BUREAU_ID,
    liaisonPhone: '0937-8312101',
    dutyPhone: '0937-8312100',
    order: 7
  }
]

export const BRANCHES: BranchDoc[] = [
  { _id: 'br-jq-1', name: '市直离退休干部第一党支部', orgUnitId: BUREAU_ID },
  { _id: 'br-sz-1', name: '肃州区老干部第一党支部', orgUnitId: 'org-sz' },
  { _id: 'br-sz-2', name: '肃州区老干部第二党支部', orgUnitId: 'org-sz' },
  { _id: 'br-ym-1', name: '玉门市老干部党支部', orgUnitId: 'org-ym' },
  { _id: 'br-dh-1', name: '敦煌市老干部党支部', orgUnitId: 'org-dh' },
  { _id: 'br-jt-1', name: '金塔县老干部党支部', orgUnitId: 'org-jt' }
]

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'
const GIVEN_M = [
  '建国',
  '德明',
  '志强',
  '文华',
  '国庆',
  '振华',
  '永福',
  '学军',
  '宝山',
  '长青',
  '树林',
  '春生',
  '玉堂',
  '景山',
  '守仁'
]
const GIVEN_F = [
  '桂兰',
  '秀英',
  '玉珍',
  '淑芬',
  '凤英',
  '素琴',
  '兰芳',
  '翠花',
  '月梅',
  '惠英',
  '金凤',
  '丽华',
  '雪梅',
  '瑞芝',
  '爱莲'
]
const FORMER_UNITS = [
  '市财政局',
  '市教育局',
  '市卫生健康委',
  '市人民医院',
  '市农业农村局',
  '市水务局',
  '县政府办公室',
  '县委组织部',
  '市供销社',
  '市中级人民法院',
  '市自然资源局',
  '酒钢集团'
]
const LEVELS = ['正处级', '副处级', '正科级', '副科级', '科员', '正县级', '副县级']

/** Fixed demo people first (they have demo logins), then a generated roster. */
const FIXED: Omit<PersonDoc, 'createdAt' | 'updatedAt'>[] = [
  {
    _id: 'p-zhangguilan',
    name: '张桂兰',
    gender: 'female',
    birthDate: '1948-09-09',
    birthCalendar: 'lunar',
    phone: '13909371001',
    formerUnit: '市教育局',
    retirementLevel: '副处级',
    orgUnitId: 'org-sz',
    branchId: 'br-sz-1',
    partyMember: true,
    frail: false
  },
  {
    _id: 'p-lideming',
    name: '李德明',
    gender: 'male',
    birthDate: '1951-03-15',
    birthCalendar: 'solar',
    phone: '13909371002',
    formerUnit: '市卫生健康委',
    retirementLevel: '正科级',
    orgUnitId: 'org-dh',
    branchId: 'br-dh-1',
    partyMember: false,
    frail: false
  },
  {
    _id: 'p-wangjianguo',
    name: '王建国',
    gender: 'male',
    birthDate: '1959-10-01',
    birthCalendar: 'solar',
    phone: '13909371003',
    formerUnit: '市人民医院',
    retirementLevel: '副处级',
    orgUnitId: 'org-sz',
    branchId: 'br-sz-2',
    partyMember: true,
    frail: false
  },
  {
    _id: 'p-zhaoshuzhen',
    name: '赵淑珍',
    gender: 'female',
    birthDate: '1940-12-20',
    birthCalendar: 'lunar',
    phone: null,
    formerUnit: '市供销社',
    retirementLevel: '科员',
    orgUnitId: 'org-sz',
    branchId: 'br-sz-1',
    partyMember: true,
    frail: true
  }
]

export function demoPersons(now: number): PersonDoc[] {
  const rand = prng(20261129)
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T
  const counties = ORG_UNITS.map((u) => u._id)
  const out: PersonDoc[] = FIXED.map((p) => ({ ...p, createdAt: now, updatedAt: now }))
  const used = new Set(out.map((p) => p.name))
  let n = 0
  while (out.length < 42) {
    const female = rand() < 0.45
    const name = pick<string>(SURNAMES) + (female ? pick(GIVEN_F) : pick(GIVEN_M))
    if (used.has(name)) continue
    used.add(name)
    n += 1
    const orgUnitId = counties[n % counties.length]
    const branches = BRANCHES.filter((b) => b.orgUnitId === orgUnitId)
    const partyMember = rand() < 0.7
    const year = 1938 + Math.floor(rand() * 24)
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0')
    out.push({
      _id: `p-${String(n).padStart(3, '0')}`,
      name,
      gender: female ? 'female' : 'male',
      birthDate: `${year}-${month}-${day}`,
      birthCalendar: rand() < 0.3 ? 'lunar' : 'solar',
      phone: rand() < 0.85 ? `139093${String(72000 + n).padStart(5, '0')}` : null,
      formerUnit: pick(FORMER_UNITS),
      retirementLevel: pick(LEVELS),
      orgUnitId,
      branchId: partyMember && branches.length ? branches[n % branches.length]._id : null,
      partyMember,
      frail: year < 1942 && rand() < 0.5,
      createdAt: now,
      updatedAt: now
    })
  }
  return out
}

function account(
  _id: string,
  displayName: string,
  roles: Role[],
  extra: Partial<AccountDoc> & Pick<AccountDoc, 'createdAt'>
): AccountDoc {
  return {
    _id,
    kind: _id.startsWith('wx:') ? 'wechat' : 'local',
    displayName,
    roles,
    personId: null,
    orgUnitId: null,
    phone: null,
    passwordHash: null,
    demo: null,
    ...extra
  }
}

/** Accounts. Local staff/admin accounts get a password hash from the caller (demo passwords are printed). */
export function demoAccounts(now: number, passwordHash: (username: string) => string): AccountDoc[] {
  return [
    account('local:zhangguilan', '张桂兰', ['retiree'], {
      personId: 'p-zhangguilan',
      phone: '13909371001',
      demo: { label: '老干部', order: 1 },
      createdAt: now
    }),
    account('local:lideming', '李德明', ['retiree'], {
      personId: 'p-lideming',
      phone: '13909371002',
      demo: { label: '老干部（敦煌）', order: 2 },
      createdAt: now
    }),
    account('local:wangjianguo', '王建国', ['retiree', 'volunteer'], {
      personId: 'p-wangjianguo',
      phone: '13909371003',
      demo: { label: '志愿者', order: 3 },
      createdAt: now
    }),
    account('local:zhangxiaoyan', '张晓燕', ['family'], {
      phone: '13800138021',
      demo: { label: '家属（张桂兰的女儿）', order: 4 },
      createdAt: now
    }),
    account('local:liufang', '刘芳', ['staff'], {
      orgUnitId: BUREAU_ID,
      phone: '13909370101',
      demo: { label: '工作人员（市局）', order: 5 },
      passwordHash: passwordHash('liufang'),
      createdAt: now
    }),
    account('local:chenjing', '陈静', ['staff'], {
      orgUnitId: 'org-sz',
      phone: '13909370102',
      demo: { label: '工作人员（肃州区）', order: 6 },
      passwordHash: passwordHash('chenjing'),
      createdAt: now
    }),
    account('local:admin', '系统管理员', ['admin'], {
      orgUnitId: BUREAU_ID,
      demo: { label: '管理员', order: 7 },
      passwordHash: passwordHash('admin'),
      createdAt: now
    }),
    // Volunteers and a second family member without demo logins (they appear in lists). An account on a roster
    // person carries that person's name (tests/unit/seed-names.test.ts).
    account('wx:seed-volunteer-1', '吕春生', ['retiree', 'volunteer'], { personId: 'p-001', createdAt: now }),
    account('wx:seed-volunteer-2', '程兰芳', ['retiree', 'volunteer'], { personId: 'p-002', createdAt: now }),
    account('wx:seed-volunteer-3', '肖宝山', ['retiree', 'volunteer'], { personId: 'p-003', createdAt: now }),
    account('wx:seed-family-2', '李明', ['family'], { phone: '13800138022', createdAt: now })
  ]
}

export function demoBindings(now: number): FamilyBindingDoc[] {
  return [
    {
      _id: 'local:zhangxiaoyan:p-zhangguilan',
      accountId: 'local:zhangxiaoyan',
      personId: 'p-zhangguilan',
      relation: '女儿',
      status: 'active',
      createdAt: now,
      confirmedAt: now,
      confirmedBy: 'local:zhangguilan',
      endedAt: null,
      endedBy: null
    }
  ]
}

interface ActivitySeed {
  id: string
  title: string
  type: ActivityType
  day: number
  time: string
  hours: number
  place: string
  capacity: number | null
  audience: Audience
  orgUnitId: string
  description: string
  status?: ActivityDoc['status']
  points?: number
}

const ACTIVITY_SEEDS: ActivitySeed[] = [
  {
    id: 'a-taiji-0',
    title: '太极拳晨练',
    type: '文体活动',
    day: 0,
    time: '07:30',
    hours: 1,
    place: '肃州区老年活动中心广场',
    capacity: 30,
    audience: { kind: 'county', orgUnitId: 'org-sz' },
    orgUnitId: 'org-sz',
    description: '跟着老师一起练二十四式太极拳。请穿宽松衣服和平底鞋，天冷注意保暖。'
  },
  {
    id: 'a-xuanjiang-0',
    title: '学习贯彻全会精神宣讲会',
    type: '宣讲',
    day: 0,
    time: '09:30',
    hours: 2,
    place: '市委老干部局三楼会议室',
    capacity: 80,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '五老宣讲团成员宣讲全会精神，会后座谈交流。请带上老花镜和笔记本。'
  },
  {
    id: 'a-shufa-0',
    title: '老年大学书法班',
    type: '老年大学',
    day: 0,
    time: '15:00',
    hours: 2,
    place: '酒泉老年大学201教室',
    capacity: 20,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '楷书基础课，本次练习横画和竖画。笔墨纸砚由学校提供。'
  },
  {
    id: 'a-phone-1',
    title: '智能手机使用培训',
    type: '讲座',
    day: 1,
    time: '09:00',
    hours: 2,
    place: '肃州区老干部活动中心一楼',
    capacity: 3,
    audience: { kind: 'all' },
    orgUnitId: 'org-sz',
    description: '手把手教您用微信视频通话、扫码签到、看健康码。请带上自己的手机。'
  },
  {
    id: 'a-dangri-1',
    title: '主题党日：重温入党誓词',
    type: '组织生活',
    day: 1,
    time: '14:30',
    hours: 2,
    place: '市委老干部局党员活动室',
    capacity: null,
    audience: { kind: 'party' },
    orgUnitId: 'org-jq',
    description: '全体党员重温入党誓词，交流学习体会。行动不便的同志可由支部安排送学上门。'
  },
  {
    id: 'a-health-2',
    title: '冬季健康讲座：预防心脑血管疾病',
    type: '讲座',
    day: 2,
    time: '09:30',
    hours: 2,
    place: '市人民医院学术报告厅',
    capacity: 60,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '心内科主任医师讲解冬季心脑血管疾病的预防，现场免费量血压。'
  },
  {
    id: 'a-branch-3',
    title: '肃州区第一党支部组织生活会',
    type: '组织生活',
    day: 3,
    time: '10:00',
    hours: 2,
    place: '肃州区老干部活动中心党员之家',
    capacity: null,
    audience: { kind: 'branch', branchId: 'br-sz-1' },
    orgUnitId: 'org-sz',
    description: '支部书记传达上级精神，开展批评与自我批评。'
  },
  {
    id: 'a-dh-4',
    title: '敦煌市老干部迎新春文艺排练',
    type: '文体活动',
    day: 4,
    time: '15:00',
    hours: 2,
    place: '敦煌市文化馆排练厅',
    capacity: 40,
    audience: { kind: 'county', orgUnitId: 'org-dh' },
    orgUnitId: 'org-dh',
    description: '排练迎新春联欢会节目：合唱《我和我的祖国》、秦腔选段。'
  },
  {
    id: 'a-volunteer-5',
    title: '关爱空巢老人上门探访',
    type: '志愿服务',
    day: 5,
    time: '09:00',
    hours: 3,
    place: '肃州区东关街道',
    capacity: 10,
    audience: { kind: 'all' },
    orgUnitId: 'org-sz',
    description: '两人一组上门探访空巢老人，帮助打扫卫生、聊天谈心，了解困难需求。'
  },
  {
    id: 'a-shufa-7',
    title: '老年大学书法班',
    type: '老年大学',
    day: 7,
    time: '15:00',
    hours: 2,
    place: '酒泉老年大学201教室',
    capacity: 20,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '楷书基础课，本次练习点画和撇画。'
  },
  {
    id: 'a-ym-8',
    title: '玉门市老干部健步走',
    type: '文体活动',
    day: 8,
    time: '10:00',
    hours: 2,
    place: '玉门市人民公园',
    capacity: 50,
    audience: { kind: 'county', orgUnitId: 'org-ym' },
    orgUnitId: 'org-ym',
    description: '绕公园健步走三公里，量力而行，沿途有工作人员和医生。'
  },
  {
    id: 'a-law-10',
    title: '老年人防诈骗法律讲座',
    type: '讲座',
    day: 10,
    time: '09:30',
    hours: 2,
    place: '市委老干部局三楼会议室',
    capacity: 80,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '市公安局民警讲解常见诈骗手法：冒充公检法、保健品推销、虚假投资理财。'
  },
  {
    id: 'a-tea-12',
    title: '新春茶话会',
    type: '其他',
    day: 12,
    time: '10:00',
    hours: 2,
    place: '酒泉宾馆多功能厅',
    capacity: 120,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '局领导向老同志通报全年工作，共迎新春。',
    points: 3
  },
  {
    id: 'a-draft-9',
    title: '（草稿）书画作品展筹备会',
    type: '其他',
    day: 9,
    time: '10:00',
    hours: 1,
    place: '市委老干部局二楼会议室',
    capacity: 15,
    audience: { kind: 'all' },
    orgUnitId: 'org-jq',
    description: '筹备书画作品展，确认展品和布展分工。',
    status: 'draft'
  },
  {
    id: 'a-cancel-6',
    title: '金塔县胡杨林采风',
    type: '文体活动',
    day: 6,
    time: '08:30',
    hours: 6,
    place: '金塔县胡杨林景区',
    capacity: 30,
    audience: { kind: 'county', orgUnitId: 'org-jt' },
    orgUnitId: 'org-jt',
    description: '因天气原因取消，改期另行通知。',
    status: 'cancelled'
  }
]

export function demoActivities(now: number): ActivityDoc[] {
  const today = businessDay(now)
  return ACTIVITY_SEEDS.map((s) => {
    const day = addDays(today, s.day)
    const startAt = beijingTime(day, s.time)
    const endAt = startAt + s.hours * 3600_000
    return {
      _id: s.id,
      title: s.title,
      type: s.type,
      description: s.description,
      place: s.place,
      startAt,
      endAt,
      // Sign-up closes an hour before the start (same-day activities stay open until then).
      signupDeadline: startAt - 3600_000,
      capacity: s.capacity,
      points: s.points ?? null,
      audience: s.audience,
      orgUnitId: s.orgUnitId,
      status: s.status ?? 'published',
      checkinOpensBeforeMin: 30,
      allowWalkIn: s.type !== '组织生活',
      contactPhone: ORG_UNITS.find((u) => u._id === s.orgUnitId)?.liaisonPhone ?? null,
      createdBy: s.orgUnitId === 'org-sz' ? 'local:chenjing' : 'local:liufang',
      createdAt: now - 3 * 24 * 3600_000,
      updatedAt: now - 3 * 24 * 3600_000
    }
  })
}

/** Sign-ups [activityId, personId, status]. The 3-place phone class is full with one on the waitlist. */
export const DEMO_SIGNUPS: [string, string, 'signed' | 'waitlisted'][] = [
  ['a-xuanjiang-0', 'p-zhangguilan', 'signed'],
  ['a-xuanjiang-0', 'p-wangjianguo', 'signed'],
  ['a-xuanjiang-0', 'p-001', 'signed'],
  ['a-health-2', 'p-zhangguilan', 'signed'],
  ['a-phone-1', 'p-001', 'signed'],
  ['a-phone-1', 'p-002', 'signed'],
  ['a-phone-1', 'p-003', 'signed'],
  ['a-phone-1', 'p-004', 'waitlisted'],
  ['a-volunteer-5', 'p-wangjianguo', 'signed'],
  ['a-shufa-0', 'p-lideming', 'signed']
]
