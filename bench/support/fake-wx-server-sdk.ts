/**
 * A stand-in for wx-server-sdk, for the cold-start benchmark only: the bundled cloud function requires
 * 'wx-server-sdk'; this answers with the in-memory CloudBase database stand-in, seeded with the demo data.
 */
import { MemoryCloudDb } from '../../server/storage/cloudbase/memory-cloud-db'

const db = new MemoryCloudDb()

export const DYNAMIC_CURRENT_ENV = 'bench-env'
export function init(): void {}
export function database(): MemoryCloudDb {
  return db
}
export function getWXContext(): { OPENID: string } {
  return { OPENID: 'bench-openid' }
}
