/**
 * The authorization matrix of every help (求助) and family (家属绑定) action: for each action a state to call it
 * in, and for each kind of caller the expected answer ('ok' or an error code). A refusal must leave the data
 * exactly as it was. A new help.* or family.* action without a row fails the first test.
 *
 * Callers: the elder (张桂兰), another retiree (李德明, 敦煌), her bound daughter acting for her (代办) and as
 * herself, an unbound family member claiming to act for her, the volunteer the request is assigned to (王建国)
 * and another volunteer of the county whose skills do not fit (吕春生), staff of her county (陈静) and of
 * another county (何敏, 敦煌), the admin, and nobody logged in.
 */
import type { ActionInput, ActionName } from '../../types/actions'
import { helpActions } from '../../types/actions/help'
import { familyActions } from '../../types/actions/family'
import type { AccountDoc } from '../../server/storage/schema'
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { STAFF_DUNHUANG, addStaffOfDunhuang } from '../support/help-fixtures'

const ZHANG = 'p-zhangguilan'
const LIMING = 'wx:seed-family-2'

const CALLERS = {
  retiree: { account: ACCOUNTS.retiree },
  otherRetiree: { account: ACCOUNTS.retireeDunhuang },
  familyActing: { account: ACCOUNTS.family, actingFor: ZHANG },
  familySelf: { account: ACCOUNTS.family },
  unboundActing: { account: LIMING, actingFor: ZHANG },
  volunteerAssigned: { account: ACCOUNTS.volunteer },
  volunteerOther: { account: 'wx:seed-volunteer-1' },
  staffSame: { account: ACCOUNTS.staffSuzhou },
  staffOther: { account: STAFF_DUNHUANG },
  admin: { account: ACCOUNTS.admin },
  anonymous: { account: null }
} as const satisfies Record<string, { account: string | null; actingFor?: string }>

type Caller = keyof typeof CALLERS
type Expect =
  | 'ok'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NOT_BOUND'
  | 'PROXY_NOT_ALLOWED'
  | 'CHOOSE_ELDER'
  | 'ALREADY_DONE'
  | 'UNAUTHENTICATED'
type Expectations = Record<Exclude<Caller, 'anonymous'>, Expect>

interface Row<A extends ActionName = ActionName> {
  /** Brings the data into the state the action is tried in; answers its payload. */
  setup(h: Harness): Promise<ActionInput<A>>
  expect: Expectations
}

const REQUEST: ActionInput<'help.create'> = {
  category: '就医陪护',
  description: '下周二去医院复查，想请人陪同。',
  address: '肃州区东关街道富康家园 3 号楼 401',
  phone: '13909371001'
}

async function request(
  h: Harness,
  state: 'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'completed'
): Promise<string> {
  const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', REQUEST)
  if (state === 'submitted') return id
  await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.accept', { id })
  if (state === 'accepted') return id
  await h.as(ACCOUNTS.staffSuzhou).ok('help.staff.assign', { id, assigneeAccountId: ACCOUNTS.volunteer })
  if (state === 'assigned') return id
  await h.as(ACCOUNTS.volunteer).ok('help.start', { id })
  if (state === 'in_progress') return id
  await h.as(ACCOUNTS.volunteer).ok('help.complete', { id, note: '陪同复查，已送回家' })
  return id
}

async function pendingBinding(h: Harness): Promise<string> {
  const { code } = await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})
  return (await h.as(LIMING).ok('family.acceptInvite', { code, relation: '儿子' })).bindingId
}

// Shorthands for rows whose callers are refused by role alone.
const P = 'PROXY_NOT_ALLOWED' as const
const F = 'FORBIDDEN' as const
const NF = 'NOT_FOUND' as const
const staffOnly = (same: Expect, other: Expect, admin: Expect): Expectations => ({
  retiree: F,
  otherRetiree: F,
  familyActing: P,
  familySelf: F,
  unboundActing: P,
  volunteerAssigned: F,
  volunteerOther: F,
  staffSame: same,
  staffOther: other,
  admin
})
const workers = (): Expectations => ({
  retiree: F,
  otherRetiree: F,
  familyActing: P,
  familySelf: F,
  unboundActing: P,
  volunteerAssigned: 'ok',
  volunteerOther: NF,
  staffSame: 'ok',
  staffOther: F,
  admin: 'ok'
})

const ROWS: { [A in keyof typeof helpActions | keyof typeof familyActions]: Row<A> } = {
  'help.rules': {
    setup: async () => ({}),
    expect: {
      retiree: 'ok',
      otherRetiree: 'ok',
      familyActing: 'ok',
      familySelf: 'ok',
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: 'ok',
      staffOther: 'ok',
      admin: 'ok'
    }
  },
  'help.create': {
    setup: async () => REQUEST,
    expect: {
      retiree: 'ok',
      otherRetiree: 'ok',
      familyActing: 'ok',
      familySelf: 'CHOOSE_ELDER',
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.mine': {
    setup: async () => ({}),
    expect: {
      retiree: 'ok',
      otherRetiree: 'ok',
      familyActing: 'ok',
      familySelf: 'CHOOSE_ELDER',
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.get': {
    setup: async (h) => ({ id: await request(h, 'assigned') }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: 'ok',
      familySelf: 'ok',
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: 'ok',
      volunteerOther: NF,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'help.withdraw': {
    setup: async (h) => ({ id: await request(h, 'assigned') }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: 'ok',
      familySelf: F,
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: F,
      volunteerOther: NF,
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.rate': {
    setup: async (h) => ({ id: await request(h, 'completed'), stars: 5 }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: 'ok',
      familySelf: F,
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: F,
      volunteerOther: NF,
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.revealContact': {
    setup: async (h) => ({ id: await request(h, 'assigned') }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: 'ok',
      familySelf: F,
      unboundActing: 'NOT_BOUND',
      volunteerAssigned: 'ok',
      volunteerOther: NF,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'help.staff.queue': { setup: async () => ({}), expect: staffOnly('ok', 'ok', 'ok') },
  'help.staff.accept': {
    setup: async (h) => ({ id: await request(h, 'submitted') }),
    expect: staffOnly('ok', F, 'ok')
  },
  'help.staff.return': {
    setup: async (h) => ({ id: await request(h, 'submitted'), reason: '不属于服务范围' }),
    expect: staffOnly('ok', F, 'ok')
  },
  'help.staff.suggestAssignees': {
    setup: async (h) => ({ id: await request(h, 'submitted') }),
    expect: staffOnly('ok', F, 'ok')
  },
  'help.staff.assign': {
    setup: async (h) => ({ id: await request(h, 'submitted'), assigneeAccountId: ACCOUNTS.volunteer }),
    expect: staffOnly('ok', F, 'ok')
  },
  'help.staff.settingsUpdate': {
    setup: async () => ({ acceptWorkingDays: 2, urgentAcceptMinutes: 20 }),
    expect: staffOnly(F, F, 'ok')
  },
  'help.tasks': {
    setup: async () => ({}),
    expect: {
      retiree: F,
      otherRetiree: F,
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.claim': {
    // Accepted and free: 王建国's skills fit 就医陪护, 吕春生's do not.
    setup: async (h) => ({ id: await request(h, 'accepted') }),
    expect: {
      retiree: F,
      otherRetiree: F,
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: 'ok',
      volunteerOther: F,
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'help.start': { setup: async (h) => ({ id: await request(h, 'assigned') }), expect: workers() },
  'help.note': { setup: async (h) => ({ id: await request(h, 'in_progress'), note: '约好了时间' }), expect: workers() },
  'help.complete': { setup: async (h) => ({ id: await request(h, 'in_progress'), note: '办完了' }), expect: workers() },
  'help.release': { setup: async (h) => ({ id: await request(h, 'assigned'), reason: '临时有事' }), expect: workers() },

  'family.createInvite': {
    setup: async () => ({ personId: ZHANG }),
    expect: {
      retiree: 'ok',
      otherRetiree: F,
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: F,
      volunteerOther: F,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'family.acceptInvite': {
    setup: async (h) => ({ code: (await h.as(ACCOUNTS.retiree).ok('family.createInvite', {})).code, relation: '儿子' }),
    expect: {
      retiree: F,
      otherRetiree: 'ok',
      familyActing: P,
      familySelf: 'ALREADY_DONE',
      unboundActing: P,
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'family.confirm': {
    setup: async (h) => ({ bindingId: await pendingBinding(h) }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: NF,
      volunteerOther: NF,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'family.reject': {
    setup: async (h) => ({ bindingId: await pendingBinding(h) }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: NF,
      volunteerOther: NF,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'family.unbind': {
    setup: async () => ({ bindingId: `${ACCOUNTS.family}:${ZHANG}` }),
    expect: {
      retiree: 'ok',
      otherRetiree: NF,
      familyActing: P,
      familySelf: 'ok',
      unboundActing: P,
      volunteerAssigned: NF,
      volunteerOther: NF,
      staffSame: 'ok',
      staffOther: F,
      admin: 'ok'
    }
  },
  'family.myElders': {
    setup: async () => ({}),
    expect: {
      retiree: F,
      otherRetiree: F,
      familyActing: P,
      familySelf: 'ok',
      unboundActing: P,
      volunteerAssigned: F,
      volunteerOther: F,
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'family.myFamily': {
    setup: async () => ({}),
    expect: {
      retiree: 'ok',
      otherRetiree: 'ok',
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'family.doneForMe': {
    setup: async () => ({}),
    expect: {
      retiree: 'ok',
      otherRetiree: 'ok',
      familyActing: P,
      familySelf: F,
      unboundActing: P,
      volunteerAssigned: 'ok',
      volunteerOther: 'ok',
      staffSame: F,
      staffOther: F,
      admin: F
    }
  },
  'family.staff.bindings': { setup: async () => ({ personId: ZHANG }), expect: staffOnly('ok', F, 'ok') },
  'family.staff.searchPersons': { setup: async () => ({ q: '张' }), expect: staffOnly('ok', 'ok', 'ok') }
}

/** Everything a refused call must leave untouched. */
async function fingerprint(h: Harness): Promise<string> {
  const parts = await Promise.all(
    (
      [
        'helpRequests',
        'helpEvents',
        'familyBindings',
        'familyInvites',
        'accounts',
        'audit',
        'messages',
        'helpSettings'
      ] as const
    ).map(async (c) => JSON.stringify(await h.store.find(c, { orderBy: [['_id', 'asc']] })))
  )
  return parts.join('\n')
}

describe('the help and family authorization matrix', () => {
  it('has a row for every help and family action', () => {
    const actions = Object.keys({ ...helpActions, ...familyActions }).sort()
    expect(Object.keys(ROWS).sort()).toEqual(actions)
  })

  it('never lets binding or invite actions be done while acting for an elder', () => {
    for (const name of Object.keys(familyActions) as (keyof typeof familyActions)[])
      expect(familyActions[name]).not.toHaveProperty('proxy', true)
    for (const name of [
      'help.staff.queue',
      'help.staff.accept',
      'help.staff.assign',
      'help.claim',
      'help.complete',
      'help.staff.settingsUpdate'
    ] as const) {
      expect(helpActions[name]).not.toHaveProperty('proxy', true)
    }
  })
})

describe.each(ADAPTERS)('authorization matrix on $name', (adapter) => {
  let h: Harness
  let accounts: AccountDoc[]
  beforeAll(async () => {
    h = await makeHarness(adapter)
    await addStaffOfDunhuang(h.store)
    accounts = await h.store.find('accounts')
  })
  afterAll(() => h.cleanup())

  const cases = (Object.keys(ROWS) as (keyof typeof ROWS)[]).flatMap((action) =>
    (Object.keys(CALLERS) as Caller[]).map((caller) => [action, caller] as const)
  )

  it.each(cases)('%s as %s', async (action, caller) => {
    // Each call gets fresh data: a fresh harness per row would be slow, so cells that change shared records
    // (the seeded binding, the settings) put them back afterwards.
    const row = ROWS[action] as Row
    const payload = await row.setup(h)
    const who = CALLERS[caller]
    const want: Expect = caller === 'anonymous' ? 'UNAUTHENTICATED' : row.expect[caller]
    const before = await fingerprint(h)
    const env = await h
      .as(who.account)
      .call(action, payload as never, 'actingFor' in who ? { actingFor: who.actingFor } : {})
    if (want === 'ok') {
      expect({ caller, env: env.ok ? 'ok' : `${env.code} ${env.message}` }).toEqual({ caller, env: 'ok' })
    } else {
      expect({ caller, code: env.ok ? 'ok' : env.code }).toEqual({ caller, code: want })
      expect(env.ok === false && /[\u4e00-\u9fa5]/.test(env.message)).toBe(true)
      expect(await fingerprint(h)).toBe(before)
    }
    await restore(h, accounts)
  })
})

/** Puts back what an allowed call may have changed and later cells rely on. */
async function restore(h: Harness, accounts: AccountDoc[]): Promise<void> {
  await h.store.transaction(async (tx) => {
    // Accepting an invite makes the caller a family member too.
    for (const a of accounts) await tx.put('accounts', a)
    const b = await tx.get('familyBindings', `${ACCOUNTS.family}:${ZHANG}`)
    if (b && b.status !== 'active')
      await tx.put('familyBindings', { ...b, status: 'active', endedAt: null, endedBy: null })
    if (await tx.get('helpSettings', 'help')) await tx.remove('helpSettings', 'help')
    for (const id of [
      `${ACCOUNTS.retireeDunhuang}:${ZHANG}`,
      `${ACCOUNTS.volunteer}:${ZHANG}`,
      `wx:seed-volunteer-1:${ZHANG}`,
      `${LIMING}:${ZHANG}`
    ]) {
      const other = await tx.get('familyBindings', id)
      if (other && other.status !== 'ended') await tx.put('familyBindings', { ...other, status: 'ended' })
    }
  })
}
