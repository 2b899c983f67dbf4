import { Text, View } from '@tarojs/components'
import type { HelpEventView } from '@contract/actions'
import { formatDateTime } from '@contract/time'
import { a11y } from '@/components/a11y'

/** Every step of the request, oldest first: what happened, who pressed it, when, and any note. */
export default function Timeline({ events }: { events: HelpEventView[] }) {
  return (
    <View {...a11y({ role: 'list', label: '办理经过' })} className='yl-timeline' data-testid='help-timeline'>
      {events.map((e, i) => (
        <View
          {...a11y({ role: 'listitem' })}
          key={e.id}
          className={`yl-timeline__item${i === events.length - 1 ? ' yl-timeline__item--last' : ''}`}
        >
          <View {...a11y({ hidden: true })} className='yl-timeline__dot' />
          <View className='yl-timeline__body'>
            <Text className='yl-timeline__what'>{e.text}</Text>
            <Text className='yl-timeline__who'>{e.actor}</Text>
            <Text className='yl-timeline__when'>{formatDateTime(e.at)}</Text>
            {e.note ? <Text className='yl-timeline__note'>{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
