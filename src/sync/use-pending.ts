/**
 * Optimistic display of queued writes: what a page shows while a write waits in the outbox (待同步).
 *
 *   const pending = usePending<{ activityId: string }>(['signup.create', 'signup.cancel'], (p) => p.activityId === id)
 *
 * returns the queued writes of those actions whose payload matches, oldest first (the last one is the user's
 * latest intent). A page then shows their effect *as pending* — 报名待同步, a scan waiting to upload — next to
 * what the server last said, and replaces it with the server's answer once the write has gone (the list gets
 * shorter: reload then). Use it only where the effect is safe to assume and easy to take back in words: the
 * server still decides (a sign-up may end on the waitlist, a scan may be refused), and a refusal shows up in
 * 待同步 with its reason.
 */
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '@/store'
import type { OutboxItem } from './outbox-types'

export interface PendingWrite<P> extends OutboxItem {
  payload: P
}

export function pendingOf<P>(
  outbox: OutboxItem[],
  action: string | readonly string[],
  match?: (payload: P) => boolean
): PendingWrite<P>[] {
  const actions = typeof action === 'string' ? [action] : action
  return outbox.filter((i) => actions.includes(i.action) && (!match || match(i.payload as P))) as PendingWrite<P>[]
}

export function usePending<P = unknown>(
  action: string | readonly string[],
  match?: (payload: P) => boolean
): PendingWrite<P>[] {
  return useAppStore(useShallow((s) => pendingOf(s.outbox, action, match)))
}
