import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { ShiftCard as Shift } from '@contract/actions'
import { formatClock, formatDay } from '@contract/time'
import { hoursText } from '@contract/volunteer-rules'
import CardFrame from '../Card'
import StatusTag from '../StatusTag'
import { keepAll, keepText } from '../Keep'
import './index.scss'

export function shiftTitle(s: Pick<Shift, 'activityTitle' | 'label'>): string {
  return `${s.activityTitle}${s.label ? ` · ${s.label}` : ''}`
}

export function shiftWhen(s: Pick<Shift, 'startAt' | 'endAt'>): string {
  return `${formatDay(s.startAt)} ${formatClock(s.startAt)}–${formatClock(s.endAt)}`
}

/**
 * The card's title on its activity's own page (where the activity's name is the page heading): the shift's
 * label and day, or, for a shift without a label, its day and hours — never a bare 班次.
 */
export function shiftHeading(s: Pick<Shift, 'label' | 'startAt' | 'endAt'>): string {
  return s.label ? `${s.label} · ${formatDay(s.startAt)}` : shiftWhen(s)
}

export function shiftPlacesText(s: Pick<Shift, 'capacity' | 'placesLeft' | 'waitlistCount'>): string {
  if (s.capacity === null) return '不限名额'
  if (!s.placesLeft) return `名额已满${s.waitlistCount ? `，候补 ${s.waitlistCount} 人` : '，可报候补'}`
  return `还剩 ${s.placesLeft} 个名额（共 ${s.capacity} 个）`
}

/** The reader's own state of a shift, in words with marks (never colour alone). */
export function ShiftStatusTags({ shift, now = Date.now() }: { shift: Shift; now?: number }) {
  const a = shift.myAttendance
  return (
    <View className='yl-shift__tags'>
      {shift.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
      {!a && shift.mySignup === 'signed' ? <StatusTag tone='success'>已报名</StatusTag> : null}
      {!a && shift.mySignup === 'waitlisted' ? (
        <StatusTag tone='warning'>
          {shift.myWaitlistPosition ? `候补第 ${shift.myWaitlistPosition} 位` : '候补中'}
        </StatusTag>
      ) : null}
      {a && a.checkOutAt === null ? <StatusTag tone='info'>{`已签到 ${formatClock(a.checkInAt!)}`}</StatusTag> : null}
      {a && a.creditedMinutes !== null ? (
        <StatusTag tone='success'>{`记 ${hoursText(a.creditedMinutes)}`}</StatusTag>
      ) : null}
      {a?.flagged ? <StatusTag tone='warning'>等工作人员核对</StatusTag> : null}
      {!a && shift.status === 'open' && shift.endAt < now ? <StatusTag tone='neutral'>已结束</StatusTag> : null}
    </View>
  )
}

/** A volunteer shift: what, when, where, places, skills wanted, and the reader's own state. */
export default function ShiftCard({
  shift,
  onClick,
  children,
  showTitle = true,
  testId
}: {
  shift: Shift
  onClick?: () => void
  children?: ReactNode
  showTitle?: boolean
  testId?: string
}) {
  const when = shiftWhen(shift)
  return (
    <CardFrame
      onClick={onClick}
      ariaLabel={onClick ? `${shiftTitle(shift)}，${when}，${shift.place}` : undefined}
      testId={testId ?? `shift-${shift.id}`}
    >
      <ShiftStatusTags shift={shift} />
      <Text className='yl-shift__title'>{keepAll(showTitle ? shiftTitle(shift) : shiftHeading(shift))}</Text>
      <Text className='yl-shift__line'>时间：{keepText(when)}</Text>
      <Text className='yl-shift__line'>地点：{shift.place}</Text>
      {shift.status === 'open' && shift.endAt >= Date.now() ? (
        <Text className='yl-shift__line'>{shiftPlacesText(shift)}</Text>
      ) : null}
      {shift.skills.length ? <Text className='yl-shift__line'>需要：{shift.skills.join('、')}</Text> : null}
      {shift.myAttendance?.notes.length ? (
        <View className='yl-shift__notes'>
          {shift.myAttendance.notes.map((n) => (
            <Text key={n} className='yl-shift__note'>
              · {n}
            </Text>
          ))}
        </View>
      ) : null}
      {children}
    </CardFrame>
  )
}
