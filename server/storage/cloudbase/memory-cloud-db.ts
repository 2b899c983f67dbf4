/**
 * An in-memory stand-in for the part of the wx-server-sdk database API this project uses. It is a FAKE, used
 * where the real CloudBase cannot run (tests, benchmarks); it reproduces the semantics that matter for
 * correctness, so that a bug that would bite in production fails a test here:
 *
 * - `collection(c).doc(id)` get/set/update/remove, `collection(c).add({ data })`, `where/orderBy/skip/limit/get`,
 *   `count`, and `db.command` (eq, neq, in, gt, gte, lt, lte, and).
 * - Server-side query limits: `get()` returns at most 100 documents unless `limit()` says otherwise, and
 *   `limit()` above 1000 is refused.
 * - `runTransaction(fn, times = 3)`: inside it only single-document operations by `_id` (plus `add`) exist;
 *   reads see a snapshot taken when the transaction started; writes are buffered and applied atomically at
 *   commit; if another transaction committed a write to the same document after our snapshot, the commit fails
 *   with DATABASE_TRANSACTION_CONFLICT and the callback is run again, at most `times` more times (as the real
 *   SDK's runTransaction does). Two transactions that write different documents both commit: write skew is
 *   possible, exactly as under CloudBase's snapshot isolation.
 * - Inserting an existing `_id` fails with a duplicate-key error (errCode -502001, "E11000 duplicate key").
 * - `update` merges nested objects (CloudBase's default); `set` replaces the document; neither accepts `_id`.
 * - `doc().get()` of a missing document rejects ("document.get:fail ... does not exist"), inside a transaction
 *   too, as the real wx-server-sdk 3.0.4 does.
 * - Every operation yields to the event loop, so concurrent requests interleave as they would over the network.
 *
 * Where it is simpler than the real thing: no indexes or query planner, no geo/regex/aggregate, no watch, no
 * per-request latency beyond one event-loop turn, and conflicts are detected at commit (first committer wins)
 * rather than at the second writer's write. Both give snapshot isolation.
 */

import type { CloudDatabase, CloudTransaction } from './cloud-database'

type Json = Record<string, unknown>

interface Version {
  ts: number
  doc: Json | null
}

export class CloudDbError extends Error {
  constructor(
    readonly errCode: number,
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'CloudDbError'
  }
}

export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

// ---- commands ---------------------------------------------------------------------------------------------

type Op = 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'and' | 'set'

export class Command {
  constructor(
    readonly op: Op,
    readonly value: unknown
  ) {}

  and(other: Command): Command {
    return new Command('and', [this, other])
  }
}

export const command = {
  eq: (v: unknown) => new Command('eq', v),
  neq: (v: unknown) => new Command('neq', v),
  in: (v: unknown[]) => new Command('in', v),
  gt: (v: unknown) => new Command('gt', v),
  gte: (v: unknown) => new Command('gte', v),
  lt: (v: unknown) => new Command('lt', v),
  lte: (v: unknown) => new Command('lte', v),
  and: (...parts: Command[]) => new Command('and', parts),
  /** Update operator: replace a field's value whole instead of merging it. */
  set: (v: unknown) => new Command('set', v)
}

function norm(v: unknown): unknown {
  return v === undefined ? null : v
}

function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  return (a as number) < (b as number) ? -1 : 1
}

function test(value: unknown, cond: unknown): boolean {
  if (!(cond instanceof Command)) return norm(value) === norm(cond)
  const v = norm(value)
  switch (cond.op) {
    case 'eq':
      return v === norm(cond.value)
    case 'neq':
      return v !== norm(cond.value)
    case 'in':
      return (cond.value as unknown[]).map(norm).includes(v)
    case 'gt':
      return v !== null && cmp(v, cond.value) > 0
    case 'gte':
      return v !== null && cmp(v, cond.value) >= 0
    case 'lt':
      return v !== null && cmp(v, cond.value) < 0
    case 'lte':
      return v !== null && cmp(v, cond.value) <= 0
    case 'and':
      return (cond.value as Command[]).every((c) => test(value, c))
    default:
      throw new CloudDbError(-1, 'INVALID_PARAM', `query operator ${cond.op} not supported`)
  }
}

function deepMerge(target: Json, patch: Json): Json {
  const out: Json = { ...target }
  for (const [k, v] of Object.entries(patch)) {
    if (v instanceof Command) {
      if (v.op !== 'set') throw new CloudDbError(-1, 'INVALID_PARAM', `update operator ${v.op} not supported`)
      out[k] = clone(v.value)
    } else if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      out[k] &&
      typeof out[k] === 'object' &&
      !Array.isArray(out[k])
    ) {
      out[k] = deepMerge(out[k] as Json, v as Json)
    } else {
      out[k] = clone(v)
    }
  }
  return out
}

function rejectId(data: Json, what: string) {
  if (Object.prototype.hasOwnProperty.call(data, '_id')) {
    throw new CloudDbError(-1, 'INVALID_PARAM', `${what}: 不能更新_id的值`)
  }
}

function duplicate(coll: string, id: string): CloudDbError {
  return new CloudDbError(
    -502001,
    'DATABASE_REQUEST_FAILED',
    `database request fail | errCode: -502001 | errMsg: [DuplicateWrite] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`
  )
}

let autoId = 0
function newId(): string {
  autoId += 1
  return `${Date.now().toString(16)}${autoId.toString(16).padStart(8, '0')}`
}

// ---- the store ---------------------------------------------------------------------------------------------

class Store {
  clock = 0
  private readonly data = new Map<string, Map<string, Version[]>>()

  private chain(coll: string, id: string): Version[] {
    let c = this.data.get(coll)
    if (!c) {
      c = new Map()
      this.data.set(coll, c)
    }
    let versions = c.get(id)
    if (!versions) {
      versions = []
      c.set(id, versions)
    }
    return versions
  }

  read(coll: string, id: string, at: number): Json | null {
    const versions = this.data.get(coll)?.get(id)
    if (!versions) return null
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i].ts <= at) return versions[i].doc
    }
    return null
  }

  lastWrite(coll: string, id: string): number {
    const versions = this.data.get(coll)?.get(id)
    return versions?.length ? versions[versions.length - 1].ts : 0
  }

  scan(coll: string, at: number): Json[] {
    const c = this.data.get(coll)
    if (!c) return []
    const out: Json[] = []
    for (const id of c.keys()) {
      const doc = this.read(coll, id, at)
      if (doc) out.push(doc)
    }
    return out
  }

  /** Applies writes atomically at a new timestamp. */
  apply(writes: { coll: string; id: string; doc: Json | null }[]): void {
    this.clock += 1
    const ts = this.clock
    for (const w of writes) {
      const versions = this.chain(w.coll, w.id)
      versions.push({ ts, doc: w.doc })
      // Keep history short: only versions a running snapshot could still need.
      if (versions.length > 8) versions.splice(0, versions.length - 8)
    }
  }
}

// ---- references --------------------------------------------------------------------------------------------

interface TxState {
  startTs: number
  writes: Map<string, { coll: string; id: string; doc: Json | null; create: boolean }>
  done: boolean
}

class DocRef {
  constructor(
    private readonly store: Store,
    private readonly coll: string,
    private readonly id: string,
    private readonly tx: TxState | null
  ) {}

  private current(): Json | null {
    if (this.tx) {
      const w = this.tx.writes.get(`${this.coll}/${this.id}`)
      if (w) return w.doc
      return this.store.read(this.coll, this.id, this.tx.startTs)
    }
    return this.store.read(this.coll, this.id, this.store.clock)
  }

  private write(doc: Json | null, create = false): void {
    if (this.tx) {
      if (this.tx.done) throw new CloudDbError(-1, 'DATABASE_REQUEST_FAILED', 'transaction already finished')
      const key = `${this.coll}/${this.id}`
      const prev = this.tx.writes.get(key)
      this.tx.writes.set(key, { coll: this.coll, id: this.id, doc, create: create || (prev?.create ?? false) })
    } else {
      this.store.apply([{ coll: this.coll, id: this.id, doc }])
    }
  }

  /** As wx-server-sdk 3.0.4: a missing document rejects, inside a transaction too (checked through the real SDK). */
  async get(): Promise<{ data: Json | null }> {
    const doc = await this.read()
    if (!doc)
      throw new CloudDbError(
        -1,
        'DATABASE_REQUEST_FAILED',
        `document.get:fail document with _id ${this.id} does not exist`
      )
    return { data: doc }
  }

  /** The document or null (what CloudBase's server answers; the SDK turns null into the rejection above). */
  async read(): Promise<Json | null> {
    await tick()
    const doc = this.current()
    return doc ? clone(doc) : null
  }

  async set(options: { data: Json }): Promise<{ _id: string; stats: { updated: number; created: number } }> {
    await tick()
    rejectId(options.data, 'document.set')
    const existed = this.current() !== null
    this.write({ ...clone(options.data), _id: this.id })
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } }
  }

  async update(options: { data: Json }): Promise<{ stats: { updated: number } }> {
    await tick()
    rejectId(options.data, 'document.update')
    const cur = this.current()
    if (!cur) return { stats: { updated: 0 } }
    this.write({ ...deepMerge(cur, options.data), _id: this.id })
    return { stats: { updated: 1 } }
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    await tick()
    const cur = this.current()
    if (!cur) return { stats: { removed: 0 } }
    this.write(null)
    return { stats: { removed: 1 } }
  }

  /** Used by add(): insert, failing on an existing _id. */
  async insert(data: Json): Promise<{ _id: string }> {
    await tick()
    if (this.current()) throw duplicate(this.coll, this.id)
    this.write({ ...clone(data), _id: this.id }, true)
    return { _id: this.id }
  }
}

interface QueryState {
  where: Json
  orderBy: [string, 'asc' | 'desc'][]
  skip: number
  limit: number | null
}

class Query {
  constructor(
    protected readonly store: Store,
    protected readonly coll: string,
    protected readonly state: QueryState = { where: {}, orderBy: [], skip: 0, limit: null }
  ) {}

  where(cond: Json): Query {
    return new Query(this.store, this.coll, { ...this.state, where: { ...this.state.where, ...cond } })
  }

  orderBy(field: string, dir: 'asc' | 'desc'): Query {
    return new Query(this.store, this.coll, { ...this.state, orderBy: [...this.state.orderBy, [field, dir]] })
  }

  skip(n: number): Query {
    return new Query(this.store, this.coll, { ...this.state, skip: n })
  }

  limit(n: number): Query {
    if (n > 1000) throw new CloudDbError(-1, 'INVALID_PARAM', 'limit must be less than or equal to 1000')
    return new Query(this.store, this.coll, { ...this.state, limit: n })
  }

  private select(): Json[] {
    const all = this.store
      .scan(this.coll, this.store.clock)
      .filter((doc) => Object.entries(this.state.where).every(([f, c]) => test(doc[f], c)))
    if (this.state.orderBy.length) {
      all.sort((a, b) => {
        for (const [f, d] of this.state.orderBy) {
          const c = cmp(norm(a[f]), norm(b[f]))
          if (c !== 0) return d === 'desc' ? -c : c
        }
        return 0
      })
    }
    return all
  }

  async get(): Promise<{ data: Json[] }> {
    await tick()
    const limit = this.state.limit ?? 100
    return { data: clone(this.select().slice(this.state.skip, this.state.skip + limit)) }
  }

  async count(): Promise<{ total: number }> {
    await tick()
    return { total: this.select().length }
  }
}

class CollectionRef extends Query {
  constructor(
    store: Store,
    coll: string,
    private readonly tx: TxState | null
  ) {
    super(store, coll)
  }

  doc(id: string): DocRef {
    if (typeof id !== 'string' || !id) throw new CloudDbError(-1, 'INVALID_PARAM', 'docId must be a non-empty string')
    return new DocRef(this.store, this.coll, id, this.tx)
  }

  async add(options: { data: Json }): Promise<{ _id: string }> {
    const id = typeof options.data._id === 'string' ? options.data._id : newId()
    return this.doc(id).insert(options.data)
  }
}

/** The transaction object handed to runTransaction's callback: single-document operations only. */
export class MemoryTransaction implements CloudTransaction {
  constructor(
    private readonly store: Store,
    readonly state: TxState,
    private readonly counted: { commits: number; conflicts: number } = { commits: 0, conflicts: 0 }
  ) {}

  collection(name: string): { doc(id: string): DocRef; add(options: { data: Json }): Promise<{ _id: string }> } {
    const ref = new CollectionRef(this.store, name, this.state)
    // Only by-id operations exist inside a transaction: no where/orderBy/get on the collection.
    return { doc: (id: string) => ref.doc(id), add: (o: { data: Json }) => ref.add(o) }
  }

  async rollback(reason?: unknown): Promise<never> {
    this.state.done = true
    throw reason ?? new CloudDbError(-1, 'DATABASE_REQUEST_FAILED', 'transaction rolled back')
  }

  /** Ends a transaction begun with `startTransaction()` without applying its writes. */
  abort(): void {
    this.state.done = true
  }

  /**
   * Applies the buffered writes atomically, or throws DATABASE_TRANSACTION_CONFLICT when another transaction
   * committed a write to one of the same documents after this one's snapshot (first committer wins).
   */
  async commit(): Promise<void> {
    await tick()
    if (this.state.done) throw new CloudDbError(-1, 'DATABASE_REQUEST_FAILED', 'transaction already finished')
    this.state.done = true
    const writes = [...this.state.writes.values()]
    if (writes.some((w) => this.store.lastWrite(w.coll, w.id) > this.state.startTs)) {
      this.counted.conflicts += 1
      throw new CloudDbError(-1, TRANSACTION_CONFLICT, 'database transaction conflict')
    }
    this.store.apply(writes.map(({ coll, id, doc }) => ({ coll, id, doc })))
    this.counted.commits += 1
  }
}

export class MemoryCloudDb implements CloudDatabase {
  readonly command = command
  private readonly store = new Store()
  /** Counters for tests and benchmarks. */
  readonly stats = { commits: 0, conflicts: 0 }

  collection(name: string): CollectionRef {
    return new CollectionRef(this.store, name, null)
  }

  /** A transaction the caller ends with `commit()` or `abort()` (wx-server-sdk's `db.startTransaction()`). */
  startTransaction(): MemoryTransaction {
    const state: TxState = { startTs: this.store.clock, writes: new Map(), done: false }
    return new MemoryTransaction(this.store, state, this.stats)
  }

  async runTransaction<R>(callback: (tx: MemoryTransaction) => Promise<R>, times = 3): Promise<R> {
    const tx = this.startTransaction()
    const result = await callback(tx)
    try {
      await tx.commit()
    } catch (err) {
      if (!(err instanceof CloudDbError && err.code === TRANSACTION_CONFLICT)) throw err
      if (times <= 0) throw err
      return this.runTransaction(callback, times - 1)
    }
    return result
  }
}
