/**
 * The storage port. Handlers talk to this and never to a database client. It is deliberately the intersection
 * of what SQLite and the CloudBase document database can both do faithfully:
 *
 * - Reads outside a transaction see committed data only, and may filter, sort and page.
 * - Inside a transaction only single-document operations by `_id` exist (CloudBase's rule). Isolation is
 *   snapshot isolation at best: two transactions that read the same documents and write different ones can
 *   both commit (write skew). So uniqueness must come from deterministic `_id`s (`create` fails on a duplicate)
 *   and capacity from a counter document written in the same transaction as the record it guards (two writers
 *   of one document cannot both commit).
 * - A transaction may be run more than once (conflict retries): its function must have no side effects outside
 *   the `Tx` it is given.
 */
import type { CollectionName, DocOf } from './schema'

export type Scalar = string | number | boolean | null

/** A condition on one top-level field. `null` matches a missing field too. */
export type Cond =
  | Scalar
  | { in: Scalar[] }
  | { ne: Scalar }
  | { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }

export type Where<D> = { [K in keyof D]?: Cond }

export interface FindOptions<D> {
  where?: Where<D>
  orderBy?: [keyof D & string, 'asc' | 'desc'][]
  /** Default and maximum: 1000. Page with `offset` past that. */
  limit?: number
  offset?: number
}

export interface Tx {
  get<C extends CollectionName>(c: C, id: string): Promise<DocOf<C> | null>
  /** Insert a new document; throws DuplicateIdError if `_id` exists. */
  create<C extends CollectionName>(c: C, doc: DocOf<C>): Promise<void>
  /** Insert or replace the whole document. */
  put<C extends CollectionName>(c: C, doc: DocOf<C>): Promise<void>
  /** Change some top-level fields of an existing document; throws NotFoundError if it is missing. */
  update<C extends CollectionName>(c: C, id: string, patch: Partial<Omit<DocOf<C>, '_id'>>): Promise<void>
  /** Only for ephemeral records (sessions): business records are never hard-deleted. */
  remove<C extends CollectionName>(c: C, id: string): Promise<void>
}

export interface StoragePort {
  readonly name: string
  get<C extends CollectionName>(c: C, id: string): Promise<DocOf<C> | null>
  find<C extends CollectionName>(c: C, options?: FindOptions<DocOf<C>>): Promise<DocOf<C>[]>
  count<C extends CollectionName>(c: C, where?: Where<DocOf<C>>): Promise<number>
  /** Runs `fn` atomically; retried on write conflicts; throws TxConflictError when it gives up. */
  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>
  close(): Promise<void>
}

export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string
  ) {
    super(`duplicate _id ${id} in ${collection}`)
    this.name = 'DuplicateIdError'
  }
}

export class DocNotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string
  ) {
    super(`no document ${id} in ${collection}`)
    this.name = 'DocNotFoundError'
  }
}

/** The transaction kept conflicting with others and was given up: the caller answers BUSY (retryable). */
export class TxConflictError extends Error {
  constructor(message = 'transaction conflict') {
    super(message)
    this.name = 'TxConflictError'
  }
}

/**
 * The database could not be reached or refused for load (CloudBase -501001/-501002, a timeout, a dropped
 * connection, the environment's request limits). Nothing was written: the caller answers a temporary failure
 * (UNAVAILABLE, or BUSY when rate-limited) that the phone's outbox retries later.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'rate-limited',
    readonly detail: string
  ) {
    super(`storage ${reason}: ${detail}`)
    this.name = 'StorageUnavailableError'
  }
}

export const MAX_FIND_LIMIT = 1000

/** Evaluates a Where against a plain document: the reference semantics every adapter must match. */
export function matches(doc: Record<string, unknown>, where: Record<string, Cond | undefined> | undefined): boolean {
  if (!where) return true
  for (const [field, cond] of Object.entries(where)) {
    if (cond === undefined) continue
    const value = doc[field] === undefined ? null : (doc[field] as Scalar)
    if (cond === null || typeof cond !== 'object') {
      if (value !== cond) return false
      continue
    }
    if ('in' in cond) {
      if (!cond.in.includes(value)) return false
      continue
    }
    if ('ne' in cond) {
      if (value === cond.ne) return false
      continue
    }
    const range = cond as { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string }
    if (value === null || typeof value === 'boolean') return false
    if (range.gt !== undefined && !(value > range.gt)) return false
    if (range.gte !== undefined && !(value >= range.gte)) return false
    if (range.lt !== undefined && !(value < range.lt)) return false
    if (range.lte !== undefined && !(value <= range.lte)) return false
  }
  return true
}
