import { useRef, useState } from 'react'
import type { MutationOutcome } from '@/sync'
import type { NoticeTone, NoticeValue } from '@/components/Notice'
import { messageOf } from '@/services/api'
import { useAppStore } from '@/store'

export interface SubmitOptions<T> {
  /** What to say when it was applied (nothing when absent); a function gets the result. */
  done?: string | ((data: T) => string)
  /** What to say when it was saved on the phone for later (待同步); a default sentence otherwise. */
  queued?: string
  /** Say something else than the above, from the whole outcome (null: say nothing). Wins over done/queued. */
  said?: (outcome: MutationOutcome<T>) => NoticeValue | null
  onApplied?: (data: T) => void | Promise<void>
  onQueued?: (id: string) => void
  onRejected?: (outcome: { code: string; message: string }) => void
  /** After any outcome, whatever it came to (e.g. reload a roster the write may have changed). */
  onSettled?: () => void
  /**
   * Which of several buttons of one kind is working (a shift's id, a message's id): see `isBusy`. A second run
   * with a key that is still working is ignored; writes with different keys may run side by side.
   */
  key?: string
}

export const QUEUED_WORDS = '网络不好，已保存在手机上，有网时会自动提交（待同步）'

/**
 * The one way a page writes (docs/design-system.md, "Writing from a page"): `run(() => someServiceWrite(…))`.
 * It is busy while the write is under way (and ignores a second tap), turns the three outcomes of the outbox
 * into words in `notice` — applied (`done`), queued (待同步: saved on the phone, sent when there is network) and
 * refused (the server's reason) — and, because the page shows a refusal right where the user pressed the
 * button, takes it out of the 待同步 banner so it is not said twice. Show `notice` with
 * `<Notice notice={notice} />` next to the button.
 */
export function useSubmit() {
  const [busyKeys, setBusyKeys] = useState<string[]>([])
  const [notice, setNotice] = useState<NoticeValue | null>(null)
  // A ref as well as state: two taps in one frame both see the state as it was before the first.
  const working = useRef(new Set<string>())

  async function run<T>(
    action: () => Promise<MutationOutcome<T>>,
    opts: SubmitOptions<T> = {}
  ): Promise<MutationOutcome<T> | null> {
    const key = opts.key ?? ''
    if (working.current.has(key)) return null
    working.current.add(key)
    setBusyKeys([...working.current])
    setNotice(null)
    try {
      const outcome = await action()
      if (outcome.status === 'rejected' && outcome.id) useAppStore.getState().dismissRejected(outcome.id)
      if (opts.said) setNotice(opts.said(outcome))
      else if (outcome.status === 'applied') {
        const done = typeof opts.done === 'function' ? opts.done(outcome.data) : opts.done
        if (done) setNotice({ tone: 'success', text: done })
      } else if (outcome.status === 'queued') setNotice({ tone: 'warning', text: opts.queued ?? QUEUED_WORDS })
      else setNotice({ tone: 'danger', text: outcome.message })
      if (outcome.status === 'applied') await opts.onApplied?.(outcome.data)
      else if (outcome.status === 'queued') opts.onQueued?.(outcome.id)
      else opts.onRejected?.(outcome)
      opts.onSettled?.()
      return outcome
    } catch (err) {
      setNotice({ tone: 'danger', text: messageOf(err) })
      opts.onSettled?.()
      return null
    } finally {
      working.current.delete(key)
      setBusyKeys([...working.current])
    }
  }

  /** busy: a write of this page is under way; isBusy(key): the one run with that `key` is. */
  const isBusy = (key: string) => busyKeys.includes(key)
  return { busy: busyKeys.length > 0, isBusy, notice, setNotice, run }
}

/** What a page says after a write: a tone, a short headline and at most one line more. */
export const said = (tone: NoticeTone, text: string, line?: string): NoticeValue => ({
  tone,
  text,
  lines: line ? [line] : undefined
})

/** A form's answer that it cannot be saved yet, and why (what to fix, or the server's reason). */
export const cannotSave = (why: string): NoticeValue => ({ tone: 'danger', text: '还不能保存', lines: [why] })

/**
 * `said` for a form whose page moves on once saved: nothing when applied, 待同步 when queued, 还不能保存 with the
 * server's reason when refused.
 */
export function formSaid(o: MutationOutcome<unknown>): NoticeValue | null {
  if (o.status === 'rejected') return cannotSave(o.message)
  if (o.status === 'queued') return { tone: 'warning', text: QUEUED_WORDS }
  return null
}
