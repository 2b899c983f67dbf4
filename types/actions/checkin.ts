import { z } from 'zod'
import { ANY_ROLE, STAFF_OR_ADMIN } from '../roles'
import { defineAction, zId, zInstant, zText } from '../define'
import type { CheckinMethod, RotatingCode } from './activities'

export interface CheckinResult {
  /** 'already': this person had checked in before; nothing was awarded this time. */
  result: 'checked-in' | 'already'
  activityId: string
  activityTitle: string
  personId: string
  personName: string
  /** When the person checked in (the first time, for 'already'). */
  at: number
  method: CheckinMethod
  /** Points awarded by this call (0 for 'already'). */
  points: number
  /** Why fewer points than the activity's were awarded (the daily cap), in plain words; null otherwise. */
  pointsNote: string | null
  /** Checked in without a sign-up (a place was taken at the door). */
  walkIn: boolean
}

/** A token as scanned or pasted; generous bound, the server parses it. */
const zToken = zText().min(1, '请输入签到码').max(200)

export const checkinActions = {
  /**
   * The retiree scanned the staff's rotating code. `scannedAt` is when the phone scanned it: an offline scan is
   * queued and sent later, and the server checks the code against that claimed time (which must not be in the
   * future, must lie in the check-in window, and must be at most 24 h before the request arrives).
   */
  'checkin.scan': defineAction<CheckinResult>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.object({ token: zToken, scannedAt: zInstant })
  }),
  /** Staff scanned a person's own rotating 签到码 (for those who cannot work a camera). */
  'checkin.staff.scan': defineAction<CheckinResult>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ activityId: zId, token: zToken, scannedAt: zInstant })
  }),
  /** Staff 代签 from the sign-up list; the reason is required and audited. */
  'checkin.staff.proxy': defineAction<CheckinResult>()({
    kind: 'mutation',
    access: STAFF_OR_ADMIN,
    input: z.object({ activityId: zId, personId: zId, reason: zText().max(200).default('') })
  }),
  /** The caller's own rotating 签到码 (shown in 我的). */
  'checkin.myCode': defineAction<RotatingCode & { personName: string }>()({
    kind: 'query',
    access: ANY_ROLE,
    input: z.object({})
  })
}
