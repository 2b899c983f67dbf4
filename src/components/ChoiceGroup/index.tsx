import { Text, View } from '@tarojs/components'
import './index.scss'
import { a11y } from '../a11y'

export interface Choice<T extends string> {
  value: T
  label: string
}

export interface ChoiceGroupProps<T extends string> {
  label: string
  choices: readonly Choice<T>[]
  value: T | null
  onChange: (value: T) => void
  /** Two per row (long words), or as many as fit. */
  columns?: 2 | 'auto'
  error?: string | null
  testId?: string
}

/**
 * Pick one of a few choices with a single tap: big labelled chips, the chosen one filled and ticked (never
 * colour alone). Used instead of pickers and dropdowns, which older users find hard.
 */
export default function ChoiceGroup<T extends string>({
  label,
  choices,
  value,
  onChange,
  columns = 'auto',
  error,
  testId
}: ChoiceGroupProps<T>) {
  return (
    <View className='yl-choice' data-testid={testId}>
      <Text className='yl-choice__label'>{label}</Text>
      <View
        {...a11y({ role: 'group', label })}
        className={`yl-choice__row${columns === 2 ? ' yl-choice__row--two' : ''}`}
      >
        {choices.map((c) => {
          const on = c.value === value
          return (
            <View
              {...a11y({ role: 'button', pressed: on, label: c.label })}
              key={c.value}
              className={`yl-choice__chip${on ? ' yl-choice__chip--on' : ''}`}
              data-testid={testId ? `${testId}-${c.value}` : undefined}
              onClick={() => onChange(c.value)}
            >
              <Text>{on ? `✓ ${c.label}` : c.label}</Text>
            </View>
          )
        })}
      </View>
      {error ? (
        <Text {...a11y({ role: 'alert' })} className='yl-choice__error'>
          ✕ {error}
        </Text>
      ) : null}
    </View>
  )
}
