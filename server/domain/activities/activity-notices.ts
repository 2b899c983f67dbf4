/**
 * The in-app messages activities send, written with sendMessage inside the transaction of their event.
 * Deterministic ids: a re-run transaction or a replay never messages twice.
 */
import { formatDateTime } from '../../../types/time'
import type { Tx } from '../../storage/port'
import type { ActivityDoc, SignupDoc } from '../../storage/schema'
import { sendMessage } from '../messages/inbox'

export const activityLink = (id: string) => `/packages/activity/detail/index?id=${encodeURIComponent(id)}`

const when = (a: ActivityDoc) => `时间：${formatDateTime(a.startAt)}，地点：${a.place}。`

/** A freed place went to someone on the waitlist. */
export async function tellPromoted(tx: Tx, activity: ActivityDoc, signup: SignupDoc, now: number): Promise<void> {
  await sendMessage(tx, {
    id: `promoted:${signup._id}:${signup.waitlistSeq ?? 0}`,
    toPersonId: signup.personId,
    title: `候补成功：「${activity.title}」`,
    body: `有人取消了报名，您已从候补转为正式报名。${when(activity)}如果去不了，请在活动开始前取消报名，把名额让给别人。`,
    link: activityLink(activity._id),
    at: now
  })
}

export async function tellCancelled(
  tx: Tx,
  activity: ActivityDoc,
  personId: string,
  reason: string,
  now: number
): Promise<void> {
  await sendMessage(tx, {
    id: `cancelled:${activity._id}:${personId}`,
    toPersonId: personId,
    title: `活动取消：「${activity.title}」`,
    body: `您报名的「${activity.title}」（原定 ${formatDateTime(activity.startAt)}）已取消，不用前往了。${reason ? `原因：${reason}。` : ''}给您带来不便，请谅解。`,
    link: activityLink(activity._id),
    at: now
  })
}

export async function tellChanged(
  tx: Tx,
  activity: ActivityDoc,
  personId: string,
  now: number,
  version: number
): Promise<void> {
  await sendMessage(tx, {
    id: `changed:${activity._id}:${personId}:${version}`,
    toPersonId: personId,
    title: `活动有变化：「${activity.title}」`,
    body: `您报名的活动时间或地点有调整。现在的${when(activity)}请按新的安排参加。`,
    link: activityLink(activity._id),
    at: now
  })
}
