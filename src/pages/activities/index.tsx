import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_TYPES, type ActivityType } from '@contract/activity-types'
import { DAY_BUCKET_LABELS } from '@contract/time'
import Page from '@/components/Page'
import EntryRow from '@/components/EntryRow'
import Section from '@/components/Section'
import ActivityCard from '@/components/ActivityCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useAppStore } from '@/store'
import { listActivities } from '@/services/activities'
import { groupByDay } from './group-by-day'
import './index.scss'
import { a11y } from '@/components/a11y'

export default function ActivitiesPage() {
  const [type, setType] = useState<ActivityType | undefined>(undefined)
  const actingFor = useAppStore((s) => s.actingFor?.personId)
  const list = useRemote(() => listActivities({ type }), [type, actingFor])
  const groups = list.data ? groupByDay(list.data.items, Date.now()) : []
  return (
    <Page title='活动' tab={1} testId='page-activities'>
      <EntryRow
        icon='★'
        text='我的活动'
        onClick={() => void Taro.navigateTo({ url: '/packages/activity/mine/index' })}
        testId='my-activities'
      />
      <View {...a11y({ role: 'group', label: '按类型筛选' })} className='yl-filter'>
        {[undefined, ...ACTIVITY_TYPES].map((t) => (
          <View
            {...a11y({ role: 'button', pressed: t === type })}
            key={t ?? 'all'}
            className={`yl-filter__chip${t === type ? ' yl-filter__chip--on' : ''}`}

            data-testid={`filter-${t ?? '全部'}`}
            onClick={() => setType(t)}
          >
            <Text>
              {t === type ? '✓ ' : ''}
              {t ?? '全部'}
            </Text>
          </View>
        ))}
      </View>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && groups.length === 0 ? <Empty text={type ? `近期没有「${type}」活动` : '近期没有活动'} /> : null}
      {groups.map((g) => (
        <Section key={g.bucket} title={DAY_BUCKET_LABELS[g.bucket]}>
          {g.items.map((a) => (
            <ActivityCard key={a.id} activity={a} showDay={g.bucket !== 'today' && g.bucket !== 'tomorrow'} />
          ))}
        </Section>
      ))}
    </Page>
  )
}
