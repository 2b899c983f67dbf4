import { Text, View } from '@tarojs/components'
import { a11y } from '../a11y'
import '../ChoiceGroup/index.scss'

export interface MultiChoiceProps {
  label: string
  choices: readonly string[]
  value: readonly string[]
  onChange: (value: string[]) => void
  hint?: string
  error?: string | null
  testId?: string
}

/**
 * Pick several of a few choices with single taps (特长, wanted skills): the same big chips as ChoiceGroup, each
 * one a toggle that says 已选 with a tick, never by colour alone.
 */
export default function MultiChoice({ label, choices, value, onChange, hint, error, testId }: MultiChoiceProps) {
  const toggle = (c: string) => onChange(value.includes(c) ? value.filter((v) => v !== c) : [...value, c])
  return (
    <View className='yl-choice' data-testid={testId}>
      <Text className='yl-choice__label'>{label}</Text>
      {hint ? <Text className='yl-choice__hint'>{hint}</Text> : null}
      <View {...a11y({ role: 'group', label })} className='yl-choice__row'>
        {choices.map((c) => {
          const on = value.includes(c)
          return (
            <View
              {...a11y({ role: 'button', pressed: on, label: c })}
              key={c}
              className={`yl-choice__chip${on ? ' yl-choice__chip--on' : ''}`}
              data-testid={testId ? `${testId}-${c}` : undefined}
              onClick={() => toggle(c)}
            >
              <Text>{on ? `✓ ${c}` : c}</Text>
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
