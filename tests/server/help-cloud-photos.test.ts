/**
 * In WeChat, photos are CloudBase fileIDs uploaded by the phone; the `api` function hands out temporary URLs
 * (cloud.getTempFileURL, with the function's rights) only to callers allowed to see the request.
 */
import { createCloudMain, type CloudSdk } from '../../server/hosts/cloudbase/cloud-main'
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'
import { CloudbaseStorage } from '../../server/storage/cloudbase/cloudbase-adapter'
import { FixedClock } from '../../server/core/clock'
import { silentLogger } from '../../server/core/logger'
import { seedDemo } from '../../server/seed/seed'
import { DEFAULT_NOW } from '../support/harness'

describe('help photos on CloudBase', () => {
  it('resolves fileIDs to temporary URLs for the requester and staff, and to nobody else', async () => {
    const db = new MemoryCloudDb()
    const store = new CloudbaseStorage(db)
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => 'x' })
    for (const [openid, local] of [
      ['zhang', 'local:zhangguilan'],
      ['chen', 'local:chenjing'],
      ['li', 'local:lideming']
    ] as const) {
      const account = (await store.get('accounts', local))!
      await store.transaction((tx) =>
        tx.create('accounts', { ...account, _id: `wx:${openid}`, kind: 'wechat', demo: null })
      )
    }
    const asked: string[][] = []
    let openid = 'zhang'
    const cloud: CloudSdk = {
      DYNAMIC_CURRENT_ENV: Symbol('env'),
      init: () => undefined,
      database: () => db,
      getWXContext: () => ({ OPENID: openid }),
      getTempFileURL: async ({ fileList }) => {
        asked.push(fileList)
        return {
          fileList: fileList.map((fileID) => ({
            fileID,
            tempFileURL: `https://tmp.example/${fileID.split('/').pop()}?sign=1`,
            status: 0
          }))
        }
      }
    }
    const main: (event: unknown) => Promise<any> = createCloudMain(cloud, {
      clock: new FixedClock(DEFAULT_NOW),
      log: silentLogger,
      tokenKey: 'k'
    })
    const fileID = 'cloud://env-1.656e-env-1/help/abc123.jpg'
    const created = await main({
      action: 'help.create',
      mutationId: 'cloud-photo-0001',
      payload: {
        category: '家政维修',
        description: '阳台的晾衣架坏了',
        address: '肃州区东关街道 3 号楼',
        phone: '13909371001',
        photos: [fileID]
      }
    })
    expect(created.ok).toBe(true)
    const get = () => main({ action: 'help.get', payload: { id: created.data.id } })

    expect((await get()).data.photos).toEqual([{ ref: fileID, url: 'https://tmp.example/abc123.jpg?sign=1' }])
    openid = 'chen'
    expect((await get()).data.photos).toHaveLength(1)
    openid = 'li'
    expect(await get()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(asked).toEqual([[fileID], [fileID]])
  })
})
