import type { ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { beijingTime, formatDay } from '@contract/time'
import './index.scss'
import { a11y } from '../a11y'

export interface PickerRowProps {
  label: string
  /** The value in words, shown on the row. */
  text: string
  error?: string | null
  /** Wraps the row in the native picker that opens on a tap. */
  children: (row: ReactNode) => ReactNode
  testId?: string
}

/** A form row that opens a native picker (date, time, a list): its label, its value in words, and its error. */
export default function PickerRow({ label, text, error, children, testId }: PickerRowProps) {
  const row = (
    <View
      {...a11y({ role: 'button', label: `${label}：${text}` })}
      className={`yl-picker-row${error ? ' yl-picker-row--error' : ''}`}
      data-testid={testId}
    >
      <Text>{text}</Text>
      <Text {...a11y({ hidden: true })}>›</Text>
    </View>
  )
  return (
    <View className='yl-picker-row__group'>
      <Text className='yl-picker-row__label'>{label}</Text>
      {children(row)}
      {error ? <Text className='yl-picker-row__error'>✕ {error}</Text> : null}
    </View>
  )
}

export interface DayAndTimesProps {
  /** Business day 'YYYY-MM-DD' and 'HH:mm' times (Beijing). */
  day: string
  start: string
  end: string
  /** The first day that may be chosen. */
  firstDay: string
  onChange: (field: 'day' | 'start' | 'end', value: string) => void
  endError?: string | null
}

/** 日期, then 开始 and 结束 side by side: when an activity or a shift takes place. */
export function DayAndTimes({ day, start, end, firstDay, onChange, endError }: DayAndTimesProps) {
  return (
    <View>
      <PickerRow label='日期' text={formatDay(beijingTime(day, '12:00'))}>
        {(row) => (
          <Picker mode='date' value={day} start={firstDay} onChange={(e) => onChange('day', e.detail.value)}>
            {row}
          </Picker>
        )}
      </PickerRow>
      <View className='yl-picker-row__pair'>
        <PickerRow label='开始' text={start}>
          {(row) => (
            <Picker mode='time' value={start} onChange={(e) => onChange('start', e.detail.value)}>
              {row}
            </Picker>
          )}
        </PickerRow>
        <View className='yl-picker-row__pair-gap' />
        <PickerRow label='结束' text={end} error={endError}>
          {(row) => (
            <Picker mode='time' value={end} onChange={(e) => onChange('end', e.detail.value)}>
              {row}
            </Picker>
          )}
        </PickerRow>
      </View>
    </View>
  )
}
