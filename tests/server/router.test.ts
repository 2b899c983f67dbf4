import { ERROR_CODES } from '../../types/errors'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'

describe('the api router (over SQLite)', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness()
  })
  afterEach(() => h.cleanup())

  const expectError = (env: { ok: boolean; code?: string; message?: string }, code: string) => {
    expect(env.ok).toBe(false)
    expect(env.code).toBe(code)
    expect(ERROR_CODES).toContain(env.code)
    expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
  }

  it('refuses a body that is not a call', async () => {
    for (const body of [null, 42, 'x', [], { payload: {} }, { action: 7 }]) {
      expectError(await h.router.call(ACCOUNTS.retiree, body), 'BAD_REQUEST')
    }
  })

  it('refuses an unknown action', async () => {
    expectError(
      await h.router.call(ACCOUNTS.retiree, { action: 'points.giveMeEverything', payload: {} }),
      'UNKNOWN_ACTION'
    )
    expectError(await h.router.call(ACCOUNTS.retiree, { action: 'constructor', payload: {} }), 'UNKNOWN_ACTION')
  })

  it('refuses a wrong-typed or missing field with VALIDATION and names the field', async () => {
    const env = await h.router.call(ACCOUNTS.retiree, { action: 'activity.get', payload: { id: 42 } })
    expectError(env, 'VALIDATION')
    expect(env.ok === false && env.details?.field).toBe('id')
    expectError(await h.router.call(ACCOUNTS.retiree, { action: 'activity.get', payload: {} }), 'VALIDATION')
    expectError(
      await h.router.call(ACCOUNTS.retiree, { action: 'activity.list', payload: { limit: 10_000 } }),
      'VALIDATION'
    )
  })

  it('asks anonymous callers to log in, and tells unbound WeChat users to activate', async () => {
    expectError(await h.router.call(null, { action: 'activity.list', payload: {} }), 'UNAUTHENTICATED')
    expectError(await h.router.call('wx:stranger', { action: 'activity.list', payload: {} }), 'NOT_REGISTERED')
    const me = await h.router.call('wx:stranger', { action: 'auth.whoami', payload: {} })
    expect(me).toMatchObject({ ok: true, data: { registered: false, roles: [] } })
  })

  it('decides identity from the host, never from the payload', async () => {
    const env = await h.router.call(ACCOUNTS.retiree, {
      action: 'auth.whoami',
      payload: {},
      accountId: ACCOUNTS.admin,
      roles: ['admin'],
      openid: 'x'
    })
    expect(env).toMatchObject({ ok: true, data: { accountId: ACCOUNTS.retiree, roles: ['retiree'] } })
  })

  it('requires a mutation id on writes', async () => {
    expectError(
      await h.router.call(ACCOUNTS.staffCity, {
        action: 'person.staff.issueActivationCode',
        payload: { personId: 'p-001' }
      }),
      'MUTATION_ID_REQUIRED'
    )
  })

  it('keeps staff-only actions from retirees', async () => {
    expectError(
      await h.as(ACCOUNTS.retiree).call('person.staff.issueActivationCode', { personId: 'p-001' }),
      'FORBIDDEN'
    )
  })

  it('keeps county staff to their county', async () => {
    // p-lideming lives in 敦煌市; 陈静 works for 肃州区.
    expectError(
      await h.as(ACCOUNTS.staffSuzhou).call('person.staff.issueActivationCode', { personId: 'p-lideming' }),
      'FORBIDDEN'
    )
    expect(
      (await h.as(ACCOUNTS.staffCity).call('person.staff.issueActivationCode', { personId: 'p-lideming' })).ok
    ).toBe(true)
  })

  it('answers a replayed mutation with the first result and applies it once', async () => {
    const staff = h.as(ACCOUNTS.staffCity)
    const first = await staff.call(
      'person.staff.issueActivationCode',
      { personId: 'p-001' },
      { mutationId: 'mutation-000001' }
    )
    const again = await staff.call(
      'person.staff.issueActivationCode',
      { personId: 'p-001' },
      { mutationId: 'mutation-000001' }
    )
    expect(again).toEqual(first)
    expect(await h.store.count('activationCodes', { personId: 'p-001' })).toBe(1)
    // The same id for another action is a client bug, not a replay.
    expectError(
      await staff.call('account.activate', { code: '123456' }, { mutationId: 'mutation-000001' }),
      'MUTATION_ID_REUSED'
    )
  })

  it('runs concurrent replays of one mutation once', async () => {
    const staff = h.as(ACCOUNTS.staffCity)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        staff.call('person.staff.issueActivationCode', { personId: 'p-002' }, { mutationId: 'mutation-concurrent' })
      )
    )
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1)
    expect(await h.store.count('activationCodes', { personId: 'p-002' })).toBe(1)
  })

  it('binds a WeChat account to the roster with a staff-issued code, once', async () => {
    const { code } = await h
      .as(ACCOUNTS.staffSuzhou)
      .ok('person.staff.issueActivationCode', { personId: 'p-zhaoshuzhen' })
    const me = await h.as('wx:openid-zhao').ok('account.activate', { code })
    expect(me).toMatchObject({
      registered: true,
      displayName: '赵淑珍',
      roles: ['retiree'],
      person: { orgUnitName: '肃州区' }
    })
    expect((await h.as('wx:openid-zhao').call('activity.list', {})).ok).toBe(true)
    expectError(await h.as('wx:someone-else').call('account.activate', { code }), 'ACTIVATION_CODE_INVALID')
    expectError(await h.as('wx:openid-zhao').call('account.activate', { code }), 'ACCOUNT_ALREADY_BOUND')
  })

  it('refuses an expired activation code', async () => {
    const { code } = await h
      .as(ACCOUNTS.staffSuzhou)
      .ok('person.staff.issueActivationCode', { personId: 'p-zhaoshuzhen' })
    h.clock.advance(8 * 24 * 3600_000)
    expectError(await h.as('wx:late').call('account.activate', { code }), 'ACTIVATION_CODE_INVALID')
  })

  it('lets only a bound family member act for an elder, and only where 代办 is allowed', async () => {
    const list = await h.as(ACCOUNTS.family).call('activity.list', {}, { actingFor: 'p-zhangguilan' })
    expect(list.ok).toBe(true)
    expectError(await h.as(ACCOUNTS.family).call('activity.list', {}, { actingFor: 'p-lideming' }), 'NOT_BOUND')
    expectError(
      await h.as(ACCOUNTS.retireeDunhuang).call('activity.list', {}, { actingFor: 'p-zhangguilan' }),
      'NOT_BOUND'
    )
    expectError(
      await h.as(ACCOUNTS.family).call('auth.whoami', {}, { actingFor: 'p-zhangguilan' }),
      'PROXY_NOT_ALLOWED'
    )
  })

  it('answers a batch in order and stops it at the first temporary failure', async () => {
    const env = await h.router.handle(ACCOUNTS.retiree, {
      batch: [
        { action: 'auth.whoami', payload: {} },
        { action: 'nope', payload: {} },
        { action: 'org.units', payload: {} }
      ]
    })
    expect(env.ok).toBe(true)
    const results = (env as { data: { ok: boolean; code?: string }[] }).data
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(results[1].code).toBe('UNKNOWN_ACTION')
    const tooBig = await h.router.handle(ACCOUNTS.retiree, {
      batch: Array.from({ length: 51 }, () => ({ action: 'auth.whoami' }))
    })
    expectError(tooBig, 'BATCH_TOO_LARGE')
  })
})
