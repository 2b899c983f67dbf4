/** What the check-in page says after a scan: one notice, in words, for every outcome. */
import type { CheckinResult, ShiftScanResult } from '@contract/actions'
import { hoursText } from '@contract/volunteer-rules'
import { formatClock, formatDateTime } from '@contract/time'
import type { MutationOutcome } from '@/sync'
import type { NoticeTone } from '@/components/Notice'

export interface Feedback {
  tone: NoticeTone
  title: string
  lines: string[]
}

export function checkinFeedback(outcome: MutationOutcome<CheckinResult>, scannedAt: number): Feedback {
  if (outcome.status === 'queued') {
    return {
      tone: 'warning',
      title: '已记下，待同步',
      lines: [`扫码时间 ${formatDateTime(scannedAt)}。`, '现在没有网络，有网时会自动提交，24 小时内提交都算数。']
    }
  }
  if (outcome.status === 'rejected') return { tone: 'danger', title: '没有签上', lines: [outcome.message] }
  const r = outcome.data
  if (r.result === 'already') {
    return {
      tone: 'info',
      title: '已签到',
      lines: [`您在 ${formatClock(r.at)} 已经签过到了，不用再签。`, `活动：${r.activityTitle}`]
    }
  }
  return {
    tone: 'success',
    title: '签到成功',
    lines: [
      `活动：${r.activityTitle}`,
      `签到时间：${formatClock(r.at)}`,
      ...(r.points > 0 ? [`得到 ${r.points} 个积分`] : []),
      ...(r.pointsNote ? [r.pointsNote] : []),
      ...(r.walkIn ? ['您没有提前报名，已为您现场报名。'] : [])
    ]
  }
}

/** The same, for a volunteer shift's check-in or check-out code. */
export function shiftFeedback(outcome: MutationOutcome<ShiftScanResult>, scannedAt: number): Feedback {
  if (outcome.status !== 'applied') return checkinFeedback(outcome as MutationOutcome<never>, scannedAt)
  const r = outcome.data
  const word = r.direction === 'in' ? '签到' : '签退'
  if (r.result === 'already') {
    return {
      tone: 'info',
      title: `已${word}`,
      lines: [`您在 ${formatClock(r.at)} 已经${word}过了，不用再扫。`, `志愿服务：${r.title}`]
    }
  }
  if (r.direction === 'in') {
    return {
      tone: 'success',
      title: '签到成功',
      lines: [
        `志愿服务：${r.title}`,
        `签到时间：${formatClock(r.at)}`,
        '结束时请扫工作人员的签退码。',
        ...(r.walkIn ? ['您没有提前报名，已为您现场报名。'] : [])
      ]
    }
  }
  return {
    tone: 'success',
    title: '签退成功，谢谢您！',
    lines: [
      `志愿服务：${r.title}`,
      `签退时间：${formatClock(r.at)}`,
      `记志愿服务时长 ${hoursText(r.creditedMinutes ?? 0)}`,
      ...r.notes,
      ...(r.points > 0 ? [`得到 ${r.points} 个积分`] : [])
    ]
  }
}
