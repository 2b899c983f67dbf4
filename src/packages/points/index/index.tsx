import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HistoryMonth } from '@contract/actions'
import { starText } from '@contract/points-words'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import PointsHistory from '@/components/PointsHistory'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { messageOf } from '@/services/api'
import { pointsHistory, pointsSummary } from '@/services/points'
import './index.scss'

function compare(thisMonth: number, lastMonth: number): string {
  if (thisMonth > lastMonth) return `比上月多得 ${thisMonth - lastMonth} 分`
  if (thisMonth < lastMonth) return `比上月少得 ${lastMonth - thisMonth} 分`
  return '和上月一样'
}

/** 我的积分: the balance, big; this month against last month; the star rating; the history by month. */
export default function MyPointsPage() {
  const summary = useRemote(() => pointsSummary(), [])
  const [more, setMore] = useState<{
    months: HistoryMonth[]
    next: string | null
    loading: boolean
    error: string | null
  }>({ months: [], next: null, loading: false, error: null })
  const history = useRemote(async () => {
    const first = await pointsHistory()
    setMore({ months: [], next: first.nextCursor, loading: false, error: null })
    return first
  }, [])
  const s = summary.data
  const loadMore = async () => {
    if (!more.next) return
    setMore((m) => ({ ...m, loading: true }))
    try {
      const page = await pointsHistory(more.next)
      setMore((m) => ({ months: [...m.months, ...page.months], next: page.nextCursor, loading: false, error: null }))
    } catch (err) {
      setMore((m) => ({ ...m, loading: false, error: messageOf(err) }))
    }
  }
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <Page title='我的积分' testId='page-points'>
      {summary.loading && !s ? <Loading /> : null}
      {summary.error && !s ? <ErrorBlock message={summary.error} onRetry={() => void summary.reload()} /> : null}
      {s ? (
        <View>
          <Card tone='highlight' testId='points-card'>
            <Text className='yl-pts__label'>{s.name}现在有</Text>
            <View className='yl-pts__amount'>
              <Text className='yl-pts__big' data-testid='points-balance'>
                {s.balance}
              </Text>
              <Text className='yl-pts__title'>分</Text>
            </View>
            <Text className='yl-pts__line' data-testid='points-months'>
              本月得 <Text className='yl-pts__strong'>{s.thisMonth}</Text> 分，上月得{' '}
              <Text className='yl-pts__strong'>{s.lastMonth}</Text> 分
            </Text>
            <Text className='yl-pts__label'>{compare(s.thisMonth, s.lastMonth)}</Text>
          </Card>
          {s.star ? (
            <Card testId='points-star'>
              <Text className='yl-pts__label'>{s.star.year}年践诺评星</Text>
              {s.star.exempt ? (
                <StatusTag tone='info'>已免评</StatusTag>
              ) : (
                <View>
                  <Text className='yl-pts__stars'>{starText(s.star.stars)}</Text>
                  <Text className='yl-pts__line'>今年得分 {s.star.score} 分</Text>
                </View>
              )}
            </Card>
          ) : null}
          <View className='yl-pts__actions'>
            <BigButton primary onClick={() => go('/packages/points/shop/index')} testId='go-shop'>
              积分兑换
            </BigButton>
            <BigButton variant='secondary' onClick={() => go('/packages/points/orders/index')} testId='go-orders'>
              {s.reservedCount ? `我的兑换（${s.reservedCount} 件待领取）` : '我的兑换'}
            </BigButton>
            {s.leaderboard.enabled ? (
              <BigButton variant='secondary' onClick={() => go('/packages/points/board/index')} testId='go-board'>
                支部积分榜
              </BigButton>
            ) : null}
            <BigButton variant='plain' onClick={() => go('/packages/points/rules/index')} testId='go-rules'>
              积分规则
            </BigButton>
          </View>
        </View>
      ) : null}
      <Section title='积分明细'>
        {history.loading && !history.data ? <Loading /> : null}
        {history.error && !history.data ? (
          <ErrorBlock message={history.error} onRetry={() => void history.reload()} />
        ) : null}
        {history.data && history.data.months.length === 0 ? (
          <Empty text='还没有积分记录。参加活动并签到，就能得积分。' />
        ) : null}
        {history.data ? (
          <PointsHistory months={[...history.data.months, ...more.months]} testId='points-history' />
        ) : null}
        {more.error ? <ErrorBlock message={more.error} onRetry={() => void loadMore()} /> : null}
        {more.next ? (
          <BigButton variant='secondary' loading={more.loading} onClick={() => void loadMore()}>
            看更早的记录
          </BigButton>
        ) : null}
      </Section>
    </Page>
  )
}
