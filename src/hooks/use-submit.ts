import { useState } from 'react'
import type { MutationOutcome } from '@/sync'
import type { NoticeValue } from '@/components/Notice'
import { messageOf } from '@/services/api'

/**
 * One write from a page, with the three outcomes of the outbox turned into words: applied (then `onApplied`),
 * queued (待同步: saved on the phone, sent when there is network) and rejected (the server's reason).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<NoticeValue | null>(null)

  async function run<T>(
    action: () => Promise<MutationOutcome<T>>,
    opts: { done?: string; queued?: string; onApplied?: (data: T) => void | Promise<void>; onQueued?: () => void } = {}
  ): Promise<MutationOutcome<T> | null> {
    if (busy) return null
    setBusy(true)
    setNotice(null)
    try {
      const outcome = await action()
      if (outcome.status === 'applied') {
        if (opts.done) setNotice({ tone: 'success', text: opts.done })
        await opts.onApplied?.(outcome.data)
      } else if (outcome.status === 'queued') {
        setNotice({ tone: 'warning', text: opts.queued ?? '网络不好，已保存在手机上，有网时会自动提交（待同步）' })
        opts.onQueued?.()
      } else {
        setNotice({ tone: 'danger', text: outcome.message })
      }
      return outcome
    } catch (err) {
      setNotice({ tone: 'danger', text: messageOf(err) })
      return null
    } finally {
      setBusy(false)
    }
  }

  return { busy, notice, setNotice, run }
}
