/**
 * Staff actions were renamed to `<domain>.staff.<verb>`. A phone may hold writes queued under an old name when
 * the app is upgraded: for one release the router answers an old name as the new one, with the same
 * idempotency (a replay under either name answers the first result, also when the previous release recorded it
 * under the old name). The writes go through the real sync engine over a persisted outbox and the real router.
 */
import { ACTIONS, type ActionInput } from '../../types/actions'
import { staffOnly } from '../../types/roles'
import { RENAMED_ACTIONS } from '../../types/renamed-actions'
import { createSyncEngine } from '../../src/sync/sync-engine'
import type { Transport } from '../../src/services/transport/transport'
import type { OutboxItem } from '../../src/sync/outbox-types'
import { memoryOutbox } from '../support/memory-outbox'
import { ACCOUNTS, DEFAULT_NOW, makeHarness, type Harness } from '../support/harness'

jest.setTimeout(60_000)

const STAFF = ACCOUNTS.staffSuzhou
const FIELDS: ActionInput<'activity.staff.create'> = {
  title: '冬季健步走',
  type: '文体活动',
  place: '肃州区人民公园',
  startAt: DEFAULT_NOW + 5 * 86400_000,
  endAt: DEFAULT_NOW + 5 * 86400_000 + 7200_000,
  signupDeadline: DEFAULT_NOW + 4 * 86400_000,
  capacity: 30,
  audience: { kind: 'all' },
  orgUnitId: 'org-sz'
}

/** What the phone kept from before the upgrade: a write under the old name, not sent yet. */
const queued = (id: string, action: string, payload: unknown): OutboxItem => ({
  id,
  action,
  payload,
  accountId: STAFF,
  actingFor: null,
  clientTime: DEFAULT_NOW,
  label: '新建活动「冬季健步走」',
  attempts: 0,
  nextAttemptAt: 0,
  lastError: null
})

describe('the naming rule', () => {
  it('names exactly the actions only staff (or the admin) may call <domain>.staff.<verb>', () => {
    for (const [name, spec] of Object.entries(ACTIONS)) {
      expect({ name, staffName: /^[a-z]+\.staff\.[a-zA-Z]+$/.test(name) }).toEqual({
        name,
        staffName: staffOnly(spec.access)
      })
    }
  })

  it('maps every old name to a current action, and no old name is still an action', () => {
    for (const [old, now] of Object.entries(RENAMED_ACTIONS)) {
      expect({ old, isAction: old in ACTIONS, target: now in ACTIONS }).toEqual({ old, isAction: false, target: true })
    }
  })
})

describe('a write queued under an old name before an upgrade', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness()
  })
  afterEach(async () => {
    await h.cleanup()
  })

  const activitiesTitled = async (title: string) => (await h.store.find('activities', { where: { title } })).length

  it('still applies when the phone sends it, and a replay under either name answers the first result', async () => {
    expect(RENAMED_ACTIONS['activity.create']).toBe('activity.staff.create')
    const { box, items, rejected } = memoryOutbox()
    box.enqueue(queued('upgrade-m1', 'activity.create', FIELDS))
    const transport: Transport = { kind: 'http', send: (body) => h.router.handle(STAFF, body) }
    const engine = createSyncEngine({
      transport: () => transport,
      box,
      account: () => STAFF,
      now: () => DEFAULT_NOW,
      random: () => 0.5,
      setTimer: () => 0,
      clearTimer: () => undefined
    })
    await engine.flush()

    expect({ left: items().length, rejected }).toEqual({ left: 0, rejected: [] })
    expect(await activitiesTitled('冬季健步走')).toBe(1)
    const record = await h.store.get('mutations', `${STAFF}:upgrade-m1`)
    expect(record).toMatchObject({ action: 'activity.staff.create', result: { ok: true } })

    // The answer was lost on the way: the phone sends it again, under the old name or (upgraded) the new one.
    const first = record!.result
    for (const action of ['activity.create', 'activity.staff.create']) {
      expect(await h.router.call(STAFF, { action, payload: FIELDS, mutationId: 'upgrade-m1' })).toEqual(first)
    }
    expect(await activitiesTitled('冬季健步走')).toBe(1)
    // The id belongs to that write: another action under it is still refused.
    expect(
      await h.router.call(STAFF, {
        action: 'activity.staff.publish',
        payload: { id: 'a-taiji-0' },
        mutationId: 'upgrade-m1'
      })
    ).toMatchObject({ ok: false, code: 'MUTATION_ID_REUSED' })
  })

  it('answers from the record the previous release made under the old name, without doing it again', async () => {
    // The previous release applied the write and recorded it under its old name; the phone never got the answer.
    const before = { ok: true as const, data: { id: 'a-from-before' } }
    await h.store.transaction((tx) =>
      tx.create('mutations', {
        _id: `${STAFF}:upgrade-m2`,
        accountId: STAFF,
        action: 'activity.create',
        result: before,
        at: DEFAULT_NOW - 60_000
      })
    )
    for (const action of ['activity.create', 'activity.staff.create']) {
      expect(await h.router.call(STAFF, { action, payload: FIELDS, mutationId: 'upgrade-m2' })).toEqual(before)
    }
    expect(await activitiesTitled('冬季健步走')).toBe(0)
  })
})
