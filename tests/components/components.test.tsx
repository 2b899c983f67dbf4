/**
 * src/components in jsdom: what each one says and how it is announced (roles, aria, focus), in normal mode and
 * in 长辈版 (the frame's class; what changes with it is sizes, checked in sizes.test.tsx and, as drawn, by the
 * design walker). Events are real DOM events through react-dom.
 */
import BigButton from '../../src/components/BigButton'
import StatusTag from '../../src/components/StatusTag'
import Notice from '../../src/components/Notice'
import InfoRow from '../../src/components/InfoRow'
import Keep, { keepAll, keepText } from '../../src/components/Keep'
import ShiftCard, { shiftHeading } from '../../src/components/ShiftCard'
import type { ShiftCard as Shift } from '../../types/actions/volunteer'
import { beijingTime } from '../../types/time'
import { Text, View } from '@tarojs/components'
import { click, render } from './render'

const MODES = ['normal', 'elder'] as const

describe.each(MODES)('components in %s mode', (mode) => {
  it('BigButton: a focusable button with its words; primary marked; disabled and busy do nothing', () => {
    const clicks: string[] = []
    const r = render(
      <>
        <BigButton primary testId='main' onClick={() => clicks.push('main')}>
          报名
        </BigButton>
        <BigButton disabled testId='off' onClick={() => clicks.push('off')}>
          已满
        </BigButton>
        <BigButton loading testId='busy' onClick={() => clicks.push('busy')}>
          签到
        </BigButton>
      </>,
      mode
    )
    const [main, off, busy] = r.byRole('button')
    expect(main.textContent).toBe('报名')
    expect(main.getAttribute('tabindex')).toBe('0')
    expect(main.getAttribute('data-primary')).toBe('true')
    expect(off.getAttribute('aria-disabled')).toBe('true')
    expect(off.getAttribute('tabindex')).toBe('-1')
    expect(busy.textContent).toBe('请稍候…')
    click(main)
    click(off)
    click(busy)
    expect(clicks).toEqual(['main'])
    r.unmount()
  })

  it('BigButton keeps a phone number whole (one unit that moves to the next line, never split at the dash)', () => {
    const r = render(<BigButton variant='secondary'>有问题？打电话 {'0937-2612101'}</BigButton>, mode)
    const kept = Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)
    expect(kept).toEqual(['0937-2612101'])
    expect(r.byRole('button')[0].textContent).toBe('有问题？打电话 0937-2612101')
    r.unmount()
  })

  it('StatusTag: the words are read, the mark is hidden from screen readers', () => {
    const r = render(<StatusTag tone='info'>肃州区第二党支部志愿服务队</StatusTag>, mode)
    const tag = r.frame.querySelector('.yl-tag')!
    expect(tag.className).toContain('yl-tag--info')
    expect(tag.querySelector('[aria-hidden="true"]')!.textContent).toBe('●')
    expect(tag.textContent).toBe('●肃州区第二党支部志愿服务队')
    r.unmount()
  })

  it('Notice: a result is a polite status, a refusal an alert; nothing while there is nothing to say', () => {
    const r = render(
      <>
        <Notice notice={{ tone: 'success', text: '报名成功', lines: ['12月2日 09:30 到场后扫码签到。'] }} testId='ok' />
        <Notice notice={{ tone: 'danger', text: '报名已截止' }} testId='no' />
        <Notice notice={null} testId='none' />
      </>,
      mode
    )
    expect(r.byTestId('ok')!.getAttribute('role')).toBe('status')
    expect(r.byTestId('ok')!.getAttribute('aria-live')).toBe('polite')
    expect(r.byTestId('ok')!.textContent).toContain('12月2日 09:30 到场后扫码签到。')
    expect(r.byTestId('no')!.getAttribute('role')).toBe('alert')
    expect(r.byTestId('none')).toBeNull()
    // The date and the time in the line are each kept whole.
    expect(Array.from(r.byTestId('ok')!.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual([
      '12月2日',
      '09:30'
    ])
    r.unmount()
  })

  it('InfoRow: label above the value, numbers in a plain value kept whole', () => {
    const r = render(<InfoRow label='联系电话'>{'0937-2612101'}</InfoRow>, mode)
    expect(r.frame.querySelector('.yl-info__label')!.textContent).toBe('联系电话')
    expect(r.frame.querySelector('.yl-info__value .yl-keep')!.textContent).toBe('0937-2612101')
    r.unmount()
  })
})

describe('Keep', () => {
  it('wraps phones, dates, times and amounts, and leaves other words alone', () => {
    const r = render(
      <span>{keepText('请于12月2日 09:00–11:30 到肃州区老干部局，电话 0937-2612101 或 13909371001，得 5 分。')}</span>
    )
    expect(Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual([
      '12月2日',
      '09:00–11:30',
      '0937-2612101',
      '13909371001',
      '5 分'
    ])
    expect(r.text()).toBe('请于12月2日 09:00–11:30 到肃州区老干部局，电话 0937-2612101 或 13909371001，得 5 分。')
    r.unmount()
    expect(keepText('没有数字')).toBe('没有数字')
  })

  it('Keep keeps a name whole', () => {
    const r = render(<Keep testId='k'>肃州区第二党支部志愿服务队</Keep>)
    expect(r.byTestId('k')!.className).toBe('yl-keep')
    r.unmount()
  })
})

describe('ShiftCard', () => {
  const at = (hm: string) => beijingTime('2026-12-02', hm)
  const shift = (label: string): Shift =>
    ({
      id: 'vs-1',
      activityId: 'va-1',
      activityTitle: '关爱空巢老人结对探访',
      label,
      startAt: at('09:00'),
      endAt: at('11:30'),
      place: '肃州区东关街社区',
      capacity: 5,
      placesLeft: 2,
      waitlistCount: 0,
      skills: [],
      status: 'open',
      mySignup: null,
      myWaitlistPosition: null,
      myAttendance: null
    }) as unknown as Shift

  it.each(MODES)('on its activity page (%s) a shift is titled by what and when, never a bare 班次', (mode) => {
    const withLabel = render(<ShiftCard shift={shift('上午班')} showTitle={false} />, mode)
    expect(withLabel.frame.querySelector('.yl-shift__title')!.textContent).toBe('上午班 · 12月2日 周三')
    withLabel.unmount()
    const without = render(<ShiftCard shift={shift('')} showTitle={false} />, mode)
    expect(without.frame.querySelector('.yl-shift__title')!.textContent).toBe('12月2日 周三 09:00–11:30')
    without.unmount()
    expect(shiftHeading(shift(''))).not.toBe('班次')
  })
})

describe('keepAll', () => {
  it('keeps numbers inside the <Text> lines of a value, with a number and its unit joined first', () => {
    const n = 1
    const r = render(
      <InfoRow label='名额'>
        <Text>名额已满，可报候补（候补 {n} 人）</Text>
      </InfoRow>
    )
    expect(Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual(['1 人'])
    expect(r.frame.querySelector('.yl-info__value')!.textContent).toBe('名额已满，可报候补（候补 1 人）')
    r.unmount()
  })
})

describe('keepAll over a page', () => {
  it('keeps numbers at any depth of the page’s own elements, keeps keys, and leaves fields alone', () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const places = 3
    const r = render(
      <>
        {keepAll(
          <View>
            <Text>下一班：12月1日 周二 09:00，还剩 {places} 个名额</Text>
            {['a', 'b'].map((k) => (
              <Text key={k}>第 {k} 项</Text>
            ))}
            <input defaultValue='0937-2612101' />
          </View>
        )}
      </>
    )
    expect(Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual([
      '12月1日',
      '09:00',
      '3 个'
    ])
    expect(r.text()).toBe('下一班：12月1日 周二 09:00，还剩 3 个名额第 a 项第 b 项')
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
    r.unmount()
  })

  it('keeps a name that is a piece of its own whole', () => {
    const r = render(<>{keepAll(<Text>领取地点：{'酒泉市委老干部局'}</Text>)}</>)
    expect(Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual(['酒泉市委老干部局'])
    r.unmount()
  })
})

describe('keeping twice', () => {
  it('a phone number in a button on a page is kept, though the page has been through its words first', () => {
    const phone = '0937-2612101'
    const r = render(
      <>
        {keepAll(
          <View>
            <BigButton variant='secondary'>有问题？打电话 {phone}</BigButton>
          </View>
        )}
      </>
    )
    expect(Array.from(r.frame.querySelectorAll('.yl-keep')).map((k) => k.textContent)).toEqual([phone])
    r.unmount()
  })
})
