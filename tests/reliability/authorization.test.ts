/**
 * The authorization table: every action in ACTIONS × every kind of caller, with the expected outcome (ok, or
 * the exact refusal), in data, run on both storage adapters. A new action without a row fails the first test,
 * so every action added later is decided here on purpose.
 *
 * The payloads name 张桂兰's data (a retiree of 肃州区): her activity sign-up, her pick-up code, her messages,
 * her ledger, her personal 签到码, activities and items of her county. So the other callers' columns are the
 * probes that an id in a payload never reaches another person's data: 李德明 (another retiree, 敦煌), 王建国
 * (a volunteer of her county), a family member bound to her and one who is not (both acting for her), staff of
 * her county and of another (敦煌), the admin, and nobody logged in. A refused call must leave everything
 * stored as it was (no committed write outside the processed-mutation record); some allowed calls are checked
 * for what they did not touch as well (`verify`).
 *
 * Help requests and family binding have their own matrix with request states and more callers
 * (tests/server/help-family-authz.test.ts, same callers and more): their rows here point to it, and the first
 * test checks that it covers every help.* and family.* action.
 *
 * Each cell runs on a fresh copy of the prepared database (support/fresh-state.ts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ACTIONS, type ActionInput, type ActionName } from '../../types/actions'
import { helpActions } from '../../types/actions/help'
import { familyActions } from '../../types/actions/family'
import { ERRORS, type ErrorCode } from '../../types/errors'
import { mayActFor } from '../../types/proxy-actions'
import type { Envelope } from '../../types/envelope'
import { businessDay } from '../../types/time'
import { issueCode } from '../../server/domain/tokens/rotating-code'
import { createRouter } from '../../server/core/router'
import { silentLogger } from '../../server/core/logger'
import { handlers } from '../../server/handlers'
import { ACCOUNTS, DEFAULT_NOW, type Harness } from '../support/harness'
import { STAFF_DUNHUANG, addStaffOfDunhuang } from '../support/help-fixtures'
import { template, type Template } from './support/fresh-state'
import { trackWrites } from './support/tracked-store'

jest.setTimeout(300_000)

const ZHANG = 'p-zhangguilan'
const TOKEN_KEY = 'test-token-key'
/** 07:10 in Beijing: 太极拳晨练 (07:30, 肃州区) is open for check-in. */
const NOW = DEFAULT_NOW + 10 * 60_000

export const CALLERS = {
  anonymous: { account: null },
  retiree: { account: ACCOUNTS.retiree },
  otherRetiree: { account: ACCOUNTS.retireeDunhuang },
  familyBound: { account: ACCOUNTS.family, actingFor: ZHANG },
  familyUnbound: { account: 'wx:seed-family-2', actingFor: ZHANG },
  volunteer: { account: ACCOUNTS.volunteer },
  staffSame: { account: ACCOUNTS.staffSuzhou },
  staffOther: { account: STAFF_DUNHUANG },
  admin: { account: ACCOUNTS.admin }
} as const satisfies Record<string, { account: string | null; actingFor?: string }>

type Caller = keyof typeof CALLERS
type Expect = 'ok' | ErrorCode
type Expectations = Record<Caller, Expect>

/** What the prepared database holds for the payloads to name. */
interface Fixtures {
  /** 张桂兰's pick-up code for an item of 肃州区 (reserved). */
  code: string
  /** A draft activity of 肃州区. */
  draft: string
  /** A message to 张桂兰, unread. */
  message: string
  /** The code of 王建国's 志愿服务证明. */
  certificate: string
}

interface Row<A extends ActionName = ActionName> {
  payload(f: Fixtures): ActionInput<A>
  expect: Expectations
  /** Checked after an allowed call: what it must not have touched. */
  verify?(h: Harness, f: Fixtures, caller: Caller, env: Envelope): Promise<void>
}

/** help.* and family.* are decided in their own matrix. */
const HELP_FAMILY_MATRIX = 'tests/server/help-family-authz.test.ts'
type Reference = { see: typeof HELP_FAMILY_MATRIX }

// Shorthands.
const U = 'UNAUTHENTICATED' as const
const F = 'FORBIDDEN' as const
const P = 'PROXY_NOT_ALLOWED' as const
const NB = 'NOT_BOUND' as const
/** Any signed-in caller, for themself (not while acting for an elder). */
const everyone = (over: Partial<Expectations> = {}): Expectations => ({
  anonymous: U,
  retiree: 'ok',
  otherRetiree: 'ok',
  familyBound: P,
  familyUnbound: P,
  volunteer: 'ok',
  staffSame: 'ok',
  staffOther: 'ok',
  admin: 'ok',
  ...over
})
/** Something a person on the roster does for themself; a bound family member may do it for them (代办). Staff and the admin have no roster person. */
const personal = (over: Partial<Expectations> = {}): Expectations => ({
  anonymous: U,
  retiree: 'ok',
  otherRetiree: 'ok',
  familyBound: 'ok',
  familyUnbound: NB,
  volunteer: 'ok',
  staffSame: F,
  staffOther: F,
  admin: F,
  ...over
})
/** The same, done only in person (no 代办). */
const inPerson = (over: Partial<Expectations> = {}): Expectations =>
  personal({ familyBound: P, familyUnbound: P, ...over })
/** Staff and admin only; `same` / `other` for staff of 张桂兰's county and of another. */
const staff = (same: Expect, other: Expect, admin: Expect = same): Expectations => ({
  anonymous: U,
  retiree: F,
  otherRetiree: F,
  familyBound: P,
  familyUnbound: P,
  volunteer: F,
  staffSame: same,
  staffOther: other,
  admin
})

const FIELDS = (orgUnitId: string): ActionInput<'activity.staff.create'> => ({
  title: '冬季健步走',
  type: '文体活动',
  place: '肃州区人民公园',
  startAt: DEFAULT_NOW + 5 * 86400_000,
  endAt: DEFAULT_NOW + 5 * 86400_000 + 7200_000,
  signupDeadline: DEFAULT_NOW + 4 * 86400_000,
  capacity: 30,
  audience: { kind: 'all' },
  orgUnitId
})

export const ROWS: { [A in ActionName]: Row<A> | Reference } = {
  // ---- identity ----
  'auth.whoami': { payload: () => ({}), expect: everyone() },
  'account.activate': {
    // Every caller here already has an account: nobody can bind themself to someone else's roster record.
    payload: () => ({ code: '123456' }),
    expect: everyone({
      retiree: 'ACCOUNT_ALREADY_BOUND',
      otherRetiree: 'ACCOUNT_ALREADY_BOUND',
      volunteer: 'ACCOUNT_ALREADY_BOUND',
      staffSame: 'ACCOUNT_ALREADY_BOUND',
      staffOther: 'ACCOUNT_ALREADY_BOUND',
      admin: 'ACCOUNT_ALREADY_BOUND'
    })
  },
  'person.staff.issueActivationCode': { payload: () => ({ personId: ZHANG }), expect: staff('ok', F) },
  'org.units': { payload: () => ({}), expect: everyone() },

  // ---- activities ----
  'activity.list': { payload: () => ({}), expect: everyone({ familyBound: 'ok', familyUnbound: NB }) },
  // 太极拳晨练 is for 肃州区: people and staff of 敦煌 do not see it.
  'activity.get': {
    payload: () => ({ id: 'a-taiji-0' }),
    expect: everyone({ otherRetiree: 'NOT_FOUND', familyBound: 'ok', familyUnbound: NB, staffOther: 'NOT_FOUND' })
  },
  'activity.staff.list': { payload: () => ({}), expect: staff('ok', 'ok') },
  'activity.staff.create': { payload: () => FIELDS('org-sz'), expect: staff('ok', F) },
  'activity.staff.update': {
    payload: () => ({ id: 'a-taiji-0', fields: { ...FIELDS('org-sz'), capacity: 40 } }),
    expect: staff('ok', F)
  },
  'activity.staff.publish': { payload: (f) => ({ id: f.draft }), expect: staff('ok', F) },
  'activity.staff.cancel': { payload: () => ({ id: 'a-taiji-0', reason: '天气原因' }), expect: staff('ok', F) },
  'activity.staff.roster': { payload: () => ({ id: 'a-taiji-0' }), expect: staff('ok', F) },
  'activity.staff.checkinCode': { payload: () => ({ id: 'a-taiji-0' }), expect: staff('ok', F) },
  'activity.staff.exportAttendance': { payload: () => ({ id: 'a-taiji-0' }), expect: staff('ok', F) },

  // ---- sign-ups and check-in ----
  // 肃州区第一党支部's meeting in three days: 张桂兰's branch; 王建国 is in the second branch, 李德明 in 敦煌.
  'signup.create': {
    payload: () => ({ activityId: 'a-branch-3' }),
    expect: personal({ otherRetiree: 'NOT_IN_AUDIENCE', volunteer: 'NOT_IN_AUDIENCE' })
  },
  // 张桂兰 is signed up for the health talk: only she (or her bound daughter) can cancel her place; anyone
  // else cancels their own (absent) sign-up, which changes nothing of hers.
  'signup.cancel': {
    payload: () => ({ activityId: 'a-health-2' }),
    expect: personal(),
    async verify(h, _f, caller) {
      const mine = caller === 'retiree' || caller === 'familyBound'
      expect({ caller, status: (await h.store.get('signups', `a-health-2:${ZHANG}`))?.status }).toEqual({
        caller,
        status: mine ? 'cancelled' : 'signed'
      })
    }
  },
  'signup.mine': { payload: () => ({}), expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' }) },
  // The code on the staff's screen checks in whoever scans it (a walk-in here), never anybody else.
  'checkin.scan': {
    payload: () => ({ token: issueCode(TOKEN_KEY, { kind: 'activity', id: 'a-taiji-0' }, NOW).token, scannedAt: NOW }),
    expect: inPerson({ otherRetiree: 'NOT_IN_AUDIENCE' }),
    async verify(h, _f, caller) {
      const checkins = await h.store.find('checkins', { where: { activityId: 'a-taiji-0' } })
      expect({ caller, who: checkins.map((c) => c.personId) }).toEqual({
        caller,
        who: [caller === 'retiree' ? ZHANG : 'p-wangjianguo']
      })
    }
  },
  'checkin.staff.scan': {
    payload: () => ({
      activityId: 'a-taiji-0',
      token: issueCode(TOKEN_KEY, { kind: 'person', id: ZHANG }, NOW).token,
      scannedAt: NOW
    }),
    expect: staff('ok', F)
  },
  'checkin.staff.proxy': {
    payload: () => ({ activityId: 'a-taiji-0', personId: ZHANG, reason: '本人到场，不会用手机' }),
    expect: staff('ok', F)
  },
  'checkin.myCode': { payload: () => ({}), expect: inPerson() },

  // ---- messages ----
  'message.list': { payload: () => ({}), expect: everyone() },
  'message.unreadCount': { payload: () => ({}), expect: everyone() },
  'message.markRead': {
    payload: (f) => ({ ids: [f.message] }),
    expect: everyone(),
    // Only 张桂兰 herself may mark her message read; for everyone else the id is ignored.
    async verify(h, f, caller) {
      const m = await h.store.get('messages', f.message)
      expect({ caller, read: m?.readAt !== null }).toEqual({ caller, read: caller === 'retiree' })
    }
  },

  // ---- points ----
  'points.summary': { payload: () => ({}), expect: personal() },
  'points.history': { payload: () => ({}), expect: personal() },
  'points.rules': { payload: () => ({}), expect: everyone() },
  'points.staff.setRules': {
    payload: () => ({
      rules: {
        byType: { 组织生活: 5, 讲座: 3, 文体活动: 2, 老年大学: 3, 志愿服务: 5, 宣讲: 3, 其他: 1 },
        dailyCap: 20,
        staffAward: { songxue: 5, participation: 3 },
        volunteerShift: 2,
        starBands: [{ min: 10, stars: 1 }],
        expiry: { enabled: false, afterYears: 1 }
      }
    }),
    expect: staff(F, F, 'ok')
  },
  'points.catalogue': { payload: () => ({}), expect: personal() },
  // An item of 肃州区: not in 敦煌's catalogue. Spending points is done in person.
  'points.redeem': { payload: () => ({ itemId: 'ri-sz-massage' }), expect: inPerson({ otherRetiree: 'NOT_FOUND' }) },
  'points.myRedemptions': { payload: () => ({}), expect: personal() },
  // 张桂兰's pick-up code: she or staff who serve her may cancel it; nobody else, whatever code they send.
  'points.cancelRedemption': {
    payload: (f) => ({ code: f.code }),
    expect: inPerson({ otherRetiree: F, volunteer: F, staffSame: 'ok', staffOther: F, admin: 'ok' })
  },
  'points.setLeaderboardOptIn': { payload: () => ({ optIn: true }), expect: inPerson() },
  'points.leaderboard': { payload: () => ({}), expect: inPerson() },
  // Staff of 敦煌 get their own county's people: 张桂兰 is not among them.
  'points.staff.people': {
    payload: () => ({}),
    expect: staff('ok', 'ok'),
    async verify(_h, _f, caller, env) {
      const ids = (env as { data: { items: { id: string }[] } }).data.items.map((p) => p.id)
      expect({ caller, hasZhang: ids.includes(ZHANG) }).toEqual({ caller, hasZhang: caller !== 'staffOther' })
    }
  },
  'points.staff.ledger': { payload: () => ({ personId: ZHANG }), expect: staff('ok', F) },
  'points.staff.adjust': {
    payload: () => ({ personId: ZHANG, amount: 5, reason: '补录三月学习' }),
    expect: staff('ok', F)
  },
  'points.staff.award': {
    payload: () => ({ personId: ZHANG, kind: 'songxue', title: '送学上门：学习文件', day: businessDay(NOW) }),
    expect: staff('ok', F)
  },
  'points.staff.items': { payload: () => ({}), expect: staff('ok', 'ok') },
  'points.staff.saveItem': {
    payload: () => ({
      name: '围巾',
      kind: 'item',
      price: 20,
      addStock: 5,
      perPersonLimit: 1,
      orgUnitId: 'org-sz',
      active: true
    }),
    expect: staff('ok', F)
  },
  'points.staff.redemption': { payload: (f) => ({ code: f.code }), expect: staff('ok', F) },
  'points.staff.fulfil': { payload: (f) => ({ code: f.code }), expect: staff('ok', F) },
  'points.staff.pending': { payload: () => ({}), expect: staff('ok', 'ok') },
  'points.staff.export': {
    payload: () => ({ branchId: 'br-sz-1', from: businessDay(NOW - 30 * 86400_000), to: businessDay(NOW) }),
    expect: staff('ok', F)
  },
  'points.staff.stars': { payload: () => ({ branchId: 'br-sz-1', year: 2026 }), expect: staff('ok', F) },
  'points.staff.setStarExempt': {
    payload: () => ({ personId: ZHANG, year: 2026, exempt: true, reason: '长期卧床' }),
    expect: staff('ok', F)
  },
  'points.staff.setLeaderboard': { payload: () => ({ branchId: 'br-sz-1', enabled: true }), expect: staff('ok', F) },

  // ---- volunteer service (王建国 leads 关爱 team of 肃州区; 张桂兰 is in no team) ----
  // Looking is open to staff too (their desk links to the same pages); joining and signing up are for roster people.
  'volunteer.teams': { payload: () => ({}), expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' }) },
  'volunteer.team': {
    payload: () => ({ id: 'vt-sz-guanai' }),
    expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' })
  },
  'volunteer.joinTeam': { payload: () => ({ teamId: 'vt-sz-guanai', note: '' }), expect: personal() },
  // 王建国 leads the team: a leader cannot just leave it (staff name a new leader first).
  'volunteer.leaveTeam': {
    payload: () => ({ teamId: 'vt-sz-guanai' }),
    expect: personal({ volunteer: 'ILLEGAL_TRANSITION' })
  },
  // Volunteers may serve in any county (宣讲 goes to 玉门), so another county's retiree sees and signs up too.
  'volunteer.activities': { payload: () => ({}), expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' }) },
  'volunteer.activity': {
    payload: () => ({ id: 'va-phone' }),
    expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' })
  },
  'volunteer.signup': { payload: () => ({ shiftId: 'vs-phone-d4' }), expect: personal() },
  'volunteer.cancelSignup': { payload: () => ({ shiftId: 'vs-yizhen-d3' }), expect: personal() },
  'volunteer.mine': { payload: () => ({}), expect: personal({ staffSame: 'ok', staffOther: 'ok', admin: 'ok' }) },
  'volunteer.hours': { payload: () => ({}), expect: personal() },
  // In person only: the code is on the staff's screen at the place.
  'volunteer.scan': {
    payload: () => ({
      token: issueCode(TOKEN_KEY, { kind: 'shift-in', id: 'vs-guanai-d0-am' }, NOW).token,
      scannedAt: NOW
    }),
    // 07:10: the 09:00 shift's check-in is not open yet; the point is who gets that far.
    expect: inPerson({ retiree: 'CHECKIN_NOT_OPEN', otherRetiree: 'CHECKIN_NOT_OPEN', volunteer: 'CHECKIN_NOT_OPEN' })
  },
  // For oneself (or the elder, 代办); staff name the person in `personId`.
  'volunteer.issueCertificate': {
    payload: () => ({}),
    expect: personal({ retiree: 'NO_HOURS', otherRetiree: 'NO_HOURS', familyBound: 'NO_HOURS' })
  },
  // Public: whoever is shown the certificate checks it, no login needed.
  'volunteer.verifyCertificate': { payload: (f) => ({ code: f.certificate }), expect: everyone({ anonymous: 'ok' }) },
  'volunteer.profile': { payload: () => ({}), expect: inPerson() },
  // 张桂兰 and 李德明 are past the intake age of the 银发人才库.
  'volunteer.saveProfile': {
    payload: () => ({ skills: ['医疗保健'], availability: '周二上午', available: true }),
    expect: inPerson({ retiree: 'AGE_LIMIT', otherRetiree: 'AGE_LIMIT' })
  },
  'volunteer.settings': { payload: () => ({}), expect: everyone() },
  // The team's leader (王建国) decides as staff of its county do.
  'volunteer.decideJoin': {
    payload: () => ({ teamId: 'vt-sz-guanai', personId: 'p-017', approve: true, reason: '' }),
    expect: { ...staff('ok', F), volunteer: 'ok' }
  },
  'volunteer.staff.desk': { payload: () => ({}), expect: staff('ok', 'ok') },
  'volunteer.staff.teamSave': {
    payload: () => ({ fields: { name: '书画志愿队', kind: '其他', orgUnitId: 'org-sz' } }),
    expect: staff('ok', F)
  },
  'volunteer.staff.activitySave': {
    payload: () => ({ fields: { title: '书画进社区', serviceItem: '文化服务', orgUnitId: 'org-sz' } }),
    expect: staff('ok', F)
  },
  // The draft has no shift yet: staff of its county get as far as 请先添加至少一个班次.
  'volunteer.staff.activityPublish': { payload: () => ({ id: 'va-draft' }), expect: staff('VALIDATION', F) },
  'volunteer.staff.shiftSave': {
    payload: () => ({
      activityId: 'va-phone',
      fields: {
        startAt: NOW + 6 * 86400_000,
        endAt: NOW + 6 * 86400_000 + 7200_000,
        place: '肃州区老干部活动中心一楼',
        capacity: 5
      }
    }),
    expect: staff('ok', F)
  },
  'volunteer.staff.shiftCancel': {
    payload: () => ({ shiftId: 'vs-phone-d11', reason: '场地维修' }),
    expect: staff('ok', F)
  },
  'volunteer.staff.shiftRoster': { payload: () => ({ shiftId: 'vs-guanai-d0-am' }), expect: staff('ok', F) },
  'volunteer.staff.shiftCode': {
    payload: () => ({ shiftId: 'vs-guanai-d0-am', direction: 'in' }),
    expect: staff('ok', F)
  },
  // Before the shift's check-in opens: staff of its county get as far as the window.
  'volunteer.staff.scan': {
    payload: () => ({
      shiftId: 'vs-guanai-d0-am',
      direction: 'in',
      token: issueCode(TOKEN_KEY, { kind: 'person', id: 'p-001' }, NOW).token,
      scannedAt: NOW
    }),
    expect: staff('CHECKIN_NOT_OPEN', F)
  },
  'volunteer.staff.mark': {
    payload: () => ({ shiftId: 'vs-guanai-d0-am', personId: 'p-001', direction: 'in', reason: '忘带手机' }),
    expect: staff('CHECKIN_NOT_OPEN', F)
  },
  'volunteer.staff.correctHours': {
    payload: () => ({ shiftId: 'vs-guanai-p12', personId: 'p-001', minutes: 140, reason: '补录' }),
    expect: staff('ok', F)
  },
  'volunteer.staff.confirmHours': {
    payload: () => ({ shiftId: 'vs-guanai-p5', personId: 'p-wangjianguo' }),
    expect: staff('ok', F)
  },
  'volunteer.staff.settleShift': { payload: () => ({ shiftId: 'vs-guanai-p5' }), expect: staff('ok', F) },
  'volunteer.staff.searchPool': { payload: () => ({}), expect: staff('ok', 'ok') },
  // The intake age is the bureau's (admin) setting.
  'volunteer.staff.settingsUpdate': { payload: () => ({ intakeMaxAge: 80 }), expect: staff(F, F, 'ok') },

  ...(Object.fromEntries(
    [...Object.keys(helpActions), ...Object.keys(familyActions)].map((a) => [a, { see: HELP_FAMILY_MATRIX }])
  ) as Record<keyof typeof helpActions | keyof typeof familyActions, Reference>)
}

async function prepare(h: Harness): Promise<Fixtures> {
  await addStaffOfDunhuang(h.store)
  h.clock.set(NOW)
  const code = (await h.as(ACCOUNTS.retiree).ok('points.redeem', { itemId: 'ri-sz-massage' })).redemption.code
  const draft = (await h.as(ACCOUNTS.staffSuzhou).ok('activity.staff.create', FIELDS('org-sz'))).id
  await h.store.transaction((tx) =>
    tx.put('messages', {
      _id: 'authz-msg',
      toPersonId: ZHANG,
      toAccountId: null,
      title: '活动提醒',
      body: '明天上午有活动',
      link: null,
      at: NOW - 3600_000,
      readAt: null
    })
  )
  const certificate = (await h.as(ACCOUNTS.volunteer).ok('volunteer.issueCertificate', {})).code
  return { code, draft, message: 'authz-msg', certificate }
}

describe('the authorization table', () => {
  it('has a row for every action, and the help/family matrix covers the actions it is pointed to for', () => {
    expect(Object.keys(ROWS).sort()).toEqual(Object.keys(ACTIONS).sort())
    const matrix = readFileSync(path.join(__dirname, '../..', HELP_FAMILY_MATRIX), 'utf8')
    for (const [action, row] of Object.entries(ROWS)) {
      if (!('see' in row)) continue
      expect({ action, inMatrix: matrix.includes(`'${action}': {`) }).toEqual({ action, inMatrix: true })
    }
  })

  // The one list of what may be done for an elder (代办) is types/proxy-actions.ts: a family member acting for
  // 张桂兰 is refused as PROXY_NOT_ALLOWED exactly on the actions missing from it, bound or not.
  it("decides the 代办 columns by the contract's 代办 table", () => {
    for (const [action, row] of Object.entries(ROWS)) {
      if ('see' in row) continue
      const inPersonOnly = !mayActFor(action)
      expect({ action, bound: row.expect.familyBound === P, unbound: row.expect.familyUnbound === P }).toEqual({
        action,
        bound: inPersonOnly,
        unbound: inPersonOnly
      })
    }
  })

  it('expects only known codes', () => {
    for (const row of Object.values(ROWS))
      if (!('see' in row)) for (const e of Object.values(row.expect)) if (e !== 'ok') expect(ERRORS).toHaveProperty(e)
  })
})

const CELLS = (Object.keys(ROWS) as ActionName[])
  .filter((a) => !('see' in ROWS[a]))
  .flatMap((action) => (Object.keys(CALLERS) as Caller[]).map((caller) => [action, caller] as const))

describe.each(['sqlite', 'cloudbase'] as const)('the authorization table on %s', (kind) => {
  let t: Template
  let f: Fixtures
  const seen: Record<string, Record<string, string>> = {}
  beforeAll(async () => {
    t = await template(kind, async (h) => void (f = await prepare(h)), NOW)
  })
  afterAll(async () => {
    await t.dispose()
    if (process.env.AUTHZ_DISCOVER)
      process.stdout.write(
        `${kind}\n${Object.entries(seen)
          .map(
            ([a, r]) =>
              `${a}: ${Object.entries(r)
                .map(([c, v]) => `${c}=${v}`)
                .join(' ')}`
          )
          .join('\n')}\n`
      )
  })

  it.each(CELLS)('%s as %s', async (action, caller) => {
    const h = await t.fresh()
    try {
      const row = ROWS[action] as Row
      const who = CALLERS[caller]
      const store = trackWrites(h.store)
      const router = createRouter(
        { store, clock: h.clock, secrets: { tokenKey: TOKEN_KEY }, log: silentLogger },
        handlers
      )
      const env = await router.call(who.account, {
        action,
        payload: row.payload(f),
        mutationId: `authz-${caller}`,
        ...('actingFor' in who ? { actingFor: who.actingFor } : {})
      })
      const got = env.ok ? 'ok' : env.code
      ;(seen[action] ??= {})[caller] = got
      if (process.env.AUTHZ_DISCOVER) return
      expect({ action, caller, got, message: env.ok ? '' : env.message }).toMatchObject({
        action,
        caller,
        got: row.expect[caller]
      })
      if (env.ok) {
        await row.verify?.(h, f, caller, env)
      } else {
        expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
        expect(store.takeWrites().filter((c) => c !== 'mutations')).toEqual([])
      }
    } finally {
      await h.cleanup()
    }
  })
})
