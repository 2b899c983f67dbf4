import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MySignup } from '@contract/actions'
import { formatClock, formatDay } from '@contract/time'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import { activityUrl } from '@/components/ActivityCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useAppStore } from '@/store'
import { mySignups } from '@/services/activities'
import { groupMine } from './group-mine'
import './index.scss'

function Status({ item, now }: { item: MySignup; now: number }) {
  if (item.checkin) return <StatusTag tone='success'>已签到 {formatClock(item.checkin.at)}</StatusTag>
  if (item.activity.status === 'cancelled') return <StatusTag tone='danger'>活动已取消</StatusTag>
  if (item.status === 'cancelled') return <StatusTag tone='neutral'>已取消报名</StatusTag>
  if (item.activity.endAt < now) return <StatusTag tone='neutral'>未签到</StatusTag>
  if (item.status === 'waitlisted')
    return <StatusTag tone='warning'>候补第 {item.waitlistPosition ?? '?'} 位</StatusTag>
  return <StatusTag tone='success'>已报名</StatusTag>
}

function Item({ item, now }: { item: MySignup; now: number }) {
  const a = item.activity
  const when = `${formatDay(a.startAt)} ${formatClock(a.startAt)}–${formatClock(a.endAt)}`
  return (
    <Card
      onClick={() => void Taro.navigateTo({ url: activityUrl(a.id) })}
      ariaLabel={`${a.title}，${when}`}
      testId={`mine-${a.id}`}
    >
      <View className='yl-mine__tags'>
        <Status item={item} now={now} />
      </View>
      <Text className='yl-mine__title'>{a.title}</Text>
      <Text className='yl-mine__line'>时间：{when}</Text>
      <Text className='yl-mine__line'>地点：{a.place}</Text>
    </Card>
  )
}

/** 我的活动: what the reader (or the elder in 代办) signed up for, is waiting for, attended, or cancelled. */
export default function MyActivitiesPage() {
  const actingFor = useAppStore((s) => s.actingFor?.personId)
  const list = useRemote(() => mySignups(), [actingFor])
  const now = Date.now()
  const groups = list.data ? groupMine(list.data.items, now) : null
  return (
    <Page title='我的活动' testId='page-my-activities'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {groups && list.data?.items.length === 0 ? (
        <Empty
          text='您还没有报名活动。'
          actionLabel='去看看活动'
          onAction={() => void Taro.switchTab({ url: '/pages/activities/index' })}
        />
      ) : null}
      {groups?.upcoming.length ? (
        <Section title='要参加的'>
          {groups.upcoming.map((i) => (
            <Item key={i.activity.id} item={i} now={now} />
          ))}
        </Section>
      ) : null}
      {groups?.attended.length ? (
        <Section title='参加过的'>
          {groups.attended.map((i) => (
            <Item key={i.activity.id} item={i} now={now} />
          ))}
        </Section>
      ) : null}
      {groups?.other.length ? (
        <Section title='取消和错过的'>
          {groups.other.map((i) => (
            <Item key={i.activity.id} item={i} now={now} />
          ))}
        </Section>
      ) : null}
    </Page>
  )
}
