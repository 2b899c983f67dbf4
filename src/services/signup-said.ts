import type { NoticeValue } from '@/components/Notice'
import type { MutationOutcome } from '@/sync'

interface PlaceResult {
  status: 'signed' | 'waitlisted' | 'cancelled'
  already: boolean
  waitlistPosition: number | null
}

/**
 * What a page says after a sign-up or its cancellation (activities and volunteer shifts share one pool), for
 * useSubmit's `said`. `words`: what to do next once signed up, and after a cancellation (they differ for a shift).
 */
export function signupSaid(
  outcome: MutationOutcome<PlaceResult>,
  what: 'signup' | 'cancel',
  words: { signed: string; cancelled: string }
): NoticeValue {
  if (outcome.status === 'queued')
    return { tone: 'warning', text: '已记下，待同步', lines: ['现在网络不好，有网时会自动提交。'] }
  if (outcome.status === 'rejected')
    return { tone: 'danger', text: what === 'signup' ? '没有报上名' : '没有取消成功', lines: [outcome.message] }
  const r = outcome.data
  if (what === 'cancel') return { tone: 'info', text: '已取消报名', lines: [words.cancelled] }
  if (r.status === 'waitlisted') {
    return {
      tone: 'warning',
      text: r.waitlistPosition ? `已报名候补，排第 ${r.waitlistPosition} 位` : '您在候补名单上',
      lines: ['有人取消时会按顺序自动补上，并发消息告诉您。']
    }
  }
  return { tone: 'success', text: r.already ? '您已经报过名了' : '报名成功', lines: [words.signed] }
}
