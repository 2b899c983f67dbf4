/** Staff's side of activities (scoped to their org unit), on both storage adapters. */
import ExcelJS from 'exceljs'
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import type { ActivityFields } from '../../types/actions'
import { addDays, beijingTime, businessDay, formatClock } from '../../types/time'
import { counterId } from '../../server/domain/activities/activity-pool'

describe.each(ADAPTERS)('activity admin ($name)', (adapter) => {
  let h: Harness
  let today: string
  beforeEach(async () => {
    h = await makeHarness(adapter)
    today = businessDay(h.clock.now())
  })
  afterEach(() => h.cleanup())

  const fields = (over: Partial<ActivityFields> = {}): ActivityFields => {
    const startAt = beijingTime(addDays(today, 3), '09:00')
    return {
      title: '社区合唱排练',
      type: '文体活动',
      description: '排练《歌唱祖国》。',
      place: '肃州区老干部活动中心二楼',
      startAt,
      endAt: startAt + 2 * 3600_000,
      signupDeadline: startAt - 3600_000,
      capacity: 2,
      points: null,
      audience: { kind: 'county', orgUnitId: 'org-sz' },
      orgUnitId: 'org-sz',
      checkinOpensBeforeMin: 30,
      allowWalkIn: true,
      contactPhone: '0937-2612101',
      ...over
    }
  }

  it('creates a draft that only staff see, then publishes it to its audience', async () => {
    const { id } = await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.create', fields())
    expect(await h.store.get('counters', counterId(id))).toMatchObject({ capacity: 2, taken: 0, waitlisted: 0 })
    expect(await h.as(ACCOUNTS.retiree).call('activity.get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await h.as(ACCOUNTS.retiree).call('signup.create', { activityId: id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    const staffView = await h.as(ACCOUNTS.staffSuzhou).ok('activity.get', { id })
    expect(staffView).toMatchObject({ status: 'draft', canManage: true })
    await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.publish', { id })
    expect(await h.as(ACCOUNTS.retiree).ok('activity.get', { id })).toMatchObject({
      status: 'published',
      canManage: false,
      audienceLabel: '肃州区的老干部'
    })
    expect((await h.as(ACCOUNTS.retireeDunhuang).call('activity.get', { id })).ok).toBe(false)
  })

  it('keeps staff inside their scope', async () => {
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.create', fields({ orgUnitId: 'org-dh' }))
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await h
        .as(ACCOUNTS.staffSuzhou)
        .call('activity.staff.create', fields({ audience: { kind: 'county', orgUnitId: 'org-dh' } }))
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await h
        .as(ACCOUNTS.staffSuzhou)
        .call('activity.staff.create', fields({ audience: { kind: 'branch', branchId: 'br-dh-1' } }))
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await h.as(ACCOUNTS.retiree).call('activity.staff.create', fields())).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.cancel', { id: 'a-xuanjiang-0' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.roster', { id: 'a-dh-4' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(
      (
        await h
          .as(ACCOUNTS.staffCity)
          .call('activity.staff.create', fields({ orgUnitId: 'org-dh', audience: { kind: 'all' } }))
      ).ok
    ).toBe(true)
  })

  it('refuses an end before the start, naming the field', async () => {
    const bad = fields()
    const env = await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.create', { ...bad, endAt: bad.startAt - 1 })
    expect(env).toMatchObject({ ok: false, code: 'VALIDATION', details: { field: 'endAt' } })
    expect(await h.store.count('activities', { title: '社区合唱排练' })).toBe(0)
  })

  /** Every page of one list, following nextCursor. */
  const allPages = async (account: string, when: 'upcoming' | 'past', limit?: number) => {
    const pages: string[][] = []
    const items = []
    let cursor: string | undefined
    do {
      const page = await h
        .as(account)
        .ok('activity.staff.list', { when, ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) })
      pages.push(page.items.map((a) => a.id))
      items.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return { pages, items }
  }

  it('lists the activities of the staff member’s scope with their numbers, upcoming and past apart', async () => {
    const suzhou = [
      ...(await allPages(ACCOUNTS.staffSuzhou, 'upcoming')).items,
      ...(await allPages(ACCOUNTS.staffSuzhou, 'past')).items
    ]
    expect(suzhou.every((a) => ['肃州区'].includes(a.orgUnitName))).toBe(true)
    expect(suzhou.find((a) => a.id === 'a-phone-1')).toMatchObject({
      signedCount: 3,
      waitlistCount: 1,
      checkedInCount: 0
    })
    const upcoming = (await allPages(ACCOUNTS.staffCity, 'upcoming')).items
    const past = (await allPages(ACCOUNTS.staffCity, 'past')).items
    expect(upcoming.map((a) => a.id)).toEqual(expect.arrayContaining(['a-draft-9', 'a-dh-4']))
    expect(past.map((a) => a.id)).toContain('a-past-chongyang')
    expect(past.find((a) => a.id === 'a-past-chongyang')).toMatchObject({ checkedInCount: 2 })
    const dayStart = beijingTime(today, '00:00')
    expect(upcoming.every((a) => a.startAt >= dayStart)).toBe(true)
    expect(past.every((a) => a.startAt < dayStart)).toBe(true)
  })

  it('pages a long list: every activity once, in order, none lost between pages', async () => {
    for (let i = 0; i < 45; i++) {
      const startAt = beijingTime(addDays(today, 1 + (i % 20)), '08:00') + i * 60_000
      await h.as(ACCOUNTS.staffSuzhou).ok(
        'activity.staff.create',
        fields({
          title: `书画交流第${i + 1}期`,
          startAt,
          endAt: startAt + 3600_000,
          signupDeadline: startAt - 3600_000
        })
      )
    }
    const { pages, items } = await allPages(ACCOUNTS.staffSuzhou, 'upcoming')
    expect(pages.slice(0, -1).every((p) => p.length === 20)).toBe(true)
    const ids = items.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(items.filter((a) => a.title.startsWith('书画交流')).length).toBe(45)
    expect(items.map((a) => a.startAt)).toEqual([...items.map((a) => a.startAt)].sort((a, b) => a - b))
    const small = await allPages(ACCOUNTS.staffSuzhou, 'upcoming', 7)
    expect(small.items.map((a) => a.id)).toEqual(ids)
    const past = (await allPages(ACCOUNTS.staffSuzhou, 'past', 1)).items.map((a) => a.startAt)
    expect(past).toEqual([...past].sort((a, b) => b - a))
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.list', { when: 'upcoming', cursor: 'NOT A CURSOR' })
    ).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('refuses fewer places than are taken, and promotes the waitlist when places are added', async () => {
    const phone = (await h.store.get('activities', 'a-phone-1'))!
    const f = (capacity: number | null): ActivityFields => ({
      title: phone.title,
      type: phone.type,
      description: phone.description,
      place: phone.place,
      startAt: phone.startAt,
      endAt: phone.endAt,
      signupDeadline: phone.signupDeadline,
      capacity,
      points: phone.points,
      audience: phone.audience,
      orgUnitId: phone.orgUnitId,
      checkinOpensBeforeMin: phone.checkinOpensBeforeMin,
      allowWalkIn: phone.allowWalkIn,
      contactPhone: phone.contactPhone
    })
    const env = await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.update', { id: 'a-phone-1', fields: f(2) })
    expect(env).toMatchObject({ ok: false, code: 'PLACES_BELOW_TAKEN' })
    expect(env.ok === false && env.message).toContain('3')
    const r = await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.update', { id: 'a-phone-1', fields: f(5) })
    expect(r).toMatchObject({ promoted: 1, notified: 0 })
    expect(await h.store.get('signups', 'a-phone-1:p-004')).toMatchObject({ status: 'signed' })
    expect(await h.store.count('messages', { toPersonId: 'p-004' })).toBe(1)
    expect(await h.store.get('counters', counterId('a-phone-1'))).toMatchObject({
      capacity: 5,
      taken: 4,
      waitlisted: 0
    })
  })

  it('tells everyone signed up when the time or place changes', async () => {
    const a = (await h.store.get('activities', 'a-xuanjiang-0'))!
    const moved = { ...a, place: '市委老干部局一楼报告厅' }
    const { _id, status, createdBy, createdAt, updatedAt, cancelReason, ...rest } = moved
    void [_id, status, createdBy, createdAt, updatedAt, cancelReason]
    const r = await h.as(ACCOUNTS.staffCity).ok('activity.staff.update', { id: 'a-xuanjiang-0', fields: rest })
    expect(r.notified).toBe(3)
    const inbox = await h.as(ACCOUNTS.retiree).ok('message.list', {})
    expect(inbox.items[0].title).toBe('活动有变化：「学习贯彻全会精神宣讲会」')
    expect(inbox.items[0].body).toContain('一楼报告厅')
  })

  it('cancels an activity, tells everyone signed up or waiting, and keeps every record', async () => {
    await h.as(ACCOUNTS.retiree).ok('signup.create', { activityId: 'a-phone-1' })
    const r = await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.cancel', { id: 'a-phone-1', reason: '老师生病' })
    expect(r).toMatchObject({ status: 'cancelled', notified: 5 })
    const inbox = await h.as(ACCOUNTS.retiree).ok('message.list', {})
    expect(inbox.items[0]).toMatchObject({ title: '活动取消：「智能手机使用培训」' })
    expect(inbox.items[0].body).toContain('老师生病')
    expect(await h.store.count('signups', { activityId: 'a-phone-1' })).toBe(5)
    expect(await h.as(ACCOUNTS.retiree).ok('activity.get', { id: 'a-phone-1' })).toMatchObject({
      status: 'cancelled',
      cancelReason: '老师生病'
    })
    expect(await h.as(ACCOUNTS.retireeDunhuang).call('signup.create', { activityId: 'a-phone-1' })).toMatchObject({
      ok: false,
      code: 'ACTIVITY_CANCELLED'
    })
    // Cancelling again is harmless and messages nobody twice.
    expect(await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.cancel', { id: 'a-phone-1' })).toMatchObject({
      notified: 0
    })
    expect(await h.store.count('messages', { toPersonId: 'p-zhangguilan' })).toBe(1)
    expect(await h.as(ACCOUNTS.staffSuzhou).call('activity.staff.publish', { id: 'a-phone-1' })).toMatchObject({
      ok: false,
      code: 'ACTIVITY_CANCELLED'
    })
    expect(await h.store.count('audit', { action: 'activity.staff.cancel' } as never)).toBe(1)
  })

  it('lets no sign-up slip past a cancellation unnotified when both happen at once', async () => {
    const people = ['p-010', 'p-017', 'p-024', 'p-031', 'p-038']
    await h.store.transaction(async (tx) => {
      for (const p of people)
        await tx.put('accounts', {
          _id: `wx:${p}`,
          kind: 'wechat',
          displayName: p,
          roles: ['retiree'],
          personId: p,
          orgUnitId: null,
          phone: null,
          passwordHash: null,
          demo: null,
          createdAt: 0
        })
    })
    const results = await Promise.all([
      ...people.map((p) => h.as(`wx:${p}`).call('signup.create', { activityId: 'a-health-2' })),
      h.as(ACCOUNTS.staffCity).call('activity.staff.cancel', { id: 'a-health-2', reason: '专家临时有事' })
    ])
    const cancel = results[results.length - 1]
    // A race with a sign-up answers BUSY (the outbox sends it again); retry as the outbox would.
    let final = cancel
    for (let i = 0; i < 5 && !final.ok; i++)
      final = await h.as(ACCOUNTS.staffCity).call('activity.staff.cancel', { id: 'a-health-2', reason: '专家临时有事' })
    expect(final.ok).toBe(true)
    const holders = await h.store.find('signups', {
      where: { activityId: 'a-health-2', status: { in: ['signed', 'waitlisted'] } }
    })
    for (const s of holders)
      expect(await h.store.count('messages', { toPersonId: s.personId })).toBeGreaterThanOrEqual(1)
  })

  it('gives staff the sign-up and attendance list, with walk-ins and 代签 reasons', async () => {
    h.clock.set(beijingTime(today, '09:10'))
    const { token } = await h.as(ACCOUNTS.staffCity).ok('activity.staff.checkinCode', { id: 'a-xuanjiang-0' })
    await h.as(ACCOUNTS.retiree).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    h.clock.advance(5_000)
    await h.as(ACCOUNTS.retireeDunhuang).ok('checkin.scan', { token, scannedAt: h.clock.now() })
    h.clock.advance(5_000)
    await h.as(ACCOUNTS.staffCity).ok('checkin.staff.proxy', {
      activityId: 'a-xuanjiang-0',
      personId: 'p-wangjianguo',
      reason: '本人到场，不会用手机'
    })
    const roster = await h.as(ACCOUNTS.staffCity).ok('activity.staff.roster', { id: 'a-xuanjiang-0' })
    expect(roster).toMatchObject({ signedCount: 4, waitlistCount: 0, checkedInCount: 3 })
    // Checked in first, in the order they arrived; then those signed up but not here yet.
    expect(roster.entries.map((e) => e.name).slice(0, 3)).toEqual(['张桂兰', '李德明', '王建国'])
    expect(roster.entries).toHaveLength(4)
    expect(roster.entries.find((e) => e.name === '李德明')?.checkin).toMatchObject({
      walkIn: true,
      method: 'scan',
      by: null
    })
    expect(roster.entries.find((e) => e.name === '王建国')?.checkin).toMatchObject({
      method: 'proxy',
      reason: '本人到场，不会用手机',
      by: '刘芳'
    })
    expect(roster.entries[roster.entries.length - 1].checkin).toBeNull()
  })

  it('writes names and notes that look like formulas as text, never formulas', async () => {
    const evil = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1)']
    await h.store.transaction(async (tx) => {
      const people = ['p-zhangguilan', 'p-wangjianguo', 'p-lideming']
      for (let i = 0; i < people.length; i++) await tx.update('persons', people[i], { name: evil[i] })
    })
    const file = await h.as(ACCOUNTS.staffCity).ok('activity.staff.exportAttendance', { id: 'a-past-chongyang' })
    const bytes = Buffer.from(file.base64, 'base64')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as never)
    const ws = wb.getWorksheet('签到表')!
    for (const r of [5, 6, 7]) {
      const cell = ws.getRow(r).getCell(2)
      expect(evil).toContain(cell.value)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.numFmt).toBe('@')
    }
  })

  it('exports the attendance list as an .xlsx file', async () => {
    const file = await h.as(ACCOUNTS.staffCity).ok('activity.staff.exportAttendance', { id: 'a-past-chongyang' })
    expect(file.filename).toMatch(/^重阳节座谈会-签到表-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.rows).toBe(3)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never)
    const ws = wb.getWorksheet('签到表')!
    expect(String(ws.getCell('A1').value)).toBe('重阳节座谈会 签到表')
    const rows = [5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1).map(String))
    expect(rows.map((r) => r[1])).toEqual(['张桂兰', '王建国', '李德明'])
    expect(rows[1]).toEqual(expect.arrayContaining(['已签到', '工作人员代签']))
    expect(rows[1][8]).toContain('手机没电')
    expect(rows[2]).toEqual(expect.arrayContaining(['未签到']))
    // The check-in time is a real date cell, with the year, showing Beijing time.
    const roster = await h.as(ACCOUNTS.staffCity).ok('activity.staff.roster', { id: 'a-past-chongyang' })
    const zhang = roster.entries.find((e) => e.name === '张桂兰')!
    const at = ws.getRow(5).getCell(7)
    expect(at.value).toBeInstanceOf(Date)
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm')
    const shown = (at.value as Date).toISOString().slice(0, 16).replace('T', ' ')
    expect(shown).toBe(`${businessDay(zhang.checkin!.at)} ${formatClock(zhang.checkin!.at)}`)
    expect(
      await h.as(ACCOUNTS.retiree).call('activity.staff.exportAttendance', { id: 'a-past-chongyang' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
