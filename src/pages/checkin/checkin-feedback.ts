/** What the check-in page says after a scan: one notice, in words, for every outcome. */
import type { CheckinResult } from '@contract/actions'
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
    return { tone: 'info', title: '已签到', lines: [`您在 ${formatClock(r.at)} 已经签过到了，不用再签。`, `活动：${r.activityTitle}`] }
  }
  return {
    tone: 'success',
    title: '签到成功',
    lines: [
      `活动：${r.activityTitle}`,
      `签到时间：${formatClock(r.at)}`,
      ...(r.points > 0 ? [`得到 ${r.points} 个积分`] : []),
      ...(r.walkIn ? ['您没有提前报名，已为您现场报名。'] : [])
    ]
  }
}
