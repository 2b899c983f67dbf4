/**
 * 志愿服务证明 on both adapters: what it says (identity without an ID number, items with dates and hours, total,
 * issuer, date, code), that the same hours give the same certificate and new hours a new one, who may issue it,
 * and the public verification (no login): a valid code, an unknown one, a tampered one, and nonsense.
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { beijingTime, businessDay } from '../../types/time'
import { CERT_ALPHABET, certCheckSymbol, checkCertCode, formatCertCode } from '../../types/volunteer-rules'
import { DEMO_VOLUNTEER } from '../../server/seed/volunteer-seed'

describe.each(ADAPTERS)('volunteer certificate ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  const verify = (code: string) => h.as(null).call('volunteer.verifyCertificate', { code })

  it('states 王建国’s identity, items, hours, issuer, date and a verification code', async () => {
    const c = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    expect(c).toMatchObject({
      name: '王建国',
      gender: '男',
      birthYear: '1959',
      countyName: '肃州区',
      issuerName: '酒泉市委老干部局',
      issuerUnit: '肃州区',
      issuedDay: businessDay(h.clock.now()),
      regulation: '民政部令第67号《志愿服务记录与证明出具办法》',
      reused: false
    })
    // Seeded: 宣讲 120 + 110 minutes; 关爱 150 (corrected) + 150 (forgotten check-out, to the end).
    expect(c.items.map((i) => [i.title, i.serviceItem, i.shifts, i.minutes])).toEqual([
      ['红色故事进社区', '政策宣讲', 2, 230],
      ['关爱空巢老人结对探访', '关爱探访', 2, 300]
    ])
    expect(c.totalMinutes).toBe(530)
    expect(c.totalMinutes).toBe((await h.store.get('hoursBalances', 'p-wangjianguo'))!.minutes)
    expect(checkCertCode(c.code)).toBe('ok')
    expect(c.verifyPath).toBe(`/packages/volunteer/verify/index?code=${c.code}`)
    // No ID number or phone anywhere in it.
    expect(JSON.stringify(c)).not.toMatch(/1390937|身份证/)
  })

  it('gives the same certificate for the same hours, and a new one (the old one still valid) after new hours', async () => {
    const first = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    const again = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    expect(again).toMatchObject({ code: first.code, reused: true })

    const today = businessDay(h.clock.now())
    const shiftId = DEMO_VOLUNTEER.todayShift
    h.clock.set(beijingTime(today, '09:00'))
    const code = (d: 'in' | 'out') =>
      h.as(ACCOUNTS.staffSuzhou).ok('volunteer.staff.shiftCode', { shiftId, direction: d })
    await h.as(ACCOUNTS.volunteer).ok('volunteer.scan', { token: (await code('in')).token, scannedAt: h.clock.now() })
    h.clock.set(beijingTime(today, '11:30'))
    await h.as(ACCOUNTS.volunteer).ok('volunteer.scan', { token: (await code('out')).token, scannedAt: h.clock.now() })

    const next = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    expect(next.code).not.toBe(first.code)
    expect(next.totalMinutes).toBe(first.totalMinutes + 150)
    expect(next.items.find((i) => i.title === '关爱空巢老人结对探访')).toMatchObject({
      shifts: 3,
      minutes: 450,
      lastDay: today
    })
    expect((await verify(first.code)).ok && (await verify(first.code))).toMatchObject({
      ok: true,
      data: { totalMinutes: 530 }
    })
    expect(await verify(next.code)).toMatchObject({ ok: true, data: { totalMinutes: 680 } })
  })

  it('verifies publicly, without logging in, answering only the certificate’s facts', async () => {
    const c = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    for (const form of [
      c.code,
      formatCertCode(c.code),
      formatCertCode(c.code).toLowerCase(),
      ` ${formatCertCode(c.code)} `
    ]) {
      const env = await verify(form)
      expect(env.ok).toBe(true)
    }
    const env = await verify(c.code)
    if (!env.ok) throw new Error(env.message)
    expect(Object.keys(env.data).sort()).toEqual(
      [
        'birthYear',
        'code',
        'countyName',
        'gender',
        'idMasked',
        'issuedAt',
        'issuedDay',
        'issuerName',
        'issuerUnit',
        'items',
        'name',
        'regulation',
        'throughDay',
        'totalMinutes',
        'volunteerNo'
      ].sort()
    )
    expect(env.data).toMatchObject({ name: '王建国', totalMinutes: 530 })
  })

  it('tells namesakes apart by the volunteer number, and shows a kept ID number only masked', async () => {
    // A second 王建国, born the same year in the same county, with hours of his own.
    const wang = (await h.store.get('persons', 'p-wangjianguo'))!
    await h.store.transaction(async (tx) => {
      await tx.put('persons', {
        ...wang,
        _id: 'p-wangjianguo-2',
        birthDate: '1959-03-03',
        volunteerNo: null,
        idNumber: '620902195903031234'
      })
      await tx.update('persons', 'p-wangjianguo', { idNumber: '62090219590808123X' })
    })
    const entry = (await h.store.find('hoursLedger', { where: { personId: 'p-wangjianguo' }, limit: 1 }))[0]
    await h.store.transaction(async (tx) => {
      await tx.put('hoursLedger', { ...entry, _id: 'credit:namesake', personId: 'p-wangjianguo-2', seq: 1 })
      await tx.put('hoursBalances', {
        _id: 'p-wangjianguo-2',
        minutes: entry.minutes,
        entries: 1,
        updatedAt: h.clock.now()
      })
    })
    const mine = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    const other = await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.issueCertificate', { personId: 'p-wangjianguo-2' })
    expect([mine.name, mine.birthYear, mine.countyName]).toEqual([other.name, other.birthYear, other.countyName])
    expect(mine.volunteerNo).toMatch(/^YL\d{6}$/)
    expect(other.volunteerNo).toMatch(/^YL\d{6}$/)
    expect(mine.volunteerNo).not.toBe(other.volunteerNo)
    // Stable: the same person keeps the number.
    expect((await h.store.get('persons', 'p-wangjianguo'))!.volunteerNo).toBe(mine.volunteerNo)
    expect(mine.idMasked).toBe('62************123X')
    const checked = await verify(mine.code)
    expect(checked).toMatchObject({ ok: true, data: { volunteerNo: mine.volunteerNo, idMasked: '62************123X' } })
    expect(JSON.stringify(checked)).not.toContain('19590808')
    expect(JSON.stringify(mine)).not.toContain('62090219590808123X')
  })

  it('refuses a tampered code (one symbol changed, or two neighbours swapped) before looking it up', async () => {
    const { code } = await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})
    const changed =
      code.slice(0, 5) + CERT_ALPHABET[(CERT_ALPHABET.indexOf(code[5]) + 7) % CERT_ALPHABET.length] + code.slice(6)
    const swapped = code[1] === code[2] ? changed : code[0] + code[2] + code[1] + code.slice(3)
    for (const bad of [changed, swapped]) {
      const env = await verify(bad)
      expect(env).toMatchObject({ ok: false, code: 'CERTIFICATE_INVALID' })
      expect(!env.ok && env.message).toContain('有一位不对')
    }
  })

  it('answers an unknown but well-formed code as not found, and nonsense as invalid, never with facts', async () => {
    const body = 'K7QX3MDPW9TBHR2'
    const unknown = body + certCheckSymbol(body)
    expect(checkCertCode(unknown)).toBe('ok')
    const env = await verify(unknown)
    expect(env).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(!env.ok && env.message).toContain('没有查到')
    for (const bad of ['123', 'AAAAAAAAAAAAAAAAAAAA', '0OIL0OIL0OIL0OIL', "'; drop table --"]) {
      expect(await verify(bad)).toMatchObject({ ok: false, code: 'CERTIFICATE_INVALID' })
    }
    expect(await verify('')).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('lets a bound family member get the elder’s certificate, staff in scope issue one, and nobody else', async () => {
    // 张桂兰 has no hours: the family member acting for her is told so.
    expect(
      await h.as(ACCOUNTS.family).call('volunteer.issueCertificate', {}, { actingFor: 'p-zhangguilan' })
    ).toMatchObject({ ok: false, code: 'NO_HOURS' })
    expect(await h.as(ACCOUNTS.family).call('volunteer.issueCertificate', {})).toMatchObject({
      ok: false,
      code: 'CHOOSE_ELDER'
    })
    // 陈静 (肃州区) may issue 王建国’s; staff of the bureau too; a retiree may not ask for someone else’s.
    expect(
      await h.as(ACCOUNTS.staffSuzhou).ok('volunteer.issueCertificate', { personId: 'p-wangjianguo' })
    ).toMatchObject({ name: '王建国', totalMinutes: 530 })
    expect(
      await h.as(ACCOUNTS.staffCity).ok('volunteer.issueCertificate', { personId: 'p-wangjianguo' })
    ).toMatchObject({ reused: true })
    expect(
      await h.as(ACCOUNTS.retiree).call('volunteer.issueCertificate', { personId: 'p-wangjianguo' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await h.as(ACCOUNTS.staffSuzhou).call('volunteer.issueCertificate', { personId: 'p-lideming' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
