import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ActivityCard as Card } from '@contract/actions'
import { ACTIVITY_TYPES, type ActivityType } from '@contract/activity-types'
import { DAY_BUCKET_LABELS, dayBucket, type DayBucket } from '@contract/time'
import Page from '@/components/Page'
import Section from '@/components/Section'
import ActivityCard from '@/components/ActivityCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useAppStore } from '@/store'
import { listActivities } from '@/services/activities'
import './index.scss'
import { a11y } from '@/components/a11y'

const ORDER: DayBucket[] = ['today', 'tomorrow', 'thisWeek', 'later']

export function groupByDay(items: Card[], now: number): { bucket: DayBucket; items: Card[] }[] {
  const groups = new Map<DayBucket, Card[]>()
  for (const a of items) {
    const b = dayBucket(a.startAt, now)
    if (b === 'past') continue
    groups.set(b, [...(groups.get(b) ?? []), a])
  }
  return ORDER.filter((b) => groups.has(b)).map((bucket) => ({ bucket, items: groups.get(bucket)! }))
}

export default function ActivitiesPage() {
  const [type, setType] = useState<ActivityType | undefined>(undefined)
  const actingFor = useAppStore((s) => s.actingFor?.personId)
  const list = useRemote(() => listActivities({ type }), [type, actingFor])
  const groups = list.data ? groupByDay(list.data.items, Date.now()) : []
  return (
    <Page title='活动' tab={1} testId='page-activities'>
      <View {...a11y({ role: 'group', label: '按类型筛选' })} className='yl-filter'>
        {[undefined, ...ACTIVITY_TYPES].map((t) => (
          <View {...a11y({ role: 'button', pressed: t === type })}
            key={t ?? 'all'}
            className={`yl-filter__chip${t === type ? ' yl-filter__chip--on' : ''}`}
           
           
            data-testid={`filter-${t ?? '全部'}`}
            onClick={() => setType(t)}
          >
            <Text>{t === type ? '✓ ' : ''}{t ?? '全部'}</Text>
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
