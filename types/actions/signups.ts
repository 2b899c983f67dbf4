import { z } from 'zod'
import { ANY_ROLE } from '../roles'
import { defineAction, zId } from '../define'
import type { ActivityCard, CheckinMethod } from './activities'

export type SignupStatus = 'signed' | 'waitlisted' | 'cancelled'

export interface SignupResult {
  activityId: string
  status: SignupStatus
  /** true: nothing changed (already signed up / already cancelled) — a repeated tap is harmless. */
  already: boolean
  /** 1 for the first in line; null unless waitlisted (and unknown when `already`). */
  waitlistPosition: number | null
}

/** One line of 我的活动. */
export interface MySignup {
  activity: ActivityCard
  status: SignupStatus
  waitlistPosition: number | null
  signedUpAt: number
  checkin: { at: number; method: CheckinMethod } | null
}

export const signupActions = {
  /** 报名. When the activity is full the person joins the waitlist (候补). At most one sign-up per person. */
  'signup.create': defineAction<SignupResult>()({
    kind: 'mutation',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ activityId: zId })
  }),
  /** 取消报名 (or leave the waitlist). A freed place goes to the first on the waitlist, who is told. */
  'signup.cancel': defineAction<SignupResult>()({
    kind: 'mutation',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({ activityId: zId })
  }),
  /** 我的活动: the subject's sign-ups, newest activity first (signed, waitlisted, cancelled, checked in). */
  'signup.mine': defineAction<{ items: MySignup[] }>()({
    kind: 'query',
    access: ANY_ROLE,
    proxy: true,
    input: z.object({})
  })
}
