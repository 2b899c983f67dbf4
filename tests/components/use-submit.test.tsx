/**
 * useSubmit, the one way a page writes: busy while a write is under way (a second tap on the same thing is
 * ignored), the three outcomes of the outbox in words, and a refusal said inline is taken out of the 待同步
 * banner (the store's `rejected`).
 */
import { act, useEffect } from 'react'
import Notice from '../../src/components/Notice'
import { QUEUED_WORDS, formSaid, useSubmit, type SubmitOptions } from '../../src/hooks/use-submit'
import type { MutationOutcome } from '../../src/sync'
import { useAppStore } from '../../src/store'
import { click, render, settle } from './render'

interface Pending<T> {
  resolve(o: MutationOutcome<T>): void
}

/** A page with one button per key; each press starts a write the test settles by hand. */
function harness<T>(opts: SubmitOptions<T> = {}) {
  const calls: { key: string; p: Pending<T> }[] = []
  let api: ReturnType<typeof useSubmit> | null = null
  function Page({ keys }: { keys: string[] }) {
    const submit = useSubmit()
    useEffect(() => {
      api = submit
    })
    return (
      <div>
        <Notice notice={submit.notice} testId='said' />
        {keys.map((k) => (
          <button
            key={k}
            data-testid={`go-${k}`}
            data-busy={submit.isBusy(k) ? 'yes' : 'no'}
            onClick={() =>
              void submit.run(
                () => new Promise<MutationOutcome<T>>((resolve) => calls.push({ key: k, p: { resolve } })),
                { ...opts, key: k }
              )
            }
          >
            {k}
          </button>
        ))}
      </div>
    )
  }
  return { Page, calls, api: () => api! }
}

describe('useSubmit', () => {
  it('says what an applied write did, and is busy only while it runs', async () => {
    const applied: number[] = []
    const h = harness<{ n: number }>({ done: (d) => `已记 ${d.n} 分`, onApplied: (d) => void applied.push(d.n) })
    const r = render(<h.Page keys={['a']} />)
    click(r.byTestId('go-a'))
    expect(r.byTestId('go-a')!.getAttribute('data-busy')).toBe('yes')
    expect(h.api().busy).toBe(true)
    h.calls[0].p.resolve({ status: 'applied', data: { n: 5 } })
    await settle()
    expect(r.byTestId('said')!.textContent).toContain('已记 5 分')
    expect(r.byTestId('said')!.getAttribute('data-tone')).toBe('success')
    expect(applied).toEqual([5])
    expect(h.api().busy).toBe(false)
    r.unmount()
  })

  it('ignores a second tap on the same thing while it is under way, but not on another', async () => {
    const h = harness<null>()
    const r = render(<h.Page keys={['a', 'b']} />)
    click(r.byTestId('go-a'))
    click(r.byTestId('go-a'))
    click(r.byTestId('go-b'))
    expect(h.calls.map((c) => c.key)).toEqual(['a', 'b'])
    for (const c of h.calls) c.p.resolve({ status: 'applied', data: null })
    await settle()
    click(r.byTestId('go-a'))
    expect(h.calls.map((c) => c.key)).toEqual(['a', 'b', 'a'])
    r.unmount()
  })

  it('says 待同步 for a queued write, with the id for the page', async () => {
    const queued: string[] = []
    const h = harness<null>({ onQueued: (id) => void queued.push(id) })
    const r = render(<h.Page keys={['a']} />)
    click(r.byTestId('go-a'))
    h.calls[0].p.resolve({ status: 'queued', id: 'm-1' })
    await settle()
    expect(r.byTestId('said')!.textContent).toContain(QUEUED_WORDS)
    expect(r.byTestId('said')!.getAttribute('data-tone')).toBe('warning')
    expect(queued).toEqual(['m-1'])
    r.unmount()
  })

  it('shows a refusal where the button is and takes it out of the 待同步 banner', async () => {
    const store = useAppStore.getState()
    const refusal = {
      id: 'm-2',
      action: 'signup.create',
      label: '报名「太极拳」',
      code: 'SIGNUP_CLOSED',
      message: '报名已截止',
      at: Date.now()
    }
    const other = { ...refusal, id: 'm-3', label: '报名「书法」' }
    store.settleOutbox([], [refusal, other])
    expect(useAppStore.getState().rejected.map((x) => x.id)).toEqual(['m-2', 'm-3'])
    const h = harness<null>()
    const r = render(<h.Page keys={['a']} />)
    click(r.byTestId('go-a'))
    h.calls[0].p.resolve({ status: 'rejected', code: 'SIGNUP_CLOSED', message: '报名已截止', id: 'm-2' })
    await settle()
    expect(r.byTestId('said')!.textContent).toContain('报名已截止')
    expect(r.byTestId('said')!.getAttribute('role')).toBe('alert')
    expect(useAppStore.getState().rejected.map((x) => x.id)).toEqual(['m-3'])
    r.unmount()
  })

  it('runs onSettled after every outcome, applied, queued or refused (a roster reloads whatever it came to)', async () => {
    let settled = 0
    const h = harness<null>({ onSettled: () => void (settled += 1) })
    const r = render(<h.Page keys={['a', 'b', 'c']} />)
    for (const k of ['a', 'b', 'c']) click(r.byTestId(`go-${k}`))
    h.calls[0].p.resolve({ status: 'applied', data: null })
    h.calls[1].p.resolve({ status: 'queued', id: 'm-9' })
    h.calls[2].p.resolve({ status: 'rejected', code: 'FORBIDDEN', message: '不能这样做' })
    await settle()
    expect(settled).toBe(3)
    r.unmount()
  })

  it('lets a page say it its own way; a form says 还不能保存 with the reason', async () => {
    expect(formSaid({ status: 'rejected', code: 'INVALID_INPUT', message: '请填写地点' })).toEqual({
      tone: 'danger',
      text: '还不能保存',
      lines: ['请填写地点']
    })
    expect(formSaid({ status: 'applied', data: null })).toBeNull()
    const h = harness<null>({ said: (o) => (o.status === 'applied' ? { tone: 'info', text: '已取消报名' } : null) })
    const r = render(<h.Page keys={['a']} />)
    click(r.byTestId('go-a'))
    h.calls[0].p.resolve({ status: 'applied', data: null })
    await settle()
    expect(r.byTestId('said')!.textContent).toContain('已取消报名')
    r.unmount()
  })

  it('says a thrown error in words and is no longer busy', async () => {
    let api: ReturnType<typeof useSubmit> | null = null
    function Page() {
      const submit = useSubmit()
      api = submit
      return <Notice notice={submit.notice} testId='said' />
    }
    const r = render(<Page />)
    await act(async () => {
      await api!.run(() => Promise.reject(new Error('boom')))
    })
    expect(r.byTestId('said')!.getAttribute('role')).toBe('alert')
    expect(r.byTestId('said')!.textContent!.length).toBeGreaterThan(3)
    expect(api!.busy).toBe(false)
    r.unmount()
  })
})
