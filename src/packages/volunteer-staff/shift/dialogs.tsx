import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { RosterLine, ShiftCard } from '@contract/actions'
import { beijingTime, businessDay, formatClock } from '@contract/time'
import { MAX_SHIFT_MINUTES, hoursText, type ShiftDirection } from '@contract/volunteer-rules'
import BigButton from '@/components/BigButton'
import Field from '@/components/Field'
import { a11y } from '@/components/a11y'
import PickerRow from '@/components/PickerRow'
import '@/components/Dialog/index.scss'

function Frame({
  title,
  message,
  children,
  onCancel,
  onConfirm,
  confirmLabel
}: {
  title: string
  message: string
  children: React.ReactNode
  onCancel: () => void
  onConfirm: () => void
  confirmLabel: string
}) {
  return (
    <View {...a11y({ role: 'dialog', label: title, modal: true })} className='yl-dialog'>
      <View className='yl-dialog__panel'>
        <Text className='yl-dialog__title'>{title}</Text>
        <Text className='yl-dialog__message'>{message}</Text>
        {children}
        <View className='yl-dialog__actions'>
          <BigButton variant='plain' onClick={onCancel} testId='dialog-cancel'>
            不了，返回
          </BigButton>
          <View className='yl-dialog__gap' />
          <BigButton variant='primary' primary onClick={onConfirm} testId='dialog-confirm'>
            {confirmLabel}
          </BigButton>
        </View>
      </View>
    </View>
  )
}

/** The time a 代签 records: now while the shift runs, otherwise the nearest moment of the shift (补录). */
function defaultTime(shift: ShiftCard, direction: ShiftDirection, now: number): string {
  const at = Math.min(Math.max(now, direction === 'in' ? shift.startAt : shift.startAt + 60_000), shift.endAt)
  return formatClock(at)
}

/** 代签到 / 代签退 with the time it happened (for 补录 from a paper list) and the reason (required). */
export function MarkDialog({
  line,
  direction,
  shift,
  onCancel,
  onConfirm
}: {
  line: RosterLine | null
  direction: ShiftDirection
  shift: ShiftCard
  onCancel: () => void
  onConfirm: (at: number, reason: string) => void
}) {
  const [time, setTime] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!line) return
    setTime(defaultTime(shift, direction, Date.now()))
    setReason('')
    setError(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resets the dialog when it opens for another person, not when the shift reloads
  }, [line, direction])
  if (!line) return null
  const word = direction === 'in' ? '签到' : '签退'
  return (
    <Frame
      title={`为 ${line.name} 代${word}`}
      message={`会记录您的名字、${word}时间和原因。`}
      confirmLabel={`确认代${word}`}
      onCancel={onCancel}
      onConfirm={() => {
        const why = reason.trim()
        if (why.length < 2) return setError('请写明原因，例如「本人到场，不会用手机」')
        onConfirm(beijingTime(businessDay(shift.startAt), time), why)
      }}
    >
      <PickerRow label={`${word}时间`} text={time} testId='mark-time'>
        {(row) => (
          <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}>
            {row}
          </Picker>
        )}
      </PickerRow>
      <Field
        label='原因（必填）'
        value={reason}
        onInput={(v) => {
          setReason(v)
          setError(null)
        }}
        placeholder={direction === 'in' ? '例如：本人到场，不会用手机' : '例如：按纸质签到表补录'}
        maxlength={200}
        error={error}
        testId='reason-input'
      />
    </Frame>
  )
}

/** 更正时长: the minutes this shift should count, and why (required). The difference becomes a new ledger entry. */
export function CorrectDialog({
  line,
  onCancel,
  onConfirm
}: {
  line: RosterLine | null
  onCancel: () => void
  onConfirm: (minutes: number, reason: string) => void
}) {
  const [hours, setHours] = useState('')
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!line) return
    const m = line.attendance?.creditedMinutes ?? 0
    setHours(String(Math.floor(m / 60)))
    setMinutes(String(m % 60))
    setReason('')
    setError(null)
  }, [line])
  if (!line) return null
  const current = line.attendance?.creditedMinutes ?? 0
  return (
    <Frame
      title={`更正 ${line.name} 的时长`}
      message={`现在记 ${hoursText(current)}。填上应该记的时长，会另记一条更正，原来的记录不删。`}
      confirmLabel='确认更正'
      onCancel={onCancel}
      onConfirm={() => {
        const h = /^\d{1,2}$/.test(hours.trim()) ? Number(hours.trim()) : NaN
        const m = /^\d{1,2}$/.test(minutes.trim() || '0') ? Number(minutes.trim() || '0') : NaN
        const total = h * 60 + m
        if (Number.isNaN(total) || m > 59) return setError('小时和分钟要填整数，分钟不超过 59')
        if (total > MAX_SHIFT_MINUTES) return setError(`一个班次最多记 ${MAX_SHIFT_MINUTES / 60} 小时`)
        const why = reason.trim()
        if (why.length < 2) return setError('请写明原因，例如「实际 11:30 离开，忘了签退」')
        onConfirm(total, why)
      }}
    >
      <View className='yl-vs__pair'>
        <View className='yl-vs__group'>
          <Field label='小时' type='number' value={hours} onInput={setHours} maxlength={2} testId='correct-hours' />
        </View>
        <View className='yl-vs__pair-gap' />
        <View className='yl-vs__group'>
          <Field
            label='分钟'
            type='number'
            value={minutes}
            onInput={setMinutes}
            maxlength={2}
            testId='correct-minutes'
          />
        </View>
      </View>
      <Field
        label='原因（必填）'
        value={reason}
        onInput={(v) => {
          setReason(v)
          setError(null)
        }}
        placeholder='例如：实际 11:30 离开，忘了签退'
        maxlength={200}
        error={error}
        testId='reason-input'
      />
    </Frame>
  )
}
