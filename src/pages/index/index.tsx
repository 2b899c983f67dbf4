import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import ElderSwitch from '@/components/ElderSwitch'
import Section from '@/components/Section'
import ActivityCard from '@/components/ActivityCard'
import Notice from '@/components/Notice'
import { SyncBadge } from '@/components/SyncStatus'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { todaysActivities } from '@/services/activities'
import { greeting } from '@contract/time'
import { homeTiles } from './tiles'
import './index.scss'
import { a11y } from '@/components/a11y'

/**
 * 首页: the greeting and the 长辈版 switch, 待同步 when anything waits, the big tiles (tile-list.ts), and today's
 * activities. In 长辈版 the tiles are one per row.
 */
export default function HomePage() {
  const me = useAppStore((s) => s.me)
  const today = useRemote(() => todaysActivities(), [me?.accountId])
  const [noPhone, setNoPhone] = useState(false)
  return (
    <Page tab={0} sync='badge' testId='page-home'>
      <View className='yl-home__head'>
        <Text {...a11y({ role: 'heading', level: 1 })} className='yl-home__hello' data-testid='greeting'>
          {me ? `${me.displayName}，${greeting(Date.now())}` : greeting(Date.now())}
        </Text>
        <ElderSwitch />
      </View>
      <SyncBadge />
      {noPhone ? (
        <Notice tone='warning' title='暂时没有取到联系电话' testId='no-phone'>
          <Text>请连上网络后再点一次「联系我们」，或到「我的」里查看。</Text>
        </Notice>
      ) : null}
      <View className='yl-home__tiles' data-testid='home-tiles'>
        {homeTiles(() => setNoPhone(true)).map((t) => (
          <View
            {...a11y({ role: 'button' })}
            key={t.key}
            className='yl-home__tile'
            data-testid={`tile-${t.key}`}
            onClick={t.onTap}
          >
            <Text {...a11y({ hidden: true })} className='yl-home__tile-icon'>
              {t.icon}
            </Text>
            <Text className='yl-home__tile-text'>{t.text}</Text>
          </View>
        ))}
      </View>
      <Section title='今天的活动'>
        {today.loading && !today.data ? <Loading /> : null}
        {today.error ? <ErrorBlock message={today.error} onRetry={() => void today.reload()} /> : null}
        {today.data && today.data.length === 0 ? <Empty text='今天没有活动，去看看以后的活动吧。' /> : null}
        {today.data?.map((a) => (
          <ActivityCard key={a.id} activity={a} showDay={false} />
        ))}
      </Section>
    </Page>
  )
}
