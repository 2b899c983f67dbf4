/**
 * A page that shows a write's refusal right where the user pressed the button need not show it again in the
 * 待同步 banner: once shown inline, it is dismissed there. Queued writes are left alone (they still sync).
 */
import type { MutationOutcome } from '@/sync'
import { useAppStore } from '@/store'

export async function shownInline<T>(action: string, run: () => Promise<MutationOutcome<T>>): Promise<MutationOutcome<T>> {
  const since = Date.now()
  const outcome = await run()
  if (outcome.status === 'rejected') {
    const store = useAppStore.getState()
    for (const r of store.rejected) if (r.action === action && r.at >= since) store.dismissRejected(r.id)
  }
  return outcome
}
