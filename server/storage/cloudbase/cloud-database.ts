/**
 * The part of wx-server-sdk's database (`cloud.database()`, wx-server-sdk 3.0.x over @cloudbase/database) that
 * the CloudBase adapter uses, declared from the real SDK's surface. wx-server-sdk ships no type declarations, so
 * this is the contract: the real client satisfies it (tests/contract runs the adapter through it, see
 * tests/support/cloudbase-wire.ts) and the in-memory stand-in (memory-cloud-db.ts) implements it for fast tests.
 *
 * What the real SDK does, and the adapter relies on:
 * - `where(...)` conditions are plain values or `db.command` operators; `get()` answers at most 100 documents
 *   unless `limit(n)` says otherwise, and at most 1000 whatever `limit` says.
 * - `doc(id).get()` rejects when the document is missing ("… does not exist"), inside a transaction too.
 * - `add({ data })` with an `_id` that exists rejects with errCode -502001 ("E11000 duplicate key").
 * - `runTransaction(fn, times)` re-runs `fn` when the commit conflicts, at most `times` more times, then rejects
 *   with `{ code: 'DATABASE_TRANSACTION_CONFLICT' }`. Inside it only single-document operations exist.
 * - Failures reject with an Error carrying `errCode` (a CloudBase code such as -501001) and `errMsg`.
 */

type Json = Record<string, unknown>

/** A query operator built by `db.command`: opaque to the adapter, passed back into `where`. */
export interface CloudQueryCommand {
  and(other: CloudQueryCommand): CloudQueryCommand
}

export interface CloudDbCommand {
  eq(v: unknown): CloudQueryCommand
  neq(v: unknown): CloudQueryCommand
  in(v: unknown[]): CloudQueryCommand
  gt(v: unknown): CloudQueryCommand
  gte(v: unknown): CloudQueryCommand
  lt(v: unknown): CloudQueryCommand
  lte(v: unknown): CloudQueryCommand
  and(...parts: CloudQueryCommand[]): CloudQueryCommand
}

export interface CloudQuery {
  where(condition: Json): CloudQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CloudQuery
  skip(offset: number): CloudQuery
  limit(max: number): CloudQuery
  get(): Promise<{ data: Json[] }>
  count(): Promise<{ total: number }>
}

export interface CloudDocument {
  get(): Promise<{ data: Json | null }>
  /** Replace the whole document (creating it if missing). `data` must not hold `_id`. */
  set(options: { data: Json }): Promise<unknown>
  /** Merge fields into the document. `data` must not hold `_id`. */
  update(options: { data: Json }): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocument
  add(options: { data: Json }): Promise<{ _id: string | number }>
}

/** What `runTransaction` hands its callback: by-id operations and `add` only. */
export interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocument; add(options: { data: Json }): Promise<unknown> }
  rollback(reason?: unknown): Promise<unknown>
}

export interface CloudDatabase {
  readonly command: CloudDbCommand
  collection(name: string): CloudCollection
  runTransaction<R>(callback: (tx: CloudTransaction) => Promise<R>, times?: number): Promise<R>
}
