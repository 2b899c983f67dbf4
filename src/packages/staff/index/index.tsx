import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ManagedActivity } from '@contract/actions'
import { formatClock, formatDay } from '@contract/time'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useAppStore } from '@/store'
import { manageList } from '@/services/activities'
import './index.scss'

function ActivityRow({ a }: { a: ManagedActivity }) {
  const when = `${formatDay(a.startAt)} ${formatClock(a.startAt)}–${formatClock(a.endAt)}`
  return (
    <Card onClick={() => void Taro.navigateTo({ url: `/packages/staff/activity/index?id=${encodeURIComponent(a.id)}` })} ariaLabel={`${a.title}，${when}`} testId={`manage-${a.id}`}>
      <View className='yl-desk__tags'>
        {a.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
        {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
        {a.status === 'published' ? <StatusTag tone='success'>已发布</StatusTag> : null}
        <StatusTag tone='neutral'>{a.orgUnitName}</StatusTag>
      </View>
      <Text className='yl-desk__title'>{a.title}</Text>
      <Text className='yl-desk__line'>{when}</Text>
      <Text className='yl-desk__line'>
        报名 {a.signedCount}
        {a.capacity !== null ? `/${a.capacity}` : ''} · 候补 {a.waitlistCount} · 签到 {a.checkedInCount}
      </Text>
    </Card>
  )
}

/** 工作台: the activities of the staff member's scope — upcoming, drafts, the last 30 days. */
export default function StaffDeskPage() {
  const unit = useAppStore((s) => s.me?.orgUnit?.name)
  const list = useRemote(() => manageList(), [])
  const now = Date.now()
  const items = list.data?.items ?? []
  const upcoming = items.filter((a) => a.status !== 'cancelled' && a.endAt >= now)
  const past = items.filter((a) => a.status !== 'cancelled' && a.endAt < now).reverse()
  const cancelled = items.filter((a) => a.status === 'cancelled')
  return (
    <Page title='工作台' testId='page-staff-desk'>
      {unit ? <Text className='yl-desk__unit'>{unit}</Text> : null}
      <BigButton primary testId='new-activity' onClick={() => void Taro.navigateTo({ url: '/packages/staff/edit/index' })}>
        ＋ 新建活动
      </BigButton>
      <View className='yl-desk__gap' />
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <Empty text='还没有活动。点上面的「新建活动」发布第一个。' /> : null}
      {upcoming.length ? (
        <Section title='今天和以后'>
          {upcoming.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
        </Section>
      ) : null}
      {past.length ? (
        <Section title='最近结束的'>
          {past.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
        </Section>
      ) : null}
      {cancelled.length ? (
        <Section title='已取消'>
          {cancelled.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
        </Section>
      ) : null}
    </Page>
  )
}
