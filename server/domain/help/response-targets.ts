/**
 * Response-time targets: a request must be accepted (受理) within N working days, an urgent one within M
 * minutes (around the clock: emergencies do not wait for Monday). Computed at read time from the current
 * settings, so a changed target applies to requests already waiting.
 */
import type { HelpRequestDoc } from '../../storage/schema'
import type { HelpSettings } from './help-settings'
import { addWorkingDays } from './working-time'

export function acceptDueAt(
  req: Pick<HelpRequestDoc, 'createdAt' | 'urgency'>,
  settings: Pick<HelpSettings, 'acceptWorkingDays' | 'urgentAcceptMinutes'>
): number {
  if (req.urgency === 'urgent') return req.createdAt + settings.urgentAcceptMinutes * 60_000
  return addWorkingDays(req.createdAt, settings.acceptWorkingDays)
}

/** Waiting for acceptance past its target. */
export function isOverdue(
  req: Pick<HelpRequestDoc, 'createdAt' | 'urgency' | 'status'>,
  settings: HelpSettings,
  now: number
): boolean {
  return req.status === 'submitted' && now > acceptDueAt(req, settings)
}
