import { Text, View } from '@tarojs/components'
import type { HistoryMonth } from '@contract/actions'
import { signedPoints } from '@contract/points-words'
import { formatDay } from '@contract/time'
import Card from '../Card'
import { a11y } from '../a11y'
import './index.scss'

/**
 * A points history grouped by month, in plain words: 参加「重阳节座谈会」 +5. Each line says what, when and how
 * much (with + / − in words for screen readers); a note under it says why an amount was cut.
 */
export default function PointsHistory({ months, testId }: { months: HistoryMonth[]; testId?: string }) {
  return (
    <View data-testid={testId}>
      {months.map((m) => (
        <Card key={m.month} testId={`month-${m.month}`}>
          <View className='yl-ph__head'>
            <Text {...a11y({ role: 'heading', level: 3 })} className='yl-ph__month'>
              {m.label}
            </Text>
            <Text className='yl-ph__sum'>
              得 {m.earned} 分{m.spent ? ` · 用 ${m.spent} 分` : ''}
            </Text>
          </View>
          {m.items.map((i) => (
            <View
              key={i.id}
              className='yl-ph__item'
              data-testid='history-item'
              {...a11y({
                label: `${formatDay(i.at)}，${i.text}，${i.amount >= 0 ? '加' : '减'} ${Math.abs(i.amount)} 分${i.note ? `，${i.note}` : ''}`
              })}
            >
              <View className='yl-ph__line'>
                <Text className='yl-ph__text'>{i.text}</Text>
                <Text className={`yl-ph__amount${i.amount < 0 ? ' yl-ph__amount--minus' : ''}`}>
                  {signedPoints(i.amount)}
                </Text>
              </View>
              <Text className='yl-ph__day'>{formatDay(i.at)}</Text>
              {i.note ? <Text className='yl-ph__note'>说明：{i.note}</Text> : null}
            </View>
          ))}
        </Card>
      ))}
    </View>
  )
}
