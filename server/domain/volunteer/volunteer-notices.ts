/**
 * The in-app messages the volunteer service sends, inside the transaction of their event, with deterministic
 * ids so a re-run never messages twice.
 */
import { formatClock, formatDateTime } from '../../../types/time'
import type { Tx } from '../../storage/port'
import type { ShiftSignupDoc, VolunteerActivityDoc, VolunteerShiftDoc, VolunteerTeamDoc } from '../../storage/schema'
import { sendMessage } from '../messages/inbox'
import { volunteerLink } from './attendance'
import { shiftText } from './hours-ledger'

const when = (s: VolunteerShiftDoc) => `时间：${formatDateTime(s.startAt)}–${formatClock(s.endAt)}，地点：${s.place}。`

export async function tellShiftPromoted(
  tx: Tx,
  activity: VolunteerActivityDoc,
  shift: VolunteerShiftDoc,
  signup: ShiftSignupDoc,
  now: number
): Promise<void> {
  await sendMessage(tx, {
    id: `promoted:${signup._id}:${signup.waitlistSeq ?? 0}`,
    toPersonId: signup.personId,
    title: `候补成功：${shiftText(activity, shift)}`,
    body: `有人取消了报名，您已从候补转为正式报名。${when(shift)}如果去不了，请在班次开始前取消，把名额让给别人。`,
    link: volunteerLink(activity._id),
    at: now
  })
}

export async function tellShiftCancelled(
  tx: Tx,
  activity: VolunteerActivityDoc,
  shift: VolunteerShiftDoc,
  personId: string,
  reason: string,
  now: number
): Promise<void> {
  await sendMessage(tx, {
    id: `shift-cancelled:${shift._id}:${personId}`,
    toPersonId: personId,
    title: `志愿服务取消：${shiftText(activity, shift)}`,
    body: `您报名的${shiftText(activity, shift)}（原定 ${formatDateTime(shift.startAt)}）已取消，不用前往了。${reason ? `原因：${reason}。` : ''}`,
    link: volunteerLink(activity._id),
    at: now
  })
}

export async function tellShiftChanged(
  tx: Tx,
  activity: VolunteerActivityDoc,
  shift: VolunteerShiftDoc,
  personId: string,
  now: number,
  version: number
): Promise<void> {
  await sendMessage(tx, {
    id: `shift-changed:${shift._id}:${personId}:${version}`,
    toPersonId: personId,
    title: `志愿服务有变化：${shiftText(activity, shift)}`,
    body: `您报名的班次时间或地点有调整。现在的${when(shift)}请按新的安排参加。`,
    link: volunteerLink(activity._id),
    at: now
  })
}

export async function tellTeamDecision(
  tx: Tx,
  team: VolunteerTeamDoc,
  personId: string,
  approved: boolean,
  reason: string,
  now: number,
  version: number
): Promise<void> {
  await sendMessage(tx, {
    id: `team-decision:${team._id}:${personId}:${version}`,
    toPersonId: personId,
    title: approved ? `已加入「${team.name}」` : `加入「${team.name}」没有通过`,
    body: approved
      ? `您加入「${team.name}」的申请已通过，欢迎您！可以在「志愿服务」里报名队伍的志愿活动。`
      : `您加入「${team.name}」的申请没有通过。${reason ? `原因：${reason}。` : ''}如有疑问，请联系工作人员。`,
    link: `/packages/volunteer/team/index?id=${encodeURIComponent(team._id)}`,
    at: now
  })
}
