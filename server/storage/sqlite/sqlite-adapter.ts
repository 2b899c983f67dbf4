/**
 * The SQLite adapter (better-sqlite3 12.x, WAL). One table per collection holding the JSON document, with
 * expression indexes on the fields in INDEXES.
 *
 * Two connections: writes and transaction reads go through `writer`, serialized by an async mutex because a
 * transaction's function is async and other requests must not run statements inside it; plain reads go
 * through `reader`, which in WAL mode sees only committed data, as CloudBase reads do.
 */
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { COLLECTION_NAMES, INDEXES, type CollectionName, type DocOf } from '../schema'
import {
  DocNotFoundError,
  DuplicateIdError,
  MAX_FIND_LIMIT,
  type Cond,
  type FindOptions,
  type StoragePort,
  type Tx,
  type Where
} from '../port'
import { Mutex } from './mutex'

export interface SqliteOptions {
  /** A file path, or ':memory:' (tests: a private in-memory database, single connection). */
  filename: string
}

const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/

function table(c: string): string {
  return `c_${c}`
}

function fieldExpr(field: string): string {
  if (!FIELD.test(field)) throw new Error(`bad field name ${field}`)
  return `json_extract(doc, '$.${field}')`
}

/** better-sqlite3 binds numbers, strings, bigint, buffers and null; JSON booleans come back as 1/0. */
function bindable(v: unknown): string | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number' || typeof v === 'string') return v
  throw new Error(`cannot compare with ${typeof v}`)
}

export function whereSql(where: Where<Record<string, unknown>> | undefined): {
  sql: string
  params: (string | number | null)[]
} {
  const parts: string[] = []
  const params: (string | number | null)[] = []
  for (const [field, raw] of Object.entries(where ?? {})) {
    const cond = raw as Cond | undefined
    if (cond === undefined) continue
    const expr = field === '_id' ? 'id' : fieldExpr(field)
    if (cond === null) {
      parts.push(`${expr} IS NULL`)
    } else if (typeof cond !== 'object') {
      parts.push(`${expr} = ?`)
      params.push(bindable(cond))
    } else if ('in' in cond) {
      if (cond.in.length === 0) {
        parts.push('0')
        continue
      }
      const nonNull = cond.in.filter((v) => v !== null)
      const ors: string[] = []
      if (nonNull.length) {
        ors.push(`${expr} IN (${nonNull.map(() => '?').join(',')})`)
        params.push(...nonNull.map(bindable))
      }
      if (nonNull.length !== cond.in.length) ors.push(`${expr} IS NULL`)
      parts.push(`(${ors.join(' OR ')})`)
    } else if ('ne' in cond) {
      if (cond.ne === null) parts.push(`${expr} IS NOT NULL`)
      else {
        parts.push(`(${expr} IS NULL OR ${expr} != ?)`)
        params.push(bindable(cond.ne))
      }
    } else {
      const ops: [keyof typeof cond, string][] = [
        ['gt', '>'],
        ['gte', '>='],
        ['lt', '<'],
        ['lte', '<=']
      ]
      for (const [key, op] of ops) {
        const v = cond[key]
        if (v === undefined) continue
        parts.push(`${expr} ${op} ?`)
        params.push(bindable(v))
      }
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

function orderSql(orderBy: [string, 'asc' | 'desc'][] | undefined): string {
  if (!orderBy?.length) return 'ORDER BY id'
  return `ORDER BY ${orderBy.map(([f, d]) => `${f === '_id' ? 'id' : fieldExpr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}, id`
}

export function migrate(db: Db): void {
  for (const c of COLLECTION_NAMES) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table(c)} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`)
    for (const f of INDEXES[c]) {
      db.exec(`CREATE INDEX IF NOT EXISTS ix_${c}_${f} ON ${table(c)} (${fieldExpr(f)})`)
    }
  }
}

export class SqliteStorage implements StoragePort {
  readonly name = 'sqlite'
  private readonly writer: Db
  private readonly reader: Db
  private readonly mutex = new Mutex()
  private closed = false

  constructor(options: SqliteOptions) {
    this.writer = new Database(options.filename)
    if (options.filename !== ':memory:') {
      this.writer.pragma('journal_mode = WAL')
      // NORMAL in WAL mode: a commit survives the process being killed (kill -9); only an OS crash or power
      // loss can lose the last commits. The crash test in tests/reliability relies on the first half.
      this.writer.pragma('synchronous = NORMAL')
    }
    this.writer.pragma('busy_timeout = 5000')
    this.writer.pragma('foreign_keys = ON')
    migrate(this.writer)
    this.reader = options.filename === ':memory:' ? this.writer : new Database(options.filename)
    if (this.reader !== this.writer) this.reader.pragma('busy_timeout = 5000')
  }

  /** For scripts (backup, integrity check): the underlying write connection. */
  get database(): Db {
    return this.writer
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<DocOf<C> | null> {
    // An in-memory database has a single connection: read under the mutex so no transaction is half-seen.
    if (this.reader === this.writer) return this.mutex.run(async () => this.getSync(this.reader, c, id))
    return this.getSync(this.reader, c, id)
  }

  private getSync<C extends CollectionName>(db: Db, c: C, id: string): DocOf<C> | null {
    const row = db.prepare(`SELECT doc FROM ${table(c)} WHERE id = ?`).get(id) as { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as DocOf<C>) : null
  }

  async find<C extends CollectionName>(c: C, options: FindOptions<DocOf<C>> = {}): Promise<DocOf<C>[]> {
    const run = () => {
      const { sql, params } = whereSql(options.where as Where<Record<string, unknown>>)
      const limit = Math.min(options.limit ?? MAX_FIND_LIMIT, MAX_FIND_LIMIT)
      const offset = options.offset ?? 0
      const rows = this.reader
        .prepare(`SELECT doc FROM ${table(c)} ${sql} ${orderSql(options.orderBy)} LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as { doc: string }[]
      return rows.map((r) => JSON.parse(r.doc) as DocOf<C>)
    }
    return this.reader === this.writer ? this.mutex.run(async () => run()) : run()
  }

  async count<C extends CollectionName>(c: C, where?: Where<DocOf<C>>): Promise<number> {
    const run = () => {
      const { sql, params } = whereSql(where as Where<Record<string, unknown>>)
      const row = this.reader.prepare(`SELECT COUNT(*) AS n FROM ${table(c)} ${sql}`).get(...params) as { n: number }
      return row.n
    }
    return this.reader === this.writer ? this.mutex.run(async () => run()) : run()
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('storage is closed')
      const db = this.writer
      db.exec('BEGIN IMMEDIATE')
      let done = false
      const tx: Tx = {
        get: async (c, id) => {
          if (done) throw new Error('transaction finished')
          return this.getSync(db, c, id)
        },
        create: async (c, doc) => {
          if (done) throw new Error('transaction finished')
          const res = db
            .prepare(`INSERT OR IGNORE INTO ${table(c)} (id, doc) VALUES (?, ?)`)
            .run(doc._id, JSON.stringify(doc))
          if (res.changes === 0) throw new DuplicateIdError(c, doc._id)
        },
        put: async (c, doc) => {
          if (done) throw new Error('transaction finished')
          db.prepare(
            `INSERT INTO ${table(c)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`
          ).run(doc._id, JSON.stringify(doc))
        },
        update: async (c, id, patch) => {
          if (done) throw new Error('transaction finished')
          const current = this.getSync(db, c, id)
          if (!current) throw new DocNotFoundError(c, id)
          const next = { ...current, ...patch, _id: id }
          db.prepare(`UPDATE ${table(c)} SET doc = ? WHERE id = ?`).run(JSON.stringify(next), id)
        },
        remove: async (c, id) => {
          if (done) throw new Error('transaction finished')
          db.prepare(`DELETE FROM ${table(c)} WHERE id = ?`).run(id)
        }
      }
      try {
        const result = await fn(tx)
        done = true
        db.exec('COMMIT')
        return result
      } catch (err) {
        done = true
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      }
    })
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      this.closed = true
      if (this.reader !== this.writer) this.reader.close()
      this.writer.close()
    })
  }
}
