/**
 * CloudBase's failures as the phone meets them: one test per row of the table in docs/cloudbase.md, each driven
 * through the real wx-server-sdk client (its error wrapping included) against the local CloudBase wire, and
 * answered by the real router. Infrastructure failures are temporary envelopes in plain words, never INTERNAL
 * and never an "unhandled error" in the log; conflicts and duplicates keep their meaning.
 */
import { FixedClock } from '../../server/core/clock'
import type { Logger } from '../../server/core/context'
import { createRouter } from '../../server/core/router'
import { handlers } from '../../server/handlers'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { classifyCloudFailure } from '../../server/storage/cloudbase/cloud-errors'
import { DuplicateIdError, StorageUnavailableError, TxConflictError } from '../../server/storage/port'
import type { Envelope } from '../../types/envelope'
import { ERRORS } from '../../types/errors'
import { realSdkDatabase, startCloudbaseWire, type WireFault, type WireServer } from '../support/cloudbase-wire'

jest.setTimeout(30_000)

let wire: WireServer
let store: CloudbaseStorage
let logged: { level: 'info' | 'error'; msg: string; extra?: Record<string, unknown> }[]

function router(s: CloudbaseStorage = store) {
  const log: Logger = {
    info: (msg, extra) => logged.push({ level: 'info', msg, extra }),
    error: (msg, extra) => logged.push({ level: 'error', msg, extra })
  }
  return createRouter(
    { store: s, clock: new FixedClock(Date.UTC(2026, 10, 30, 23)), secrets: { tokenKey: 'k' }, log },
    handlers
  )
}

const whoami = (s?: CloudbaseStorage) => router(s).call('wx:elder-1', { action: 'auth.whoami', payload: {} })
const activate = () =>
  router().call('wx:elder-1', {
    action: 'account.activate',
    payload: { code: '123456' },
    mutationId: `m${Date.now()}${Math.random().toString(16).slice(2)}`
  })

function expectTemporary(env: Envelope, code: 'UNAVAILABLE' | 'BUSY') {
  expect(env).toEqual({ ok: false, code, message: ERRORS[code].message })
  expect(ERRORS[code].retry).toBe(true)
  expect(logged.filter((l) => l.level === 'error')).toEqual([])
}

beforeEach(async () => {
  wire = await startCloudbaseWire()
  store = new CloudbaseStorage(realSdkDatabase(wire), { maxAttempts: 3 })
  logged = []
})
afterEach(() => wire.close())

describe('CloudBase failures through the real wx-server-sdk', () => {
  const infra: [string, WireFault, 'UNAVAILABLE' | 'BUSY'][] = [
    [
      '-501001 resource system error',
      { kind: 'code', code: 'SYS_ERR', message: 'resource system error' },
      'UNAVAILABLE'
    ],
    [
      '-501002 resource server timeout',
      { kind: 'code', code: 'SERVER_TIMEOUT', message: 'resource server timeout' },
      'UNAVAILABLE'
    ],
    ['a dropped connection (ECONNRESET, "socket hang up")', { kind: 'reset' }, 'UNAVAILABLE'],
    ['an HTTP 502 from the gateway', { kind: 'http', status: 502 }, 'UNAVAILABLE'],
    [
      "-501003 exceed request limit (the environment's quota)",
      { kind: 'code', code: 'EXCEED_REQUEST_LIMIT', message: 'exceed request limit' },
      'BUSY'
    ],
    [
      '-501004 exceed concurrent request limit',
      { kind: 'code', code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: 'exceed concurrent request limit' },
      'BUSY'
    ]
  ]

  it.each(infra)('a read that meets %s answers a temporary failure', async (_what, fault, code) => {
    wire.fault(fault, 1)
    expectTemporary(await whoami(), code)
    expect(logged).toEqual([expect.objectContaining({ level: 'info', msg: 'storage unavailable' })])
  })

  it.each(infra)(
    'a write whose transaction meets %s answers a temporary failure and writes nothing',
    async (_what, fault, code) => {
      wire.fault(fault, 1, 'database.startTransaction')
      expectTemporary(await activate(), code)
      expect(wire.calls['database.commitTransaction'] ?? 0).toBe(0)
      expect((await wire.db.collection('mutations').count()).total).toBe(0)
    }
  )

  it('a request that gets no answer within the SDK timeout answers UNAVAILABLE', async () => {
    const slow = new CloudbaseStorage(realSdkDatabase(wire, { timeout: 300 }))
    wire.fault({ kind: 'hang' }, 1)
    expectTemporary(await whoami(slow), 'UNAVAILABLE')
    wire.fault({ kind: 'hang' }, 1, 'database.startTransaction')
    await expect(slow.transaction((tx) => tx.get('accounts', 'x'))).rejects.toEqual(expect.any(StorageUnavailableError))
  })

  it('an unreachable database (nothing listening) answers UNAVAILABLE', async () => {
    await wire.close()
    expectTemporary(await whoami(), 'UNAVAILABLE')
  })

  it('a duplicate _id (-502001 E11000) is DuplicateIdError, as today', async () => {
    await store.transaction((tx) =>
      tx.create('counters', { _id: 'c', capacity: 1, taken: 0, waitlisted: 0, nextWaitlistSeq: 1 })
    )
    await expect(
      store.transaction((tx) =>
        tx.create('counters', { _id: 'c', capacity: 1, taken: 0, waitlisted: 0, nextWaitlistSeq: 1 })
      )
    ).rejects.toEqual(expect.any(DuplicateIdError))
  })

  it('a transaction that keeps conflicting (DATABASE_TRANSACTION_CONFLICT) is TxConflictError, answered BUSY', async () => {
    wire.fault(
      { kind: 'code', code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' },
      100,
      'database.commitTransaction'
    )
    await expect(
      store.transaction((tx) =>
        tx.put('counters', { _id: 'c', capacity: 1, taken: 0, waitlisted: 0, nextWaitlistSeq: 1 })
      )
    ).rejects.toEqual(expect.any(TxConflictError))
    // Our loop (3 attempts here) × the SDK's own runTransaction (1 + 3 tries).
    expect(wire.calls['database.startTransaction']).toBe(12)
  })

  it('anything else (-502003 permission denied: a deployment fault) stays INTERNAL and is logged', async () => {
    wire.fault({ kind: 'code', code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' }, 1)
    const env = await whoami()
    expect(env).toEqual({ ok: false, code: 'INTERNAL', message: ERRORS.INTERNAL.message })
    expect(logged).toEqual([expect.objectContaining({ level: 'error', msg: 'unhandled error' })])
  })
})

describe('classifyCloudFailure (the table, row by row, on the shapes the SDK produces)', () => {
  it.each([
    [{ code: 502, message: ' 502 Bad Gateway | [http://…]' }, 'unavailable'],
    [
      { errCode: -501001, message: 'collection.get:fail -501001 resource system error. getaddrinfo ENOTFOUND x' },
      'unavailable'
    ],
    [{ errCode: -501002, message: 'resource server timeout' }, 'unavailable'],
    [Object.assign(new Error('ESOCKETTIMEDOUT'), { code: 'ESOCKETTIMEDOUT' }), 'unavailable'],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'unavailable'],
    [{ code: 'EXCEED_REQUEST_LIMIT', message: 'exceed request limit' }, 'rate-limited'],
    [{ errCode: -501004, message: 'exceed concurrent request limit' }, 'rate-limited'],
    [{ errCode: -502001, message: '[DuplicateWrite] E11000 duplicate key error' }, 'duplicate'],
    [{ errCode: -502001, message: 'database request fail: bad field' }, 'other'],
    [{ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' }, 'conflict'],
    [{ errCode: -1, message: 'document.get:fail document with _id a does not exist' }, 'missing'],
    [{ errCode: -502003, message: 'database permission denied' }, 'other'],
    [new Error('a bug of ours'), 'other']
  ])('row %# → %s', (err, kind) => {
    expect(classifyCloudFailure(err)).toBe(kind)
  })
})
