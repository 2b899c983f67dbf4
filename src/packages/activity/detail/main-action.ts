/**
 * The detail page's one main button, decided from the activity as the reader sees it and the time:
 * 报名 / 报名候补 → 取消报名 or 取消候补 → 去签到 while the check-in window is open → a status in words.
 */
import type { ActivityDetail } from '@contract/actions'
import { formatClock } from '@contract/time'

export type MainAction =
  | { kind: 'signup'; label: string }
  | { kind: 'cancel'; label: string }
  | { kind: 'leave-waitlist'; label: string }
  | { kind: 'checkin'; label: string }
  | { kind: 'none'; label: string }

export function mainAction(a: ActivityDetail, now: number): MainAction {
  if (a.status === 'cancelled') return { kind: 'none', label: '活动已取消' }
  if (a.status === 'draft') return { kind: 'none', label: '草稿，还没有发布' }
  if (a.myCheckin) return { kind: 'none', label: `已签到（${formatClock(a.myCheckin.at)}）` }
  if (now > a.endAt) return { kind: 'none', label: '活动已结束' }
  const full = a.capacity !== null && a.placesLeft === 0
  if (now >= a.checkinOpensAt) {
    if (a.mySignup === 'signed') return { kind: 'checkin', label: '去签到' }
    if (a.mySignup === 'waitlisted') return { kind: 'none', label: '您在候补名单上，名额已满' }
    if (a.allowWalkIn && !full) return { kind: 'checkin', label: '去签到（现场报名）' }
    if (now <= a.signupDeadline) return { kind: 'signup', label: full ? '名额已满，报名候补' : '报名' }
    return { kind: 'none', label: '报名已截止' }
  }
  if (a.mySignup === 'signed') return { kind: 'cancel', label: '取消报名' }
  if (a.mySignup === 'waitlisted') return { kind: 'leave-waitlist', label: '取消候补' }
  if (now > a.signupDeadline) return { kind: 'none', label: '报名已截止' }
  return { kind: 'signup', label: full ? '名额已满，报名候补' : '报名' }
}

/** The outbox actions that change the reader's sign-up (see usePending). */
export const SIGNUP_WRITES = ['signup.create', 'signup.cancel'] as const

/**
 * The activity as it will be once the user's latest queued sign-up write reaches the server: signed up (or on
 * the waitlist when it looked full) after 报名, no sign-up after 取消. Only what the main button and the tags
 * need; the server's answer replaces it after the sync.
 */
export function withQueuedSignup(a: ActivityDetail, latest: (typeof SIGNUP_WRITES)[number]): ActivityDetail {
  if (latest === 'signup.cancel') return { ...a, mySignup: null, myWaitlistPosition: null }
  const full = a.capacity !== null && a.placesLeft === 0
  return {
    ...a,
    mySignup: a.mySignup ?? (full ? 'waitlisted' : 'signed'),
    myWaitlistPosition: a.mySignup ? a.myWaitlistPosition : null
  }
}
