/**
 * The h5 CodeReader without a real camera: what it says when the browser has none or the user says no, and the
 * paste box that is always there. Reading a real code through a (fake) camera is tests/e2e/checkin-camera.test.ts.
 */
import CodeReader from '../../src/components/CodeReader'
import { problemOf } from '../../src/components/CodeReader/camera'
import { click, render, settle, type } from './render'

const nav = navigator as unknown as { mediaDevices?: unknown }

afterEach(() => {
  delete nav.mediaDevices
})

function reader(onCode: (t: string, at: number) => void = () => undefined, mode: 'normal' | 'elder' = 'normal') {
  return render(
    <CodeReader
      label='签到码'
      hint='没有相机时，可以把签到码粘贴在这里'
      submitText='签到'
      scanText='扫码签到'
      onCode={onCode}
      testId='r'
    />,
    mode
  )
}

describe('CodeReader (h5)', () => {
  it.each(['normal', 'elder'] as const)(
    'without a camera in the browser (%s): no camera button, the reason in words, the paste box as the main action',
    (mode) => {
      const r = reader(undefined, mode)
      expect(r.byTestId('r-camera')).toBeNull()
      expect(r.byTestId('r-camera-problem')!.textContent).toBe('这个浏览器不能用摄像头扫码。请把签到码粘贴在下面。')
      expect(r.byTestId('r-submit')!.getAttribute('data-primary')).toBe('true')
      r.unmount()
    }
  )

  it('when the camera may not be used, says so as an alert and keeps the paste box', async () => {
    nav.mediaDevices = {
      getUserMedia: () => Promise.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }))
    }
    const r = reader()
    const camera = r.byTestId('r-camera')!
    expect(camera.textContent).toBe('扫码签到')
    expect(camera.getAttribute('data-primary')).toBe('true')
    expect(r.byTestId('r-submit')!.getAttribute('data-primary')).toBeNull()
    click(camera)
    await settle()
    const problem = r.byTestId('r-camera-problem')!
    expect(problem.getAttribute('role')).toBe('alert')
    expect(problem.textContent).toContain('没有得到使用摄像头的许可')
    expect(r.byRole('textbox')).toHaveLength(1)
    r.unmount()
  })

  it('reads a pasted code (trimmed), and asks for one when the box is empty', () => {
    const got: string[] = []
    const r = reader((t) => got.push(t))
    click(r.byTestId('r-submit'))
    expect(r.text()).toContain('请先粘贴或输入签到码')
    expect(got).toEqual([])
    type(r.byRole('textbox')[0], '  YL1.activity.a-1.abc  ')
    click(r.byTestId('r-submit'))
    expect(got).toEqual(['YL1.activity.a-1.abc'])
    r.unmount()
  })

  it('names every getUserMedia refusal in plain words', () => {
    expect(problemOf({ name: 'NotAllowedError' })).toBe('denied')
    expect(problemOf({ name: 'SecurityError' })).toBe('denied')
    expect(problemOf({ name: 'NotFoundError' })).toBe('no-camera')
    expect(problemOf({ name: 'OverconstrainedError' })).toBe('no-camera')
    expect(problemOf({ name: 'NotReadableError' })).toBe('busy')
    expect(problemOf({ name: 'TypeError' })).toBe('unsupported')
    expect(problemOf(new Error('?'))).toBe('failed')
  })
})
