import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActivityCard as Card } from '@contract/actions'
import { formatClock, formatDay } from '@contract/time'
import CardFrame from '../Card'
import StatusTag from '../StatusTag'
import { placesText } from './places'
import './index.scss'

export const activityUrl = (id: string) => `/packages/activity/detail/index?id=${encodeURIComponent(id)}`

export { placesText }

/** A big activity card: title, when, where, places left, and the reader's own status. One tap opens it. */
export default function ActivityCard({ activity, showDay = true }: { activity: Card; showDay?: boolean }) {
  const when = `${showDay ? `${formatDay(activity.startAt)} ` : ''}${formatClock(activity.startAt)}–${formatClock(activity.endAt)}`
  return (
    <CardFrame
      onClick={() => void Taro.navigateTo({ url: activityUrl(activity.id) })}
      ariaLabel={`${activity.title}，${when}，${activity.place}`}
      testId={`activity-${activity.id}`}
    >
      <View className='yl-act__tags'>
        <StatusTag tone='neutral'>{activity.type}</StatusTag>
        {activity.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
        {activity.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
        {activity.status === 'published' && activity.endAt < Date.now() ? (
          <StatusTag tone='neutral'>已结束</StatusTag>
        ) : null}
        {activity.mySignup === 'signed' ? <StatusTag tone='success'>已报名</StatusTag> : null}
        {activity.mySignup === 'waitlisted' ? <StatusTag tone='warning'>候补中</StatusTag> : null}
      </View>
      <Text className='yl-act__title'>{activity.title}</Text>
      <Text className='yl-act__line'>时间：{when}</Text>
      <Text className='yl-act__line'>地点：{activity.place}</Text>
      <Text className='yl-act__line'>{placesText(activity)}</Text>
    </CardFrame>
  )
}
