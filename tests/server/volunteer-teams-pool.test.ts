/**
 * Teams and the 银发人才库 on both adapters: asking to join, the leader's and staff's decisions (and who may
 * not decide), team-only shifts, 代办 per action, the skills profile with its configurable intake age limit,
 * staff search by skill and county, and the help work's suggestions reading the same profiles.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { DEMO_VOLUNTEER } from '../../server/seed/volunteer-seed'

const GUANAI = DEMO_VOLUNTEER.teams.guanai // 肃州区关爱团, led by 王建国
const ZHANG = 'p-zhangguilan'

describe.each(ADAPTERS)('volunteer teams and skills pool ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  it('lists teams with their members and the reader’s own status, her county first', async () => {
    const { items } = await h.as(ACCOUNTS.retiree).ok('volunteer.teams', {})
    expect(items.map((t) => t.name)).toEqual(
      expect.arrayContaining(['肃州区关爱团', '五老宣讲团', '肃州区第二党支部志愿服务队'])
    )
    expect(items.findIndex((t) => t.id === GUANAI)).toBeLessThan(
      items.findIndex((t) => t.id === DEMO_VOLUNTEER.teams.wulao)
    )
    const guanai = items.find((t) => t.id === GUANAI)!
    expect(guanai).toMatchObject({
      kind: '关爱团',
      leaderName: '王建国',
      memberCount: 4,
      myStatus: null,
      pendingCount: null
    })
    const detail = await h.as(ACCOUNTS.retiree).ok('volunteer.team', { id: GUANAI })
    expect(detail.members[0]).toMatchObject({ name: '王建国', role: 'leader', minutes: null })
    expect(detail.requests).toEqual([])
    expect(detail.canManage).toBe(false)
    expect(detail.upcoming.map((s) => s.id)).toContain(DEMO_VOLUNTEER.todayShift)
  })

  it('joins through the leader’s approval, which makes her a volunteer; team-only shifts open to her then', async () => {
    const shiftId = DEMO_VOLUNTEER.todayShift // team-only
    expect(await h.as(ACCOUNTS.retiree).call('volunteer.signup', { shiftId })).toMatchObject({
      ok: false,
      code: 'NOT_TEAM_MEMBER'
    })
    expect(
      (await h.as(ACCOUNTS.retiree).ok('volunteer.activity', { id: DEMO_VOLUNTEER.activities.guanai })).signupBlock
    ).toContain('肃州区关爱团')

    expect(await h.as(ACCOUNTS.retiree).ok('volunteer.joinTeam', { teamId: GUANAI, note: '我会量血压' })).toEqual({
      teamId: GUANAI,
      status: 'pending',
      already: false
    })
    expect(await h.as(ACCOUNTS.retiree).ok('volunteer.joinTeam', { teamId: GUANAI })).toMatchObject({
      status: 'pending',
      already: true
    })
    expect(await h.store.count('messages', { toPersonId: 'p-wangjianguo', title: '入队申请：张桂兰' })).toBe(1)

    // The leader sees the request (and members' hours); others may not decide.
    const asLeader = await h.as(ACCOUNTS.volunteer).ok('volunteer.team', { id: GUANAI })
    expect(asLeader.canManage).toBe(true)
    expect(asLeader.requests.map((r) => r.name)).toEqual(expect.arrayContaining(['张桂兰']))
    expect(asLeader.members.find((m) => m.name === '王建国')!.minutes).toBeGreaterThan(0)
    expect(
      await h.as('wx:seed-volunteer-1').call('volunteer.decideJoin', { teamId: GUANAI, personId: ZHANG, approve: true })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await h.as(ACCOUNTS.volunteer).call('volunteer.decideJoin', { teamId: GUANAI, personId: ZHANG, approve: false })
    ).toMatchObject({ ok: false, code: 'REASON_REQUIRED' })

    expect(
      await h.as(ACCOUNTS.volunteer).ok('volunteer.decideJoin', { teamId: GUANAI, personId: ZHANG, approve: true })
    ).toEqual({ teamId: GUANAI, personId: ZHANG, status: 'member' })
    expect((await h.store.get('accounts', ACCOUNTS.retiree))!.roles).toEqual(['retiree', 'volunteer'])
    // Joining her first team gave her a volunteer number no one else has.
    const numbers = (await h.store.find('persons', { limit: 1000 })).map((p) => p.volunteerNo).filter(Boolean)
    const hers = (await h.store.get('persons', ZHANG))!.volunteerNo
    expect(hers).toMatch(/^YL\d{6}$/)
    expect(numbers.filter((n) => n === hers)).toHaveLength(1)
    expect(await h.store.count('messages', { toPersonId: ZHANG, title: '已加入「肃州区关爱团」' })).toBe(1)
    expect(
      await h.as(ACCOUNTS.volunteer).call('volunteer.decideJoin', { teamId: GUANAI, personId: ZHANG, approve: true })
    ).toMatchObject({ ok: false, code: 'ALREADY_DONE' })

    expect(await h.as(ACCOUNTS.retiree).ok('volunteer.signup', { shiftId })).toMatchObject({ status: 'signed' })
    expect((await h.as(ACCOUNTS.retiree).ok('volunteer.teams', {})).items.find((t) => t.id === GUANAI)).toMatchObject({
      myStatus: 'member',
      memberCount: 5
    })
    // At 78 she is past the 银发人才库 intake age: her help task list says why it will stay empty.
    const tasks = await h.as(ACCOUNTS.retiree).ok('help.tasks', {})
    expect(tasks).toMatchObject({ profile: null, open: [] })
    expect(tasks.notice).toContain('78 岁')
    expect(tasks.notice).toContain('不会有可以接的求助')
    expect(tasks.notice).not.toContain('登记后')
    // A volunteer in the pool, taking requests, needs no notice.
    expect((await h.as('wx:seed-volunteer-1').ok('help.tasks', {})).notice).toBeNull()
  })

  it('lets county staff decide requests with a reason, and keeps staff of other counties out', async () => {
    // 魏凤英 (p-017) asked to join in the seed.
    expect(await h.as(ACCOUNTS.staffCity).ok('volunteer.staff.desk', {})).toMatchObject({
      teams: expect.arrayContaining([expect.objectContaining({ id: GUANAI, pendingCount: 1 })])
    })
    const other = await h.store.transaction(async (tx) => {
      await tx.put('accounts', {
        _id: 'local:dh-staff',
        kind: 'local',
        displayName: '敦煌工作人员',
        roles: ['staff'],
        personId: null,
        orgUnitId: 'org-dh',
        phone: null,
        passwordHash: null,
        demo: null,
        createdAt: 0
      })
      return 'local:dh-staff'
    })
    expect(
      await h.as(other).call('volunteer.decideJoin', { teamId: GUANAI, personId: 'p-017', approve: true })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.decideJoin', {
      teamId: GUANAI,
      personId: 'p-017',
      approve: false,
      reason: '本季度名额已满，下季度再申请'
    })
    expect(await h.store.get('teamMembers', `${GUANAI}:p-017`)).toMatchObject({
      status: 'rejected',
      reason: '本季度名额已满，下季度再申请',
      decidedBy: ACCOUNTS.staffSuzhou
    })
    expect(await h.store.count('audit', { action: 'volunteer.team.reject', subjectPersonId: 'p-017' })).toBe(1)
  })

  it('decides 代办 per action: a family member may view, ask to join and sign up for the elder, not scan or edit skills', async () => {
    const as = { actingFor: ZHANG }
    expect((await h.as(ACCOUNTS.family).ok('volunteer.teams', {}, as)).items.length).toBeGreaterThan(0)
    expect(
      await h.as(ACCOUNTS.family).ok('volunteer.joinTeam', { teamId: DEMO_VOLUNTEER.teams.wulao }, as)
    ).toMatchObject({ status: 'pending' })
    expect(await h.store.get('teamMembers', `${DEMO_VOLUNTEER.teams.wulao}:${ZHANG}`)).toMatchObject({
      requestedBy: ACCOUNTS.family
    })
    expect(await h.as(ACCOUNTS.family).ok('volunteer.signup', { shiftId: 'vs-phone-d4' }, as)).toMatchObject({
      status: 'signed'
    })
    expect(await h.store.get('shiftSignups', `vs-phone-d4:${ZHANG}`)).toMatchObject({ actorAccountId: ACCOUNTS.family })
    for (const action of ['volunteer.joinTeam', 'volunteer.signup'])
      expect(await h.store.count('audit', { target: 'proxy', subjectPersonId: ZHANG, action })).toBe(1)
    const done = (await h.as(ACCOUNTS.retiree).ok('family.doneForMe', {})).items.map((i) => i.text)
    expect(done).toEqual(
      expect.arrayContaining(['申请加入志愿服务队「五老宣讲团」', '报名了志愿服务「智能手机使用辅导」'])
    )
    expect(await h.as(ACCOUNTS.family).call('volunteer.profile', {}, as)).toMatchObject({
      ok: false,
      code: 'PROXY_NOT_ALLOWED'
    })
    expect(await h.as(ACCOUNTS.family).call('volunteer.saveProfile', { skills: ['其他'] }, as)).toMatchObject({
      ok: false,
      code: 'PROXY_NOT_ALLOWED'
    })
    expect(
      await h.as(ACCOUNTS.family).call('volunteer.decideJoin', { teamId: GUANAI, personId: 'p-017', approve: true }, as)
    ).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' })
  })

  it('keeps the intake age limit (configurable) with a clear refusal, while members already in the pool keep editing', async () => {
    // 张桂兰 was born in 1948: 78 at the test's date, over the default limit of 75.
    const page = await h.as(ACCOUNTS.retiree).ok('volunteer.profile', {})
    expect(page).toMatchObject({ profile: null, intakeMaxAge: 75, age: 78, eligible: false })
    expect(page.refusal).toContain('75 岁以下')
    expect(page.skillOptions).toEqual([
      '政策宣讲',
      '医疗保健',
      '法律咨询',
      '文化艺术',
      '教育辅导',
      '科技服务',
      '矛盾调解',
      '其他'
    ])
    const refused = await h
      .as(ACCOUNTS.retiree)
      .call('volunteer.saveProfile', { skills: ['文化艺术'], availability: '周末' })
    expect(refused).toMatchObject({ ok: false, code: 'AGE_LIMIT' })
    expect(!refused.ok && refused.message).toContain('您今年 78 岁')
    expect(await h.store.get('volunteerProfiles', ZHANG)).toBeNull()

    // The bureau raises the limit: now she may join.
    expect(await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.settingsUpdate', { intakeMaxAge: 80 })).toMatchObject(
      { ok: false, code: 'FORBIDDEN' }
    )
    expect(await h.as(ACCOUNTS.staffCity).ok('volunteer.staff.settingsUpdate', { intakeMaxAge: 80 })).toMatchObject({
      intakeMaxAge: 80
    })
    const saved = await h
      .as(ACCOUNTS.retiree)
      .ok('volunteer.saveProfile', { skills: ['文化艺术', '教育辅导'], availability: '周末上午', available: true })
    expect(saved.profile).toMatchObject({
      skills: ['文化艺术', '教育辅导'],
      availability: '周末上午',
      orgUnitName: '肃州区'
    })
    // Lowered again, she is still in the pool and may change it.
    await h.as(ACCOUNTS.admin).ok('volunteer.staff.settingsUpdate', { intakeMaxAge: 70 })
    expect(
      await h
        .as(ACCOUNTS.retiree)
        .ok('volunteer.saveProfile', { skills: ['文化艺术'], availability: '周末', available: false })
    ).toMatchObject({ eligible: true, profile: { available: false } })
    expect(await h.as(ACCOUNTS.retiree).call('volunteer.saveProfile', { skills: ['会飞'] })).toMatchObject({
      ok: false,
      code: 'VALIDATION'
    })
    expect(await h.as(ACCOUNTS.retiree).call('volunteer.saveProfile', { skills: [] })).toMatchObject({
      ok: false,
      code: 'VALIDATION'
    })
  })

  it('finds people in the pool by skill and county, within the staff member’s scope', async () => {
    const all = await h.as(ACCOUNTS.staffCity).ok('volunteer.staff.searchPool', {})
    expect(all.items.length).toBeGreaterThanOrEqual(8)
    const medical = await h.as(ACCOUNTS.staffCity).ok('volunteer.staff.searchPool', { skill: '医疗保健' })
    expect(medical.items.map((i) => i.name)).toEqual(expect.arrayContaining(['王建国', '叶惠英']))
    expect(medical.items.every((i) => i.skills.includes('医疗保健'))).toBe(true)
    const wang = medical.items.find((i) => i.name === '王建国')!
    expect(wang).toMatchObject({
      orgUnitName: '肃州区',
      age: 67,
      availability: '周一到周五上午，周末看情况',
      isVolunteer: true,
      totalMinutes: 530
    })
    expect(wang.teams).toEqual(expect.arrayContaining(['肃州区关爱团', '五老宣讲团']))
    const dunhuang = await h.as(ACCOUNTS.staffCity).ok('volunteer.staff.searchPool', { orgUnitId: 'org-dh' })
    expect(dunhuang.items.length).toBeGreaterThan(0)
    expect(dunhuang.items.every((i) => i.orgUnitName === '敦煌市')).toBe(true)
    // County staff see their county only, and may not ask for another.
    const suzhou = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.searchPool', {})
    expect(suzhou.items.every((i) => i.orgUnitName === '肃州区')).toBe(true)
    expect(await h.as(ACCOUNTS.staffSuzhou).call('volunteer.staff.searchPool', { orgUnitId: 'org-dh' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(await h.as(ACCOUNTS.retiree).call('volunteer.staff.searchPool', {})).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
  })

  it('keeps the help work’s suggestions working on the edited profiles', async () => {
    // 王建国 pauses himself in the pool: no longer suggested for a 就医陪护 request of his county.
    const req = await h.as(ACCOUNTS.retiree).ok('help.create', {
      category: '就医陪护',
      description: '下周二去医院复查，需要人陪',
      address: '肃州区富康家园3号楼',
      phone: '13909371001'
    })
    const before = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.suggestAssignees', { id: req.id })
    expect(before.candidates.find((c) => c.accountId === ACCOUNTS.volunteer)).toMatchObject({
      kind: 'volunteer',
      matchedSkills: ['医疗保健']
    })
    await h
      .as(ACCOUNTS.volunteer)
      .ok('volunteer.saveProfile', { skills: ['医疗保健', '政策宣讲'], availability: '暂停一个月', available: false })
    const after = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.suggestAssignees', { id: req.id })
    expect(after.candidates.find((c) => c.accountId === ACCOUNTS.volunteer)).toBeUndefined()
    await h
      .as(ACCOUNTS.volunteer)
      .ok('volunteer.saveProfile', { skills: ['医疗保健'], availability: '随时', available: true })
    const back = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.suggestAssignees', { id: req.id })
    expect(back.candidates.find((c) => c.accountId === ACCOUNTS.volunteer)).toMatchObject({
      matchedSkills: ['医疗保健']
    })
  })
})
