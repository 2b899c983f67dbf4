import type { NoticeTone } from '@/components/Notice'
import type { MutationOutcome } from '@/sync'

/** What a page says after a sign-up or its cancellation (activities and volunteer shifts share one pool). */
export interface Said {
  tone: NoticeTone
  title: string
  text?: string
}

interface PlaceResult {
  status: 'signed' | 'waitlisted' | 'cancelled'
  already: boolean
  waitlistPosition: number | null
}

/** `words`: what to do next once signed up, and after a cancellation (they differ for a shift). */
export function signupSaid(outcome: MutationOutcome<PlaceResult>, what: 'signup' | 'cancel', words: { signed: string; cancelled: string }): Said {
  if (outcome.status === 'queued') return { tone: 'warning', title: '已记下，待同步', text: '现在网络不好，有网时会自动提交。' }
  if (outcome.status === 'rejected') return { tone: 'danger', title: what === 'signup' ? '没有报上名' : '没有取消成功', text: outcome.message }
  const r = outcome.data
  if (what === 'cancel') return { tone: 'info', title: '已取消报名', text: words.cancelled }
  if (r.status === 'waitlisted') {
    return { tone: 'warning', title: r.waitlistPosition ? `已报名候补，排第 ${r.waitlistPosition} 位` : '您在候补名单上', text: '有人取消时会按顺序自动补上，并发消息告诉您。' }
  }
  return { tone: 'success', title: r.already ? '您已经报过名了' : '报名成功', text: words.signed }
}
