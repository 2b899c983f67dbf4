/**
 * Capacity with a first-come, first-served waitlist (候补), for anything with a limited number of places:
 * activity sign-ups now, volunteer shifts next. Reuse it; do not copy it.
 *
 * CONTRACT
 *
 * - A pool is ONE counter document, `counters/<counterId>` (CounterDoc): `capacity` (null = no limit), `taken`,
 *   `waitlisted`, `nextWaitlistSeq`, `waitlistHead`, `version`. Choose a deterministic counterId per guarded
 *   thing (`activity:<activityId>`, `shift:<shiftId>`). Create it with `openPool` in the transaction that
 *   creates the thing.
 * - A holder is one record per (pool, person) in a collection of the caller's choosing whose documents extend
 *   `CapacityHolder` (`status`, `waitlistSeq`, `updatedAt`), with a deterministic `_id` (e.g.
 *   `${activityId}:${personId}`), so a person holds at most one place or waitlist entry. Holders are never
 *   deleted: leaving sets status 'cancelled'; joining again reuses the record.
 * - Every function here runs INSIDE the caller's transaction (`ctx.write`) and writes the counter in that same
 *   transaction as the holder records it guards. Two transactions that both change a pool write the same
 *   counter document, so under snapshot isolation (CloudBase) only one commits and the other is re-run: the
 *   capacity can never be exceeded. Never decide capacity from a query ("count, then insert" over-fills).
 * - Waitlist order: a waitlisted holder gets `counter.nextWaitlistSeq` as its `waitlistSeq`, and a slot
 *   document `waitlistSlots/<counterId>#<seq>` points at it. A freed place goes to the lowest waitlisted seq:
 *   promotion walks the slots from `counter.waitlistHead`, skipping holders that left (or re-joined later with
 *   a new number), and moves the head past them. Only by-id reads, as transactions allow.
 * - Invariants, after every commit: `taken` = number of holders 'signed'; `waitlisted` = number of holders
 *   'waitlisted'; if `waitlisted` > 0 then `capacity` is not null and `taken` >= `capacity` (nobody waits while
 *   a place is free). tests/contract/capacity-pool.test.ts checks them under 200 concurrent joins.
 * - Idempotent: joining while holding answers the current state and writes nothing; leaving while not holding
 *   answers 'not-held'. Repeated taps and replays are harmless.
 * - No side effects beyond the transaction: these functions return who was promoted; the caller tells them
 *   (sendMessage in the same transaction) and adds its own fields through `create` / `patch`.
 */
import type { Tx } from '../../storage/port'
import type { CollectionName, CounterDoc, DocOf } from '../../storage/schema'
import { AppError } from '../../core/app-error'

export type HolderStatus = 'signed' | 'waitlisted' | 'cancelled'

export interface CapacityHolder {
  _id: string
  status: HolderStatus
  /** The waitlist number while waitlisted (kept afterwards as history); null if never waitlisted. */
  waitlistSeq: number | null
  updatedAt: number
}

/** The collections whose documents can be holders. A new one (e.g. shift sign-ups) qualifies by its shape. */
export type HolderCollection = { [C in CollectionName]: DocOf<C> extends CapacityHolder ? C : never }[CollectionName]

export interface Pool<C extends HolderCollection> {
  counterId: string
  holders: C
}

export const slotId = (counterId: string, seq: number) => `${counterId}#${seq}`

export function emptyCounter(counterId: string, capacity: number | null): CounterDoc {
  return { _id: counterId, capacity, taken: 0, waitlisted: 0, nextWaitlistSeq: 1, waitlistHead: 1, version: 0 }
}

/** Creates the pool's counter if it does not exist yet, and answers it. */
export async function openPool(tx: Tx, counterId: string, capacity: number | null): Promise<CounterDoc> {
  const existing = await tx.get('counters', counterId)
  if (existing) return existing
  const counter = emptyCounter(counterId, capacity)
  await tx.create('counters', counter)
  return counter
}

/** A counter with every field present. */
type Counter = CounterDoc & Required<Pick<CounterDoc, 'waitlistHead' | 'version'>>

async function loadCounter(tx: Tx, counterId: string): Promise<Counter> {
  const counter = await tx.get('counters', counterId)
  if (!counter) throw new Error(`capacity pool ${counterId} was never opened`)
  // Counters written before waitlistHead/version existed start from the beginning.
  return { ...counter, waitlistHead: counter.waitlistHead ?? 1, version: counter.version ?? 0 }
}

const hasRoom = (c: Counter) => c.capacity === null || c.taken < c.capacity

/** The fields this module owns on a holder; everything else is the caller's. */
type HolderState = Pick<CapacityHolder, 'status' | 'waitlistSeq' | 'updatedAt'>

async function writeHolder<C extends HolderCollection>(tx: Tx, pool: Pool<C>, holder: DocOf<C>): Promise<void> {
  await tx.put(pool.holders, holder)
}

export type JoinOutcome = 'signed' | 'waitlisted' | 'already-signed' | 'already-waitlisted' | 'full'

export interface JoinResult<D> {
  outcome: JoinOutcome
  /** The holder after the call (null only for 'full' with no earlier record). */
  holder: D | null
  /** 1 for the first in line, for a new waitlist entry; null otherwise. */
  waitlistPosition: number | null
}

export interface JoinOptions<D> {
  holderId: string
  now: number
  /** false: take a place or nothing ('full'), e.g. a walk-in at the door. */
  waitlist: boolean
  /** Builds a new holder record around the state this module decided. */
  create: (state: HolderState) => D
  /** Extra fields to set when an earlier (cancelled) record is reused. */
  patch?: Partial<D>
}

/** Take a place, or join the waitlist when full. */
export async function join<C extends HolderCollection>(
  tx: Tx,
  pool: Pool<C>,
  opts: JoinOptions<DocOf<C>>
): Promise<JoinResult<DocOf<C>>> {
  const counter = await loadCounter(tx, pool.counterId)
  const existing = (await tx.get(pool.holders, opts.holderId)) as DocOf<C> | null
  if (existing?.status === 'signed') return { outcome: 'already-signed', holder: existing, waitlistPosition: null }
  if (existing?.status === 'waitlisted')
    return { outcome: 'already-waitlisted', holder: existing, waitlistPosition: null }

  let state: HolderState
  let waitlistPosition: number | null = null
  const next: Counter = { ...counter, version: counter.version + 1 }
  if (hasRoom(counter)) {
    state = { status: 'signed', waitlistSeq: existing?.waitlistSeq ?? null, updatedAt: opts.now }
    next.taken += 1
  } else if (opts.waitlist) {
    const seq = counter.nextWaitlistSeq
    state = { status: 'waitlisted', waitlistSeq: seq, updatedAt: opts.now }
    next.waitlisted += 1
    next.nextWaitlistSeq += 1
    waitlistPosition = next.waitlisted
    await tx.create('waitlistSlots', {
      _id: slotId(pool.counterId, seq),
      counterId: pool.counterId,
      seq,
      holderId: opts.holderId,
      at: opts.now
    })
  } else {
    return { outcome: 'full', holder: existing, waitlistPosition: null }
  }
  const holder = (existing ? { ...existing, ...opts.patch, ...state } : opts.create(state)) as DocOf<C>
  await writeHolder(tx, pool, holder)
  await tx.put('counters', next)
  return { outcome: state.status === 'signed' ? 'signed' : 'waitlisted', holder, waitlistPosition }
}

export interface LeaveResult<D> {
  outcome: 'left' | 'not-held'
  /** What the holder was before leaving (null if there was no record). */
  was: HolderStatus | null
  holder: D | null
  /** Holders moved from the waitlist into the freed place, first come first served. Tell them. */
  promoted: D[]
}

/** Give up a place or a waitlist entry. A freed place goes to the first on the waitlist. */
export async function leave<C extends HolderCollection>(
  tx: Tx,
  pool: Pool<C>,
  opts: { holderId: string; now: number; patch?: Partial<DocOf<C>>; promotedPatch?: Partial<DocOf<C>> }
): Promise<LeaveResult<DocOf<C>>> {
  const existing = (await tx.get(pool.holders, opts.holderId)) as DocOf<C> | null
  if (!existing || existing.status === 'cancelled')
    return { outcome: 'not-held', was: existing?.status ?? null, holder: existing, promoted: [] }
  const counter = await loadCounter(tx, pool.counterId)
  const next: Counter = { ...counter, version: counter.version + 1 }
  if (existing.status === 'signed') next.taken = Math.max(0, next.taken - 1)
  else next.waitlisted = Math.max(0, next.waitlisted - 1)
  const holder = { ...existing, ...opts.patch, status: 'cancelled', updatedAt: opts.now } as DocOf<C>
  await writeHolder(tx, pool, holder)
  const promoted = await promote(tx, pool, next, opts.now, opts.promotedPatch)
  await tx.put('counters', next)
  return { outcome: 'left', was: existing.status, holder, promoted }
}

/**
 * Change the number of places. Fewer places than are taken is refused (nobody loses a place they hold); more
 * places promote from the waitlist.
 */
export async function resize<C extends HolderCollection>(
  tx: Tx,
  pool: Pool<C>,
  opts: { capacity: number | null; now: number; promotedPatch?: Partial<DocOf<C>> }
): Promise<{ promoted: DocOf<C>[] }> {
  const counter = await loadCounter(tx, pool.counterId)
  if (opts.capacity !== null && opts.capacity < counter.taken) {
    throw new AppError('PLACES_BELOW_TAKEN', `已经有 ${counter.taken} 人报名，名额不能少于 ${counter.taken} 个`, {
      taken: counter.taken
    })
  }
  if (opts.capacity === counter.capacity) return { promoted: [] }
  const next: Counter = { ...counter, capacity: opts.capacity, version: counter.version + 1 }
  const promoted = await promote(tx, pool, next, opts.now, opts.promotedPatch)
  await tx.put('counters', next)
  return { promoted }
}

/**
 * Marks the pool changed without changing its numbers. A writer that must not race with joins and leaves
 * (e.g. cancelling the activity and telling everyone who holds a place) calls this so that it and any
 * concurrent join write the same document: one of them is re-run. Answers the version before the bump.
 */
export async function touch(tx: Tx, counterId: string): Promise<number> {
  const counter = await loadCounter(tx, counterId)
  await tx.put('counters', { ...counter, version: counter.version + 1 })
  return counter.version
}

/**
 * After `touch`: the holders a writer read before its transaction (to tell them something) are still all of
 * them only if the version it saw is the one `touch` answered. Otherwise somebody joined or left in between:
 * BUSY, and the outbox sends the write again.
 */
export function assertSameVersion(seen: number, now: number): void {
  if (seen !== now) throw new AppError('BUSY', '正好有人在报名，请再点一次')
}

/** Moves waitlisted holders into free places, lowest waitlist number first. Mutates `counter` (not yet written). */
async function promote<C extends HolderCollection>(
  tx: Tx,
  pool: Pool<C>,
  counter: Counter,
  now: number,
  patch: Partial<DocOf<C>> | undefined
): Promise<DocOf<C>[]> {
  const promoted: DocOf<C>[] = []
  while (hasRoom(counter) && counter.waitlisted > 0 && counter.waitlistHead < counter.nextWaitlistSeq) {
    const seq = counter.waitlistHead
    counter.waitlistHead += 1
    const slot = await tx.get('waitlistSlots', slotId(pool.counterId, seq))
    if (!slot) continue
    const holder = (await tx.get(pool.holders, slot.holderId)) as DocOf<C> | null
    if (!holder || holder.status !== 'waitlisted' || holder.waitlistSeq !== seq) continue
    const signed = { ...holder, ...patch, status: 'signed', updatedAt: now } as DocOf<C>
    await writeHolder(tx, pool, signed)
    counter.taken += 1
    counter.waitlisted -= 1
    promoted.push(signed)
  }
  return promoted
}
