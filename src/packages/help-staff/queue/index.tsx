import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HelpStatus } from '@contract/help-rules'
import Page from '@/components/Page'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import HelpCard from '@/components/HelpCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { helpQueue } from '@/services/help'
import './index.scss'

type Filter = 'open' | 'overdue' | HelpStatus | 'all'

const FILTERS: { value: Filter; label: string; count?: (c: Record<HelpStatus, number>, overdue: number) => number }[] =
  [
    { value: 'open', label: '全部待办', count: (c) => c.submitted + c.accepted + c.assigned + c.in_progress },
    { value: 'overdue', label: '超时', count: (_c, o) => o },
    { value: 'submitted', label: '待受理', count: (c) => c.submitted },
    { value: 'accepted', label: '待派单', count: (c) => c.accepted },
    { value: 'assigned', label: '已派单', count: (c) => c.assigned },
    { value: 'in_progress', label: '处理中', count: (c) => c.in_progress },
    { value: 'completed', label: '待评价' },
    { value: 'all', label: '全部' }
  ]

/** Staff: the help requests of their scope, what needs someone first (overdue, urgent, longest waiting). */
export default function HelpQueuePage() {
  const [status, setStatus] = useState<Filter>('open')
  const [urgentOnly, setUrgentOnly] = useState(false)
  const queue = useRemote(
    () => helpQueue({ status, limit: 50, ...(urgentOnly ? { urgency: 'urgent' as const } : {}) }),
    [status, urgentOnly]
  )
  const q = queue.data
  return (
    <Page title='求助工单' testId='page-help-queue'>
      {q && q.overdue > 0 ? (
        <View {...a11y({ role: 'alert' })} className='yl-queue__overdue' data-testid='queue-overdue'>
          <Text>! 有 {q.overdue} 件求助超时未受理，请尽快处理</Text>
        </View>
      ) : null}
      <View {...a11y({ role: 'group', label: '按状态看' })} className='yl-queue__filters'>
        {FILTERS.map((f) => {
          const on = f.value === status
          const n = q && f.count ? f.count(q.counts, q.overdue) : null
          return (
            <View
              {...a11y({ role: 'button', pressed: on })}
              key={f.value}
              className={`yl-queue__chip${on ? ' yl-queue__chip--on' : ''}`}
              data-testid={`queue-${f.value}`}
              onClick={() => setStatus(f.value)}
            >
              <Text>
                {on ? '✓ ' : ''}
                {f.label}
                {n !== null ? ` ${n}` : ''}
              </Text>
            </View>
          )
        })}
        <View
          {...a11y({ role: 'switch', checked: urgentOnly, label: '只看紧急' })}
          className={`yl-queue__chip${urgentOnly ? ' yl-queue__chip--on' : ''}`}
          onClick={() => setUrgentOnly(!urgentOnly)}
        >
          <Text>{urgentOnly ? '✓ 只看紧急' : '只看紧急'}</Text>
        </View>
      </View>
      {queue.loading && !q ? <Loading /> : null}
      {queue.error ? <ErrorBlock message={queue.error} onRetry={() => void queue.reload()} /> : null}
      {q && q.items.length === 0 ? <Empty text='这里没有求助。' /> : null}
      {q?.items.map((c) => (
        <HelpCard key={c.id} card={c} showPerson />
      ))}
      <Section title='相关'>
        <BigButton
          variant='secondary'
          onClick={() => void Taro.navigateTo({ url: '/packages/help-staff/bindings/index' })}
        >
          家属绑定核实
        </BigButton>
        <View className='yl-queue__gap' />
        <BigButton variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/help-staff/settings/index' })}>
          响应时限和特长设置
        </BigButton>
      </Section>
    </Page>
  )
}
