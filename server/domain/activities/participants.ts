import type { Ctx } from '../../core/context'
import type { SignupDoc } from '../../storage/schema'
import { counterId } from './activity-pool'

/**
 * Everyone holding a place or waiting, read before a transaction that tells them something, with the pool's
 * version at the time. Inside the transaction `touch` bumps the version: if it moved since, somebody joined or
 * left in between and the list may be stale, so the call answers BUSY (`assertSameVersion` in
 * ../capacity/capacity-pool.ts) and the outbox sends it again. Volunteer shifts: `shiftHolders`
 * (../volunteer/shift-holders.ts).
 */
export async function participants(ctx: Ctx, activityId: string): Promise<{ version: number; list: SignupDoc[] }> {
  const counter = await ctx.store.get('counters', counterId(activityId))
  const list = await ctx.store.find('signups', {
    where: { activityId, status: { in: ['signed', 'waitlisted'] } },
    limit: 1000
  })
  return { version: counter?.version ?? 0, list }
}
