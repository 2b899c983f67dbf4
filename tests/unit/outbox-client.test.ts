/** The small client pieces around the outbox: migration of a persisted state, reconnect in h5, usePending. */
import { watchNetwork } from '../../src/platform/network-watch'
import { pendingOf } from '../../src/sync/use-pending'
import { withQueuedSignup } from '../../src/packages/activity/detail/main-action'
import type { OutboxItem } from '../../src/sync/outbox-types'
import type { ActivityDetail } from '../../types/actions'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getStorageSync: () => '', setStorageSync: () => undefined, removeStorageSync: () => undefined }
}))

const queued = (id: string, action: string, payload: unknown): OutboxItem => ({
  id,
  action,
  payload,
  accountId: 'local:zhangguilan',
  actingFor: null,
  clientTime: 1,
  label: id,
  attempts: 0,
  nextAttemptAt: 0,
  lastError: null
})

describe('the persisted state across versions', () => {
  it('keeps what a v1 phone queued, marking its items as of no known account', async () => {
    const { migrateState } = await import('../../src/store')
    const v1 = {
      token: 't',
      outbox: [
        {
          id: 'm1',
          action: 'signup.create',
          payload: { activityId: 'a' },
          actingFor: null,
          clientTime: 1,
          label: '报名',
          attempts: 2,
          nextAttemptAt: 5,
          lastError: null
        }
      ],
      rejected: []
    }
    const state = migrateState(v1, 1)
    expect(state.outbox).toEqual([{ ...v1.outbox[0], accountId: null }])
    expect(migrateState({ token: 't' }, 0)).toMatchObject({ outbox: [], rejected: [] })
  })

  it('renames what a v2 phone queued under an old staff action name, and keeps everything else as it was', async () => {
    const { migrateState } = await import('../../src/store')
    const v2 = {
      token: 't',
      outbox: [
        queued('m1', 'volunteer.staffMark', { shiftId: 's-1' }),
        queued('m2', 'signup.create', { activityId: 'a' }),
        queued('m3', 'activity.publish', { id: 'a-2' })
      ],
      rejected: []
    }
    const state = migrateState(v2, 2)
    expect(state.outbox!.map((i) => i.action)).toEqual([
      'volunteer.staff.mark',
      'signup.create',
      'activity.staff.publish'
    ])
    expect(state.outbox!.map(({ action: _a, ...rest }) => rest)).toEqual(
      v2.outbox.map(({ action: _a, ...rest }) => rest)
    )
    // A current state is left alone.
    expect(migrateState(v2, 3).outbox!.map((i) => i.action)).toEqual([
      'volunteer.staffMark',
      'signup.create',
      'activity.publish'
    ])
  })
})

describe('reconnect in h5', () => {
  it("syncs when the browser fires 'online' (Taro's onNetworkStatusChange does not in Chromium)", () => {
    const target = new EventTarget()
    let synced = 0
    watchNetwork(() => void (synced += 1), target as unknown as Window)
    target.dispatchEvent(new Event('offline'))
    expect(synced).toBe(0)
    target.dispatchEvent(new Event('online'))
    expect(synced).toBe(1)
  })
})

describe('usePending', () => {
  const outbox = [
    queued('m1', 'signup.create', { activityId: 'a-1' }),
    queued('m2', 'checkin.scan', { token: 'x', scannedAt: 1 }),
    queued('m3', 'signup.cancel', { activityId: 'a-1' }),
    queued('m4', 'signup.create', { activityId: 'a-2' })
  ]

  it('returns the queued writes of the given actions that match, oldest first', () => {
    expect(
      pendingOf<{ activityId: string }>(outbox, ['signup.create', 'signup.cancel'], (p) => p.activityId === 'a-1').map(
        (i) => i.id
      )
    ).toEqual(['m1', 'm3'])
    expect(pendingOf(outbox, 'checkin.scan').map((i) => i.id)).toEqual(['m2'])
  })

  it('shows a queued sign-up as signed up (or waitlisted when full), and a queued cancellation as not signed up', () => {
    const a = { capacity: 10, placesLeft: 3, mySignup: null, myWaitlistPosition: null } as unknown as ActivityDetail
    expect(withQueuedSignup(a, 'signup.create')).toMatchObject({ mySignup: 'signed' })
    expect(withQueuedSignup({ ...a, placesLeft: 0 }, 'signup.create')).toMatchObject({
      mySignup: 'waitlisted',
      myWaitlistPosition: null
    })
    expect(withQueuedSignup({ ...a, mySignup: 'signed' }, 'signup.cancel')).toMatchObject({ mySignup: null })
  })
})
