import { Button, Text } from '@tarojs/components'
import { useAppStore } from '@/store'
import './index.scss'
import { a11y } from '../a11y'

/** The 长辈版 switch: one tap, its state in words (开 / 关), remembered across launches. */
export default function ElderSwitch() {
  const elderMode = useAppStore((s) => s.elderMode)
  const setElderMode = useAppStore((s) => s.setElderMode)
  return (
    <Button
      {...a11y({ role: 'switch', label: '长辈版', checked: elderMode })}
      className={`yl-elder-switch${elderMode ? ' yl-elder-switch--on' : ''}`}
      data-testid='elder-switch'
      onClick={() => setElderMode(!elderMode)}
    >
      <Text className='yl-elder-switch__label'>长辈版</Text>
      {/* The state is read from aria-checked; the words are for the eyes. */}
      <Text {...a11y({ hidden: true })} className='yl-elder-switch__state'>
        {elderMode ? '已开 ✓' : '已关'}
      </Text>
    </Button>
  )
}
