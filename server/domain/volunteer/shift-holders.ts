/**
 * Everyone holding a place or waiting for a shift, read before a transaction that tells them something, with the
 * pool's version at the time; the writer compares it with `assertSameVersion` (../capacity/capacity-pool.ts).
 * Activities read theirs with `participants` (../activities/participants.ts).
 */
import type { Ctx } from '../../core/context'
import type { ShiftSignupDoc } from '../../storage/schema'
import { shiftCounterId } from './shift-pool'

/** Holders of a shift's places and waitlist, with the pool's version. */
export async function shiftHolders(ctx: Ctx, shiftId: string): Promise<{ version: number; list: ShiftSignupDoc[] }> {
  const counter = await ctx.store.get('counters', shiftCounterId(shiftId))
  const list = await ctx.store.find('shiftSignups', {
    where: { shiftId, status: { in: ['signed', 'waitlisted'] } },
    limit: 1000
  })
  return { version: counter?.version ?? 0, list }
}
