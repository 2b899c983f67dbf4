import type { RosterEntry } from '@contract/actions'
import { CHECKIN_METHOD_LABELS } from '@contract/activity-types'
import { formatClock } from '@contract/time'

/** One line of what happened with this person, in words. */
export function rosterNotes(e: RosterEntry): string[] {
  const c = e.checkin
  if (!c) return e.signedUpBy ? [`由 ${e.signedUpBy} 代为报名`] : []
  return [
    `${formatClock(c.at)} ${CHECKIN_METHOD_LABELS[c.method]}${c.by ? `（${c.by}）` : ''}`,
    ...(c.walkIn ? ['现场报名'] : []),
    ...(c.offline ? ['离线扫码，稍后上传'] : []),
    ...(c.reason ? [`代签原因：${c.reason}`] : [])
  ]
}
