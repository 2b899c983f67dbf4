/** Who may sign up for an activity, and until when. */
import { formatDateTime } from '../../../types/time'
import { AppError } from '../../core/app-error'
import type { ActivityDoc, PersonDoc } from '../../storage/schema'
import { inAudience } from './audience'

/** Throws the reason a person cannot sign up (or stay signed up for a change) now. */
export function assertSignupOpen(
  activity: ActivityDoc | null,
  person: PersonDoc,
  now: number
): asserts activity is ActivityDoc {
  if (!activity || activity.status === 'draft') throw new AppError('NOT_FOUND')
  if (!inAudience(activity.audience, person)) throw new AppError('NOT_IN_AUDIENCE')
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
  if (now > activity.signupDeadline) {
    throw new AppError('SIGNUP_CLOSED', `报名已在 ${formatDateTime(activity.signupDeadline)} 截止，请看看其他活动`, {
      deadline: activity.signupDeadline
    })
  }
}

/** Cancelling is possible until the activity starts (a freed place still helps someone on the waitlist). */
export function assertCancelOpen(activity: ActivityDoc | null, now: number): asserts activity is ActivityDoc {
  if (!activity || activity.status === 'draft') throw new AppError('NOT_FOUND')
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED')
  if (now >= activity.startAt) throw new AppError('CANCEL_CLOSED')
}
