/**
 * The CloudBase adapter: the storage port over the wx-server-sdk database (`cloud.database()`), or over the
 * in-memory stand-in in tests. It uses only calls whose behaviour is the same across wx-server-sdk versions:
 * plain reads go through `where({ _id })` queries (a plain `doc().get()` rejects on a missing document), updates
 * are read-merge-`set` inside the transaction (CloudBase's `update` would merge nested objects), and inserts are
 * `add({ data: { _id } })` so a deterministic `_id` fails on a duplicate.
 */
import type { CollectionName, DocOf } from '../schema'
import {
  DocNotFoundError,
  DuplicateIdError,
  MAX_FIND_LIMIT,
  StorageUnavailableError,
  TxConflictError,
  type Cond,
  type FindOptions,
  type StoragePort,
  type Tx,
  type Where
} from '../port'
import type { CloudDatabase } from './cloud-database'
import { classifyCloudFailure, failureDetail } from './cloud-errors'

type Json = Record<string, unknown>

export interface CloudbaseOptions {
  /** How many times our own loop re-runs a transaction that keeps conflicting (on top of the SDK's). */
  maxAttempts?: number
}

const isDuplicate = (err: unknown) => classifyCloudFailure(err) === 'duplicate'
const isConflict = (err: unknown) => classifyCloudFailure(err) === 'conflict'
const isMissing = (err: unknown) => classifyCloudFailure(err) === 'missing'

/** CloudBase's infrastructure failures become StorageUnavailableError (temporary); anything else is rethrown. */
function translate(err: unknown): unknown {
  if (err instanceof DuplicateIdError || err instanceof DocNotFoundError || err instanceof TxConflictError) return err
  const kind = classifyCloudFailure(err)
  if (kind === 'unavailable' || kind === 'rate-limited') return new StorageUnavailableError(kind, failureDetail(err))
  return err
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw translate(err)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class CloudbaseStorage implements StoragePort {
  readonly name = 'cloudbase'
  private readonly maxAttempts: number

  constructor(
    private readonly db: CloudDatabase,
    options: CloudbaseOptions = {}
  ) {
    this.maxAttempts = options.maxAttempts ?? 30
  }

  private toQuery(where: Where<Json> | undefined): Json {
    const _ = this.db.command
    const out: Json = {}
    for (const [field, raw] of Object.entries(where ?? {})) {
      const cond = raw as Cond | undefined
      if (cond === undefined) continue
      if (cond === null) out[field] = _.eq(null)
      else if (typeof cond !== 'object') out[field] = cond
      else if ('in' in cond) out[field] = _.in(cond.in)
      else if ('ne' in cond) out[field] = _.neq(cond.ne)
      else {
        const parts = []
        if (cond.gt !== undefined) parts.push(_.gt(cond.gt))
        if (cond.gte !== undefined) parts.push(_.gte(cond.gte))
        if (cond.lt !== undefined) parts.push(_.lt(cond.lt))
        if (cond.lte !== undefined) parts.push(_.lte(cond.lte))
        out[field] = parts.length === 1 ? parts[0] : _.and(...parts)
      }
    }
    return out
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<DocOf<C> | null> {
    const res = await guarded(() => this.db.collection(c).where({ _id: id }).limit(1).get())
    return (res.data[0] as unknown as DocOf<C> | undefined) ?? null
  }

  async find<C extends CollectionName>(c: C, options: FindOptions<DocOf<C>> = {}): Promise<DocOf<C>[]> {
    let q = this.db.collection(c).where(this.toQuery(options.where as Where<Json>))
    for (const [field, dir] of options.orderBy ?? []) q = q.orderBy(field, dir)
    q = q.orderBy('_id', 'asc')
    if (options.offset) q = q.skip(options.offset)
    q = q.limit(Math.min(options.limit ?? MAX_FIND_LIMIT, MAX_FIND_LIMIT))
    const res = await guarded(() => q.get())
    return res.data as unknown as DocOf<C>[]
  }

  async count<C extends CollectionName>(c: C, where?: Where<DocOf<C>>): Promise<number> {
    const res = await guarded(() =>
      this.db
        .collection(c)
        .where(this.toQuery(where as Where<Json>))
        .count()
    )
    return res.total
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.runTransaction(async (t) => {
          const read = async (c: string, id: string): Promise<Json | null> => {
            try {
              const res = await t.collection(c).doc(id).get()
              return (res.data as Json | null) ?? null
            } catch (err) {
              if (isMissing(err)) return null
              throw err
            }
          }
          const strip = (doc: Json): Json => {
            const { _id, ...rest } = doc
            void _id
            return rest
          }
          const tx: Tx = {
            get: async (c, id) => (await read(c, id)) as DocOf<typeof c> | null,
            create: async (c, doc) => {
              try {
                await t.collection(c).add({ data: doc as unknown as Json })
              } catch (err) {
                if (isDuplicate(err)) throw new DuplicateIdError(c, doc._id)
                throw err
              }
            },
            put: async (c, doc) => {
              await t
                .collection(c)
                .doc(doc._id)
                .set({ data: strip(doc as unknown as Json) })
            },
            update: async (c, id, patch) => {
              const cur = await read(c, id)
              if (!cur) throw new DocNotFoundError(c, id)
              await t
                .collection(c)
                .doc(id)
                .set({ data: strip({ ...cur, ...(patch as Json) }) })
            },
            remove: async (c, id) => {
              await t.collection(c).doc(id).remove()
            }
          }
          return fn(tx)
        }, 3)
      } catch (err) {
        if (!isConflict(err)) throw translate(err)
        if (attempt >= this.maxAttempts) throw new TxConflictError()
        // Jittered backoff so a crowd of writers on one counter spreads out instead of colliding again.
        await sleep(Math.random() * Math.min(50, 2 * attempt))
      }
    }
  }

  async close(): Promise<void> {}
}
