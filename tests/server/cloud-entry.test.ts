/**
 * The CloudBase entry with a fake wx-server-sdk: identity comes from getWXContext().OPENID and nothing else.
 */
import { createCloudMain, TIMER_JOBS, TIMER_TRIGGERS, type CloudSdk } from '../../server/hosts/cloudbase/cloud-main'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { FixedClock } from '../../server/core/clock'
import { silentLogger } from '../../server/core/logger'
import { seedDemo } from '../../server/seed/seed'
import { MAX_BODY_BYTES } from '../../types/envelope'
import { DEFAULT_NOW } from '../support/harness'

function fakeCloud(db: MemoryCloudDb) {
  const state = { openid: 'openid-zhang' as string | undefined, env: undefined as unknown }
  const cloud: CloudSdk = {
    DYNAMIC_CURRENT_ENV: Symbol('current'),
    init: (o) => void (state.env = o.env),
    database: () => db,
    getWXContext: () => ({ OPENID: state.openid, APPID: 'wx-test' })
  }
  return { cloud, state }
}

describe('the CloudBase entry', () => {
  let db: MemoryCloudDb
  let main: (event: unknown) => Promise<any>
  let state: { openid: string | undefined }
  beforeEach(async () => {
    db = new MemoryCloudDb()
    const store = new CloudbaseStorage(db)
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    // 张桂兰's WeChat is bound to her roster record.
    const account = (await store.get('accounts', 'local:zhangguilan'))!
    await store.transaction((tx) =>
      tx.create('accounts', { ...account, _id: 'wx:openid-zhang', kind: 'wechat', demo: null })
    )
    const fake = fakeCloud(db)
    state = fake.state
    main = createCloudMain(fake.cloud, { clock: new FixedClock(DEFAULT_NOW), log: silentLogger, tokenKey: 'k' })
  })

  it('knows the caller by OPENID and ignores identity claims in the event', async () => {
    const res = await main({
      action: 'auth.whoami',
      payload: { openid: 'someone-else' },
      userInfo: { openId: 'forged' },
      accountId: 'local:admin'
    })
    expect(res).toMatchObject({
      ok: true,
      data: { accountId: 'wx:openid-zhang', displayName: '张桂兰', roles: ['retiree'] }
    })
  })

  it('treats an unknown OPENID as not yet registered, and no OPENID as not logged in', async () => {
    state.openid = 'new-user'
    expect(await main({ action: 'activity.list', payload: {} })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
    state.openid = undefined
    expect(await main({ action: 'activity.list', payload: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('answers reads and batches over the CloudBase adapter', async () => {
    const list = await main({ action: 'activity.list', payload: {} })
    expect(list.ok).toBe(true)
    expect(list.data.items.map((a: { id: string }) => a.id)).toContain('a-taiji-0')
    const batch = await main({ batch: [{ action: 'auth.whoami' }, { action: 'org.units' }] })
    expect(batch.data.map((r: { ok: boolean }) => r.ok)).toEqual([true, true])
  })

  it('refuses an oversized or malformed event with an envelope', async () => {
    expect(await main({ action: 'auth.whoami', payload: { x: 'x'.repeat(MAX_BODY_BYTES) } })).toMatchObject({
      ok: false,
      code: 'PAYLOAD_TOO_LARGE'
    })
    expect(await main(null)).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    expect(await main({ action: 'nope' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  it('runs a scheduled job on its timer trigger (no user), and never for a phone that sends the same fields', async () => {
    state.openid = undefined
    expect(await main({ Type: 'Timer', TriggerName: 'points-reconcile', Time: '2026-12-02T03:00:00Z' })).toEqual({
      ok: true,
      data: { job: 'points-reconcile', mismatches: 0 }
    })
    expect(await main({ Type: 'Timer', TriggerName: 'hours-reconcile' })).toMatchObject({
      ok: true,
      data: { job: 'hours-reconcile' }
    })
    expect(await main({ Type: 'Timer', TriggerName: 'drop-everything' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION'
    })
    state.openid = 'openid-zhang'
    const fromPhone = await main({ Type: 'Timer', TriggerName: 'points-reconcile' })
    expect(fromPhone).not.toMatchObject({ ok: true, data: { job: 'points-reconcile' } })
  })

  it('declares a timer trigger for every scheduled job in the uploaded config.json', () => {
    expect(TIMER_TRIGGERS.map((t) => t.name).sort()).toEqual(Object.keys(TIMER_JOBS).sort())
    const config = JSON.parse(readFileSync(path.join(__dirname, '../../cloudfunctions/api/config.json'), 'utf8'))
    expect(config.triggers).toEqual(TIMER_TRIGGERS)
    for (const t of TIMER_TRIGGERS) expect(t.config.split(' ')).toHaveLength(7)
  })

  it('runs the document migrations on { Type: "Migrate" } without a user, and not for a phone', async () => {
    state.openid = undefined
    // The same list as npm run upgrade (server/storage/migrations): the demo data predates version 1.
    expect(await main({ Type: 'Migrate' })).toMatchObject({
      ok: true,
      data: { from: 0, to: 1, applied: [{ version: 1, name: 'accounts: mustChangePassword' }] }
    })
    expect(await main({ Type: 'Migrate' })).toEqual({ ok: true, data: { from: 1, to: 1, applied: [] } })
    state.openid = 'openid-zhang'
    expect(await main({ Type: 'Migrate' })).not.toMatchObject({ ok: true, data: { applied: [] } })
  })
})
