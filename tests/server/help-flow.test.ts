/**
 * Help requests end to end over the real router, on every storage adapter: asking for an elder (代办), the staff
 * queue, dispatch, the volunteer's work, rating, the timeline, refusals of illegal steps, masking of contact
 * details with audited reveals, and response-time targets.
 */
import type { ActionInput } from '../../types/actions'
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, DEFAULT_NOW, makeHarness, type Harness } from '../support/harness'

const ZHANG = 'p-zhangguilan'
const base: ActionInput<'help.create'> = {
  category: '就医陪护',
  description: '下周二要去医院复查，想请人陪同。',
  address: '肃州区东关街道富康家园 3 号楼 401',
  phone: '13909371001',
  urgency: 'normal'
}

describe.each(ADAPTERS)('help requests on $name', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  const family = () => h.as(ACCOUNTS.family)
  const asFamily = { actingFor: ZHANG }

  it('runs from 代办 to 已评价, with every step on the timeline and in the elder’s own history', async () => {
    const { id, status } = await family().ok('help.create', base, asFamily)
    expect(status).toBe('submitted')

    // The elder sees it among her own requests, and that her daughter did it for her.
    const mine = await h.as(ACCOUNTS.retiree).ok('help.mine', {})
    expect(mine.items.map((c) => c.id)).toContain(id)
    const seen = await h.as(ACCOUNTS.retiree).ok('help.get', { id })
    expect(seen.submittedBy).toBe('张晓燕（女儿）代办')

    // Staff of her county find it in the queue, get 王建国 suggested first, and dispatch it to him.
    const queue = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.queue', {})
    expect(queue.items.map((c) => c.id)).toContain(id)
    const { candidates } = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.suggestAssignees', { id })
    expect(candidates[0]).toMatchObject({
      accountId: ACCOUNTS.volunteer,
      kind: 'volunteer',
      matchedSkills: ['医疗保健']
    })
    expect(candidates.some((c) => c.kind === 'staff' && c.accountId === ACCOUNTS.staffSuzhou)).toBe(true)
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.volunteer })

    // The volunteer works it.
    const tasks = await h.as(ACCOUNTS.volunteer).ok('help.tasks', {})
    expect(tasks.mine.map((c) => c.id)).toContain(id)
    await h.as(ACCOUNTS.volunteer).ok('help.start', { id })
    await h.as(ACCOUNTS.volunteer).ok('help.note', { id, note: '已和家属约好周二 8 点在医院门口见。' })
    await h.as(ACCOUNTS.volunteer).ok('help.complete', { id, note: '陪同挂号、取药，已送回家。' })

    // The daughter rates it for her mother.
    h.clock.advance(60_000)
    const rated = await family().ok('help.rate', { id, stars: 5, comment: '非常感谢' }, asFamily)
    expect(rated.status).toBe('rated')

    const detail = await h.as(ACCOUNTS.retiree).ok('help.get', { id })
    expect(detail.status).toBe('rated')
    expect(detail.rating).toMatchObject({ stars: 5, comment: '非常感谢' })
    expect(detail.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'accepted',
      'assigned',
      'started',
      'note',
      'completed',
      'rated'
    ])
    expect(detail.timeline[0].actor).toBe('张晓燕（女儿）代 张桂兰')
    expect(detail.timeline[1].actor).toBe('陈静（工作人员）')
    expect(detail.timeline[2].text).toBe('已派单给 王建国（志愿者）')
    expect(detail.timeline[3].actor).toBe('王建国（志愿者）')
    expect(detail.timeline[6].actor).toBe('张晓燕（女儿）代 张桂兰')

    // Every 代办 write is in the audit trail with actor and subject, and the elder reads it in plain words.
    const audit = (
      await h.store.find('audit', { where: { subjectPersonId: ZHANG, actorAccountId: ACCOUNTS.family } })
    ).filter((a) => a.detail.resultId === id || (a.detail.input as { id?: string }).id === id)
    expect(audit.map((a) => [a.action, a.target]).sort()).toEqual([
      ['help.create', 'proxy'],
      ['help.rate', 'proxy']
    ])
    const done = await h.as(ACCOUNTS.retiree).ok('family.doneForMe', {})
    expect(done.items.slice(0, 2).map((i) => `${i.actor} ${i.text}`)).toEqual([
      '张晓燕（女儿） 评价了求助「就医陪护」',
      '张晓燕（女儿） 提交了求助「就医陪护」'
    ])
    expect(done.items[0].link).toBe(`/packages/help/detail/index?id=${id}`)

    // Messages went to the elder and to the daughter who asked.
    const toFamily = await h.store.find('messages', { where: { toAccountId: ACCOUNTS.family } })
    expect(toFamily.map((m) => m.title)).toEqual(expect.arrayContaining(['张桂兰的求助已派单', '张桂兰的求助已办完']))
    const toVolunteer = await h.store.find('messages', { where: { toAccountId: ACCOUNTS.volunteer } })
    expect(toVolunteer.map((m) => m.title)).toEqual(
      expect.arrayContaining(['有一件求助请您办理', '您办的求助有了评价'])
    )
  })

  it('tells the family member in words about the elder, and tells them nothing more once the elder unbinds them', async () => {
    const { id } = await family().ok('help.create', base, asFamily)
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.accept', { id })
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.volunteer })
    const dispatched = (await h.store.find('messages', { where: { toAccountId: ACCOUNTS.family } })).find(
      (m) => m.title === '张桂兰的求助已派单'
    )
    expect(dispatched?.body).toBe('由 王建国 为张桂兰办理，会和张桂兰联系。')
    const toElder = (await h.store.find('messages', { where: { toPersonId: ZHANG } })).find(
      (m) => m.title === '您的求助已派单'
    )
    expect(toElder?.body).toBe('由 王建国 为您办理，会和您联系。')

    await h.as(ACCOUNTS.retiree).ok('family.unbind', { bindingId: `${ACCOUNTS.family}:${ZHANG}` })
    const before = (await h.store.find('messages', { where: { toAccountId: ACCOUNTS.family } })).length
    await h.as(ACCOUNTS.volunteer).ok('help.start', { id })
    await h.as(ACCOUNTS.volunteer).ok('help.note', { id, note: '明天下午三点上门修，老人一个人在家' })
    await h.as(ACCOUNTS.volunteer).ok('help.complete', { id, note: '办完了' })
    const after = await h.store.find('messages', { where: { toAccountId: ACCOUNTS.family } })
    expect(after).toHaveLength(before)
    expect(after.map((m) => m.body).join()).not.toContain('老人一个人在家')
    // The elder is still told.
    expect((await h.store.find('messages', { where: { toPersonId: ZHANG } })).map((m) => m.body)).toContain(
      '明天下午三点上门修，老人一个人在家'
    )
  })

  it('tells a volunteer who tries to claim their own request that it is their own', async () => {
    const { id } = await h.as(ACCOUNTS.volunteer).ok('help.create', base)
    const env = await h.as(ACCOUNTS.volunteer).call('help.claim', { id })
    expect(env).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(env.ok === false && env.message).toContain('您自己提交的求助')
    expect(env.ok === false && env.message).not.toContain('服务范围')
    expect((await h.store.get('helpRequests', id))!.assigneeAccountId).toBeNull()
  })

  it('refuses illegal steps with a clear message and writes nothing', async () => {
    const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    const complete = await h.as(ACCOUNTS.staffSuzhou).call('help.complete', { id, note: '办完了' })
    expect(complete).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: '这条求助现在是「已提交」，不能完成。请刷新后再看'
    })
    expect(await h.as(ACCOUNTS.retiree).call('help.rate', { id, stars: 5 })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION'
    })

    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.volunteer })
    await h.as(ACCOUNTS.volunteer).ok('help.start', { id })
    const withdraw = await h.as(ACCOUNTS.retiree).call('help.withdraw', { id })
    expect(withdraw).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(withdraw.ok === false && withdraw.message).toContain('不能撤回')
    const detail = await h.as(ACCOUNTS.retiree).ok('help.get', { id })
    expect(detail.status).toBe('in_progress')
    expect(detail.timeline).toHaveLength(4)

    await h.as(ACCOUNTS.volunteer).ok('help.complete', { id, note: '办完了' })
    await h.as(ACCOUNTS.retiree).ok('help.rate', { id, stars: 4 })
    expect(await h.as(ACCOUNTS.retiree).call('help.rate', { id, stars: 1 })).toMatchObject({
      ok: false,
      code: 'ALREADY_DONE'
    })
  })

  it('lets the requester withdraw before anybody starts, and staff return with a reason', async () => {
    const a = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.accept', { id: a.id })
    expect((await h.as(ACCOUNTS.retiree).ok('help.withdraw', { id: a.id, reason: '邻居已经帮忙了' })).status).toBe(
      'withdrawn'
    )
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('help.staff.assign', { id: a.id, assigneeAccountId: ACCOUNTS.volunteer })
    ).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: '这条求助已经「已撤回」，不能再派单了'
    })

    const b = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    expect(await h.as(ACCOUNTS.staffSuzhou).call('help.staff.return', { id: b.id, reason: '' })).toMatchObject({
      ok: false,
      code: 'VALIDATION'
    })
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.return', { id: b.id, reason: '属于社区服务范围，已转社区' })
    const returned = await h.as(ACCOUNTS.retiree).ok('help.get', { id: b.id })
    expect(returned).toMatchObject({ status: 'returned', returnReason: '属于社区服务范围，已转社区' })
    expect(returned.timeline.at(-1)).toMatchObject({ kind: 'returned', note: '属于社区服务范围，已转社区' })
  })

  it('masks address and phone for all but the requester, the assignee and staff, and logs every reveal', async () => {
    const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', { ...base, category: '家政维修' })
    // Her own: in full, no reveal needed.
    const own = await h.as(ACCOUNTS.retiree).ok('help.get', { id })
    expect(own.contact).toEqual({ address: base.address, phone: base.phone, masked: false })

    // A volunteer who could claim it sees the county and a masked phone, no photos, and may not reveal.
    const sun = 'wx:seed-volunteer-1'
    const open = await h.as(sun).ok('help.get', { id })
    expect(open.contact).toEqual({ address: '肃州区****', phone: '139****1001', masked: true })
    expect(open.photos).toBeNull()
    expect(open.can).toMatchObject({ claim: true, reveal: false })
    expect(await h.as(sun).call('help.revealContact', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    // Staff see it masked too until they reveal; the reveal is audited.
    const staffView = await h.as(ACCOUNTS.staffSuzhou).ok('help.get', { id })
    expect(staffView.contact.masked).toBe(true)
    expect(staffView.can.reveal).toBe(true)
    expect(await h.as(ACCOUNTS.staffSuzhou).ok('help.revealContact', { id })).toEqual({
      address: base.address,
      phone: base.phone
    })
    const reads = await h.store.find('audit', { where: { action: 'help.contact.read' } })
    expect(reads).toEqual([
      expect.objectContaining({
        actorAccountId: ACCOUNTS.staffSuzhou,
        subjectPersonId: ZHANG,
        target: `helpRequests/${id}`
      })
    ])

    // The daughter acting for her may reveal (audited); an unrelated retiree does not even see the request.
    expect(await family().ok('help.revealContact', { id }, asFamily)).toEqual({
      address: base.address,
      phone: base.phone
    })
    expect(await h.store.count('audit', { action: 'help.contact.read' })).toBe(2)
    expect(await h.as(ACCOUNTS.retireeDunhuang).call('help.get', { id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })

    // After claiming, the volunteer may reveal; once it is done, no longer.
    await h.as(sun).ok('help.claim', { id })
    expect((await h.as(sun).ok('help.get', { id })).can.reveal).toBe(true)
    await h.as(sun).ok('help.revealContact', { id })
    await h.as(sun).ok('help.start', { id })
    await h.as(sun).ok('help.complete', { id, note: '已修好' })
    expect(await h.as(sun).call('help.revealContact', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The elder's history of things done for her does not list reads.
    const done = await h.as(ACCOUNTS.retiree).ok('family.doneForMe', {})
    expect(done.items.some((i) => i.text.includes('查看'))).toBe(false)
  })

  it('lets an assignee give a task back, after which it is open again and no longer theirs', async () => {
    const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.volunteer })
    await h.as(ACCOUNTS.volunteer).ok('help.release', { id, reason: '这周身体不舒服' })
    const d = await h.as(ACCOUNTS.staffSuzhou).ok('help.get', { id })
    expect(d).toMatchObject({ status: 'accepted', assigneeName: null })
    // He may claim it again like any volunteer of the county, but no longer work it as his.
    expect(await h.as(ACCOUNTS.volunteer).call('help.start', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await h.as(ACCOUNTS.volunteer).ok('help.get', { id })).can).toMatchObject({
      claim: true,
      start: false,
      reveal: false
    })
  })

  it('refuses assignees outside the county, the elder herself, and unknown accounts', async () => {
    const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    for (const who of ['wx:seed-volunteer-3', ACCOUNTS.retiree, 'local:nobody', ACCOUNTS.family]) {
      expect(await h.as(ACCOUNTS.staffSuzhou).call('help.staff.assign', { id, assigneeAccountId: who })).toMatchObject({
        ok: false,
        code: 'ASSIGNEE_INVALID'
      })
    }
    expect(
      (await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.staffSuzhou })).status
    ).toBe('assigned')
  })

  it('flags requests not accepted within their targets: 30 minutes if urgent, one working day otherwise', async () => {
    // DEFAULT_NOW is Tuesday 07:00 in Beijing.
    const urgent = await h.as(ACCOUNTS.retiree).ok('help.create', { ...base, urgency: 'urgent' })
    const normal = await h.as(ACCOUNTS.retiree).ok('help.create', base)
    const card = async (id: string) =>
      (await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.queue', { status: 'all', limit: 100 })).items.find(
        (c) => c.id === id
      )!
    expect((await card(urgent.id)).acceptDueAt).toBe(DEFAULT_NOW + 30 * 60_000)
    expect((await card(normal.id)).acceptDueAt).toBe(DEFAULT_NOW + 24 * 3600_000)
    h.clock.advance(31 * 60_000)
    expect((await card(urgent.id)).overdue).toBe(true)
    expect((await card(normal.id)).overdue).toBe(false)
    // Overdue and urgent requests come first in the open queue.
    const queue = await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.queue', {})
    expect(queue.items[0].overdue).toBe(true)
    expect(
      (await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.queue', { status: 'overdue' })).items.every((c) => c.overdue)
    ).toBe(true)
    // Accepting stops the clock.
    await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.accept', { id: urgent.id })
    expect(await card(urgent.id)).toMatchObject({ overdue: false, acceptDueAt: null })

    // Targets are configuration: the bureau changes them and they apply at once; county staff may not.
    expect(
      await h
        .as(ACCOUNTS.staffSuzhou)
        .call('help.staff.settingsUpdate', { acceptWorkingDays: 2, urgentAcceptMinutes: 15 })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await h.as(ACCOUNTS.staffCity).ok('help.staff.settingsUpdate', { acceptWorkingDays: 2, urgentAcceptMinutes: 15 })
    expect((await card(normal.id)).acceptDueAt).toBe(DEFAULT_NOW + 48 * 3600_000)
    const rules = await h.as(ACCOUNTS.retiree).ok('help.rules', {})
    expect(rules.targets).toEqual({ acceptWorkingDays: 2, urgentAcceptMinutes: 15 })
    expect(rules.rules.join('')).toContain('15 分钟内受理')
    expect(rules.rules.join('')).toContain('暂不扣除法定节假日')
    expect(rules.dutyPhone).toBe('0937-2612100')
  })

  it('asks a family member to choose an elder first, and refuses a past preferred day', async () => {
    expect(await family().call('help.create', base)).toMatchObject({ ok: false, code: 'CHOOSE_ELDER' })
    expect(await h.as(ACCOUNTS.retiree).call('help.create', { ...base, preferredDay: '2026-11-30' })).toMatchObject({
      ok: false,
      code: 'VALIDATION'
    })
    expect(
      await h
        .as(ACCOUNTS.retiree)
        .call('help.create', { ...base, photos: ['local:up0000000000000000000000000000000a'] })
    ).toMatchObject({ ok: false, code: 'PHOTO_INVALID' })
    expect(await h.store.count('helpRequests', { personId: ZHANG })).toBe(2) // the two seeded ones only
  })
})
