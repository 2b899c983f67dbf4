/**
 * Family binding over the real router, on every adapter: one-time invite codes that expire, the family member's
 * request, confirmation by the elder or by staff after checking, unbinding by either side, and 代办 honoured
 * only while a binding is active and only for actions that allow it.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { STAFF_DUNHUANG, addStaffOfDunhuang } from '../support/help-fixtures'

const ZHANG = 'p-zhangguilan'
const LIMING = 'wx:seed-family-2'

describe.each(ADAPTERS)('family binding on $name', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
    await addStaffOfDunhuang(h.store)
  })
  afterEach(() => h.cleanup())

  it('binds with the elder’s code once she confirms, allows 代办 only then, and ends when either side unbinds', async () => {
    const { code, personName } = await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})
    expect(personName).toBe('张桂兰')
    expect(code).toMatch(/^\d{6}$/)

    const pending = await h.as(LIMING).ok('family.acceptInvite', { code, relation: '儿子' })
    expect(pending).toMatchObject({ personId: ZHANG, name: '张桂兰', status: 'pending', relation: '儿子' })
    // Not yet: 代办 needs her confirmation.
    expect(await h.as(LIMING).call('help.mine', {}, { actingFor: ZHANG })).toMatchObject({
      ok: false,
      code: 'NOT_BOUND'
    })
    // One-time: the code is spent.
    expect(
      await h.as('wx:someone-else').call('family.acceptInvite', { code, relation: '女儿', name: '王某' })
    ).toMatchObject({ ok: false, code: 'INVITE_INVALID' })

    // She sees the request (with a masked phone), and a message about it, and confirms.
    const mine = await h.as(ACCOUNTS.retiree).ok('family.myFamily', {})
    const row = mine.items.find((b) => b.bindingId === pending.bindingId)!
    expect(row).toMatchObject({ memberName: '李明', memberPhone: '138****8022', status: 'pending' })
    expect((await h.store.find('messages', { where: { toPersonId: ZHANG } })).map((m) => m.title)).toContain(
      '有家人申请和您绑定'
    )
    const confirmed = await h.as(ACCOUNTS.retiree).ok('family.confirm', { bindingId: pending.bindingId })
    expect(confirmed).toMatchObject({ status: 'active', confirmedByLabel: '本人确认' })
    expect(await h.as(ACCOUNTS.retiree).call('family.confirm', { bindingId: pending.bindingId })).toMatchObject({
      ok: false,
      code: 'ALREADY_DONE'
    })

    expect((await h.as(LIMING).ok('family.myElders', {})).items).toEqual([
      expect.objectContaining({ personId: ZHANG, status: 'active' })
    ])
    expect((await h.as(LIMING).call('help.mine', {}, { actingFor: ZHANG })).ok).toBe(true)

    // Bindings are not something a family member can do for her: refused even with actingFor.
    expect(
      await h.as(LIMING).call('family.unbind', { bindingId: pending.bindingId }, { actingFor: ZHANG })
    ).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' })
    expect(await h.as(LIMING).call('family.createInvite', {}, { actingFor: ZHANG })).toMatchObject({
      ok: false,
      code: 'PROXY_NOT_ALLOWED'
    })

    // Either side unbinds; 代办 stops at once.
    await h.as(LIMING).ok('family.unbind', { bindingId: pending.bindingId })
    expect(await h.as(LIMING).call('help.mine', {}, { actingFor: ZHANG })).toMatchObject({
      ok: false,
      code: 'NOT_BOUND'
    })
    expect(
      (await h.as(ACCOUNTS.retiree).ok('family.myFamily', {})).items.some((b) => b.bindingId === pending.bindingId)
    ).toBe(false)

    // The elder ends her daughter's binding herself.
    await h.as(ACCOUNTS.retiree).ok('family.unbind', { bindingId: `${ACCOUNTS.family}:${ZHANG}` })
    expect(await h.as(ACCOUNTS.family).call('activity.list', {}, { actingFor: ZHANG })).toMatchObject({
      ok: false,
      code: 'NOT_BOUND'
    })
    // And sees what happened, in her history.
    const done = await h.as(ACCOUNTS.retiree).ok('family.doneForMe', {})
    expect(done.items.map((i) => i.text)).toContain('解除了家属绑定：李明（儿子）')
  })

  it('lets the elder refuse a stranger, and nobody else decide for her', async () => {
    const { code } = await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})
    const b = await h.as(LIMING).ok('family.acceptInvite', { code, relation: '儿子' })
    for (const who of [LIMING, ACCOUNTS.retireeDunhuang, ACCOUNTS.family]) {
      const env = await h.as(who).call('family.confirm', { bindingId: b.bindingId })
      expect(env.ok).toBe(false)
    }
    await h.as(ACCOUNTS.retiree).ok('family.reject', { bindingId: b.bindingId })
    expect(await h.as(ACCOUNTS.retiree).call('family.confirm', { bindingId: b.bindingId })).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION'
    })
    expect(await h.as(LIMING).call('help.mine', {}, { actingFor: ZHANG })).toMatchObject({
      ok: false,
      code: 'NOT_BOUND'
    })
  })

  it('refuses an expired code, one’s own code, and a second binding to the same elder', async () => {
    const { code } = await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})
    expect(await h.as(ACCOUNTS.retiree).call('family.acceptInvite', { code, relation: '女儿' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    h.clock.advance(24 * 3600_000 + 1)
    expect(await h.as(LIMING).call('family.acceptInvite', { code, relation: '儿子' })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID'
    })
    const again = await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})
    expect(
      await h.as(ACCOUNTS.family).call('family.acceptInvite', { code: again.code, relation: '女儿' })
    ).toMatchObject({ ok: false, code: 'ALREADY_DONE' })
  })

  it('lets a new WeChat user bind as family (with their name), and staff make a code and confirm for an elder without a phone', async () => {
    // 赵淑珍 has no phone and no account: 陈静 (肃州区) makes the code for her.
    const { code } = await h.as(ACCOUNTS.staffSuzhou).ok('family.createInvite', { personId: 'p-zhaoshuzhen' })
    expect(await h.as(ACCOUNTS.staffCity).call('family.createInvite', { personId: 'p-zhaoshuzhen' })).toMatchObject({
      ok: true
    })
    expect(await h.as(STAFF_DUNHUANG).call('family.createInvite', { personId: 'p-zhaoshuzhen' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(await h.as(STAFF_DUNHUANG).call('family.staff.searchPersons', { q: '赵淑珍' })).toMatchObject({
      ok: true,
      data: { items: [] }
    })

    const stranger = 'wx:openid-new-son'
    expect(await h.as(stranger).call('family.acceptInvite', { code, relation: '儿子' })).toMatchObject({
      ok: false,
      code: 'VALIDATION'
    })
    const b = await h
      .as(stranger)
      .ok('family.acceptInvite', { code, relation: '儿子', name: '赵刚', phone: '13800138099' })
    expect(b.status).toBe('pending')
    const account = await h.store.get('accounts', stranger)
    expect(account).toMatchObject({ roles: ['family'], displayName: '赵刚', personId: null, phone: '13800138099' })
    expect(
      (await h.store.find('messages', { where: { toAccountId: ACCOUNTS.staffSuzhou } })).map((m) => m.title)
    ).toContain('请核实家属绑定：赵淑珍')

    // Staff see it among pending bindings of their county and confirm after checking.
    const pending = await h.as(ACCOUNTS.staffSuzhou).ok('family.staff.bindings', {})
    expect(pending.items.map((i) => i.bindingId)).toContain(b.bindingId)
    expect((await h.as(ACCOUNTS.retireeDunhuang).call('family.staff.bindings', {})).ok).toBe(false)
    const ok = await h.as(ACCOUNTS.staffSuzhou).ok('family.confirm', { bindingId: b.bindingId })
    expect(ok.confirmedByLabel).toBe('工作人员 陈静 核实确认')
    expect((await h.as(stranger).call('help.mine', {}, { actingFor: 'p-zhaoshuzhen' })).ok).toBe(true)

    // The staff actions for her are in her trail.
    const trail = await h.store.find('audit', { where: { subjectPersonId: 'p-zhaoshuzhen' } })
    expect(trail.map((a) => a.action).sort()).toEqual(['family.confirm', 'family.createInvite', 'family.createInvite'])
  })

  it('finds roster people by name within the staff member’s scope', async () => {
    const found = await h.as(ACCOUNTS.staffSuzhou).ok('family.staff.searchPersons', { q: '张' })
    expect(found.items.map((p) => p.name)).toContain('张桂兰')
    expect(found.items.every((p) => p.orgUnitName === '肃州区')).toBe(true)
    expect((await h.as(ACCOUNTS.staffSuzhou).ok('family.staff.searchPersons', { q: '李德明' })).items).toEqual([])
    expect((await h.as(ACCOUNTS.staffCity).ok('family.staff.searchPersons', { q: '李德明' })).items).toEqual([
      expect.objectContaining({ id: 'p-lideming', hasAccount: true })
    ])
  })
})
