/**
 * CloudBase's database HTTP API, answered on 127.0.0.1, so that the REAL wx-server-sdk (3.0.4, its
 * @cloudbase/node-sdk request layer and @cloudbase/database query/transaction code) can be driven end to end
 * without the network. Only the server side is a fake; every byte the SDK sends is built by the SDK.
 *
 * How the SDK is pointed here (read from node_modules/@cloudbase/node-sdk/lib/utils/httpRequest.js):
 * - `createNewInstance({ env, serviceUrl })` (or, inside a function, the `TCB_CONTEXT_CNFG={"URL": …}` variable
 *   that CloudBase itself injects) replaces https://<env>.<region>.tcb-api.tencentcloudapi.com/admin;
 * - `TENCENTCLOUD_RUNENV=SCF` (+ SCF_NAMESPACE, TENCENTCLOUD_REGION) makes it behave as inside a cloud function,
 *   which also stops its one look-up of metadata.tencentyun.com (done only outside SCF to guess the network);
 * - requests are signed with whatever secretId/secretKey it has: this server does not check signatures.
 *
 * What it implements (POST /admin, JSON body with `action`): database.getDocument (WHERE queries with
 * `$eq $ne $in $gt $gte $lt $lte $and`, order, offset, limit; by-id reads in and out of transactions),
 * calculateDocument (count), insertDocument, modifyDocument (set = `merge: false, upsert: true`; update =
 * `merge: true` with `$set`/`$unset`/`$inc`), removeDocument, start/commit/abortTransaction. Documents travel as
 * EJSON strings both ways, as with CloudBase. Semantics are the in-memory stand-in's (memory-cloud-db.ts):
 * snapshot reads inside transactions, first committer wins (commit answers DATABASE_TRANSACTION_CONFLICT),
 * duplicate `_id` answers DATABASE_REQUEST_FAILED "[DuplicateWrite] E11000 …" (errCode -502001 in the SDK),
 * a limit above 1000 is refused.
 *
 * `fault` lets a test make the next requests fail the way CloudBase's infrastructure does (tests/server/
 * cloudbase-errors.test.ts): an error code in the body, a dropped connection (ECONNRESET), or no answer
 * (the SDK's timeout).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EJSON } from 'bson'
import {
  CloudDbError,
  MemoryCloudDb,
  command,
  type MemoryTransaction
} from '../../server/storage/cloudbase/memory-cloud-db'
import type { CloudDatabase } from '../../server/storage/cloudbase/cloud-database'

type Json = Record<string, unknown>

export type WireFault =
  | { kind: 'code'; code: string; message: string }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'http'; status: number }

export interface WireServer {
  readonly url: string
  readonly db: MemoryCloudDb
  /** Requests answered, by action. */
  readonly calls: Record<string, number>
  /** Fail the next `times` database requests (all actions, or only `action`). */
  fault(f: WireFault, times?: number, action?: string): void
  close(): Promise<void>
}

class WireError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const parse = (s: unknown): Json => (typeof s === 'string' && s ? (EJSON.parse(s, { relaxed: true }) as Json) : {})
const encode = (doc: Json): string => EJSON.stringify(doc, { relaxed: false })

type Cond = ReturnType<typeof command.eq>

const OPS: Record<string, (v: never) => Cond> = {
  $eq: command.eq,
  $ne: command.neq,
  $in: command.in,
  $gt: command.gt,
  $gte: command.gte,
  $lt: command.lt,
  $lte: command.lte
}

/** A MongoDB-style query as the SDK serialises it → the stand-in's `where` object. */
function toWhere(query: Json): Json {
  const parts = new Map<string, Cond[]>()
  const add = (field: string, c: Cond) => parts.set(field, [...(parts.get(field) ?? []), c])
  const walk = (q: Json) => {
    for (const [field, value] of Object.entries(q)) {
      if (field === '$and') {
        for (const sub of value as Json[]) walk(sub)
        continue
      }
      if (field.startsWith('$'))
        throw new WireError('DATABASE_INVALID_OPERRATOR', `operator ${field} is not supported here`)
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
        for (const [op, arg] of Object.entries(value as Json)) {
          const make = OPS[op]
          if (!make) throw new WireError('DATABASE_INVALID_OPERRATOR', `operator ${op} is not supported here`)
          add(field, make(arg as never))
        }
      } else add(field, command.eq(value))
    }
  }
  walk(query)
  const out: Json = {}
  for (const [field, cs] of parts) out[field] = cs.length === 1 ? cs[0] : command.and(...cs)
  return out
}

function setPath(doc: Json, dotted: string, value: unknown, unset = false) {
  const keys = dotted.split('.')
  let cur = doc
  for (const k of keys.slice(0, -1)) {
    if (!cur[k] || typeof cur[k] !== 'object') cur[k] = {}
    cur = cur[k] as Json
  }
  const last = keys[keys.length - 1]
  if (unset) delete cur[last]
  else cur[last] = value
}

function applyUpdate(cur: Json, update: Json): Json {
  const next = JSON.parse(JSON.stringify(cur)) as Json
  for (const [op, fields] of Object.entries(update)) {
    for (const [f, v] of Object.entries(fields as Json)) {
      if (f === '_id' || f.startsWith('_id.')) throw new WireError('DATABASE_REQUEST_FAILED', '不能更新_id的值')
      if (op === '$set') setPath(next, f, v)
      else if (op === '$unset') setPath(next, f, undefined, true)
      else if (op === '$inc')
        setPath(next, f, (Number(f.split('.').reduce<unknown>((o, k) => (o as Json)?.[k], next)) || 0) + Number(v))
      else throw new WireError('DATABASE_INVALID_OPERRATOR', `update operator ${op} is not supported here`)
    }
  }
  return next
}

/** The stand-in's own errors → CloudBase's wire answer. */
function wireError(err: unknown): WireError {
  if (err instanceof WireError) return err
  if (err instanceof CloudDbError) {
    if (err.errCode === -502001) {
      return new WireError('DATABASE_REQUEST_FAILED', err.message.replace(/^.*errMsg: /, ''))
    }
    return new WireError(err.code, err.message)
  }
  throw err
}

export async function startCloudbaseWire(db: MemoryCloudDb = new MemoryCloudDb()): Promise<WireServer> {
  const txs = new Map<string, MemoryTransaction>()
  let txSeq = 0
  const calls: Record<string, number> = {}
  const faults: { f: WireFault; left: number; action?: string }[] = []

  async function answer(p: Json): Promise<Json> {
    const action = String(p.action)
    const coll = String(p.collectionName ?? '')
    const txId = typeof p.transactionId === 'string' ? p.transactionId : undefined
    const tx = txId ? txs.get(txId) : undefined
    if (txId && !tx && action !== 'database.abortTransaction')
      throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${txId} not found`)
    const docId = (): string => {
      const id = parse(p.query)._id
      if (typeof id !== 'string' || !id) throw new WireError('INVALID_PARAM', 'docId must be a non-empty string')
      return id
    }
    const target = () => (tx ? tx.collection(coll) : db.collection(coll))
    switch (action) {
      case 'database.startTransaction': {
        const id = `tx-${++txSeq}`
        txs.set(id, db.startTransaction())
        return { transactionId: id }
      }
      case 'database.commitTransaction': {
        txs.delete(txId!)
        await tx!.commit()
        return { data: {} }
      }
      case 'database.abortTransaction': {
        tx?.abort()
        if (txId) txs.delete(txId)
        return { data: {} }
      }
      case 'database.getDocument': {
        if (p.queryType === 'DOC') {
          const id = docId()
          let doc: Json | null
          if (tx) doc = await tx.collection(coll).doc(id).read()
          else doc = (await db.collection(coll).where({ _id: id }).limit(1).get()).data[0] ?? null
          return { data: { list: doc ? [encode(doc)] : [], offset: 0, limit: 1 } }
        }
        if (tx)
          throw new WireError(
            'DATABASE_REQUEST_FAILED',
            'only single-document operations by _id are allowed in a transaction'
          )
        const limit = Number(p.limit ?? 100)
        let q = db.collection(coll).where(toWhere(parse(p.query)))
        for (const [field, dir] of Object.entries(parse(p.order)))
          q = q.orderBy(field, Number(dir) < 0 ? 'desc' : 'asc')
        if (p.offset) q = q.skip(Number(p.offset))
        q = q.limit(limit)
        const { data } = await q.get()
        return { data: { list: data.map(encode), offset: Number(p.offset ?? 0), limit } }
      }
      case 'database.calculateDocument': {
        const query = typeof p.query === 'string' ? parse(p.query) : ((p.query as Json) ?? {})
        return { data: { total: (await db.collection(coll).where(toWhere(query)).count()).total } }
      }
      case 'database.insertDocument': {
        const docs = (p.data as string[]).map(parse)
        const ids: string[] = []
        for (const doc of docs) ids.push(String((await target().add({ data: doc }))._id))
        return { data: { insertedIds: ids } }
      }
      case 'database.modifyDocument': {
        const id = docId()
        const data = parse(p.data)
        const ref = target().doc(id)
        if (p.merge === false) {
          const res = await ref.set({ data })
          return { data: { updated: res.stats.updated, upsert_id: res.stats.created ? id : null } }
        }
        const cur =
          (tx ? await ref.read() : (await db.collection(coll).where({ _id: id }).limit(1).get()).data[0]) ?? null
        if (!cur) return { data: { updated: 0 } }
        const { _id, ...rest } = applyUpdate(cur, data)
        void _id
        await ref.set({ data: rest })
        return { data: { updated: 1 } }
      }
      case 'database.removeDocument': {
        const res = await target().doc(docId()).remove()
        return { data: { deleted: res.stats.removed } }
      }
      default:
        throw new WireError('INVALID_PARAM', `action ${action} is not answered by this stand-in`)
    }
  }

  function takeFault(action: string): WireFault | undefined {
    const i = faults.findIndex((f) => !f.action || f.action === action)
    if (i < 0) return undefined
    const hit = faults[i]
    if (--hit.left <= 0) faults.splice(i, 1)
    return hit.f
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (body += c))
    req.on('end', () => {
      const send = (payload: Json) => {
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ requestId: `local-${Date.now().toString(16)}`, ...payload }))
      }
      let p: Json
      try {
        p = JSON.parse(body) as Json
      } catch {
        res.statusCode = 400
        res.end()
        return
      }
      const action = String(p.action)
      const fault = takeFault(action)
      if (fault?.kind === 'reset') return void req.socket.destroy()
      if (fault?.kind === 'hang') return
      if (fault?.kind === 'http') {
        res.statusCode = fault.status
        return void res.end()
      }
      if (fault?.kind === 'code') return send({ code: fault.code, message: fault.message })
      calls[action] = (calls[action] ?? 0) + 1
      answer(p).then(send, (err: unknown) => {
        try {
          const e = wireError(err)
          send({ code: e.code, message: e.message })
        } catch (unexpected) {
          res.statusCode = 500
          res.end(String(unexpected))
        }
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/admin`,
    db,
    calls,
    fault(f, times = 1, action) {
      faults.push({ f, left: times, action })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The environment of a cloud function, as far as the SDK looks at it (no credentials of any real account). */
export function simulateCloudFunctionEnv(): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF'
  process.env.SCF_NAMESPACE ??= 'yl-local-test'
  process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai'
}

interface WxServerSdk {
  createNewInstance(config: Json): { database(): CloudDatabase }
}

let quietSlowWarnings = false
/**
 * The SDK warns about any database request still unanswered after 3 s with a timer it clears only on success, so
 * after a failed request the warning can fire once the test has ended ("Cannot log after tests are done"). Only
 * that one message is dropped.
 */
function dropSlowRequestWarnings() {
  if (quietSlowWarnings) return
  quietSlowWarnings = true
  const warn = console.warn.bind(console)
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Your current request database.')) return
    warn(...args)
  }
}

/** The real wx-server-sdk's database client, talking to `wire`. */
export function realSdkDatabase(wire: WireServer, options: { timeout?: number } = {}): CloudDatabase {
  simulateCloudFunctionEnv()
  dropSlowRequestWarnings()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as WxServerSdk
  const app = sdk.createNewInstance({
    env: process.env.SCF_NAMESPACE,
    serviceUrl: wire.url,
    secretId: 'AKIDlocaltestonly',
    secretKey: 'local-test-only',
    ...(options.timeout ? { timeout: options.timeout } : {})
  })
  return app.database()
}
