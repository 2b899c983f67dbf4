import { useEffect, useState } from 'react'
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
    <Card
      onClick={() => void Taro.navigateTo({ url: `/packages/staff/activity/index?id=${encodeURIComponent(a.id)}` })}
      ariaLabel={`${a.title}，${when}`}
      testId={`manage-${a.id}`}
    >
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

/** One list of the desk, a page at a time, with 看更多 at its end. */
function usePaged(when: 'upcoming' | 'past') {
  const first = useRemote(() => manageList(when), [])
  const [more, setMore] = useState<ManagedActivity[]>([])
  const [cursor, setCursor] = useState<string | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  // The first page is loaded again whenever the desk shows again: later pages start over from it, so nothing
  // shows twice when an activity was added or moved meanwhile.
  useEffect(() => {
    setMore([])
    setCursor(undefined)
  }, [first.data])
  const next = cursor === undefined ? (first.data?.nextCursor ?? null) : cursor
  const loadMore = () => {
    if (!next || busy) return
    setBusy(true)
    void manageList(when, next)
      .then((page) => {
        setMore((m) => [...m, ...page.items])
        setCursor(page.nextCursor)
      })
      .catch(() => Taro.showToast({ title: '没有加载出来，请再点一次', icon: 'none' }))
      .finally(() => setBusy(false))
  }
  return { first, items: [...(first.data?.items ?? []), ...more], next, busy, loadMore }
}

/** 工作台: the activities of the staff member's scope — today and later (drafts too), then the ones before. */
export default function StaffDeskPage() {
  const unit = useAppStore((s) => s.me?.orgUnit?.name)
  const upcoming = usePaged('upcoming')
  const past = usePaged('past')
  const loading = (upcoming.first.loading && !upcoming.first.data) || (past.first.loading && !past.first.data)
  const error = upcoming.first.error ?? past.first.error
  const empty = !!upcoming.first.data && !!past.first.data && upcoming.items.length === 0 && past.items.length === 0
  return (
    <Page title='工作台' testId='page-staff-desk'>
      {unit ? <Text className='yl-desk__unit'>{unit}</Text> : null}
      <BigButton
        primary
        testId='new-activity'
        onClick={() => void Taro.navigateTo({ url: '/packages/staff/edit/index' })}
      >
        ＋ 新建活动
      </BigButton>
      <View className='yl-desk__gap' />
      {loading ? <Loading /> : null}
      {error ? (
        <ErrorBlock
          message={error}
          onRetry={() => {
            void upcoming.first.reload()
            void past.first.reload()
          }}
        />
      ) : null}
      {empty ? <Empty text='还没有活动。点上面的「新建活动」发布第一个。' /> : null}
      {upcoming.items.length ? (
        <Section title='今天和以后'>
          {upcoming.items.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
          {upcoming.next ? (
            <BigButton variant='plain' loading={upcoming.busy} testId='desk-more-upcoming' onClick={upcoming.loadMore}>
              看更多以后的活动
            </BigButton>
          ) : null}
        </Section>
      ) : null}
      {past.items.length ? (
        <Section title='以前的'>
          {past.items.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
          {past.next ? (
            <BigButton variant='plain' loading={past.busy} testId='desk-more-past' onClick={past.loadMore}>
              看更早的活动
            </BigButton>
          ) : null}
        </Section>
      ) : null}
    </Page>
  )
}
