import type { ActivityDetail } from '@contract/actions'
import { formatClock, formatDateTime, formatDay } from '@contract/time'
import { placesText } from '@/components/ActivityCard/places'
import { sentences } from '@/components/ReadAloud/text-of'

/** A phone number digit by digit (a speech engine reads 2612100 as a large number), a pause for the dash. */
export function phoneWords(phone: string): string {
  return phone
    .split('-')
    .map((part) => part.replace(/\s+/g, '').split('').join(' '))
    .join('，')
}

/**
 * What 朗读 reads on an activity's page: what, the reader's own status, when (「9:00 到 11:00」, not a dash a
 * speech engine stumbles on), where, places, deadline, points, the description and whom to call.
 */
export function activitySpeech(a: ActivityDetail): string {
  const mine = a.myCheckin
    ? `您已签到，时间 ${formatClock(a.myCheckin.at)}`
    : a.mySignup === 'signed'
      ? '您已报名'
      : a.mySignup === 'waitlisted'
        ? a.myWaitlistPosition
          ? `您在候补名单上，排第 ${a.myWaitlistPosition} 位`
          : '您在候补名单上'
        : null
  return sentences(
    a.title,
    a.status === 'cancelled' ? `这个活动已取消${a.cancelReason ? `，原因：${a.cancelReason}` : ''}，不用前往了` : null,
    mine,
    `时间：${formatDay(a.startAt)}，${formatClock(a.startAt)} 到 ${formatClock(a.endAt)}`,
    `地点：${a.place}`,
    placesText(a),
    `报名截止：${formatDateTime(a.signupDeadline)}`,
    `签到后得 ${a.points} 分`,
    a.description,
    a.contactPhone ? `有问题请打电话：${phoneWords(a.contactPhone)}` : null
  )
}
