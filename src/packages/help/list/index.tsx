import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import HelpCard from '@/components/HelpCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { myHelpRequests } from '@/services/help'
import { HELP_OPEN_STATUSES } from '@contract/help-rules'

/** The elder's requests (or, in 代办, the elder's), open ones first. */
export default function HelpListPage() {
  const actingFor = useAppStore((s) => s.actingFor)
  const list = useRemote(() => myHelpRequests(), [actingFor?.personId])
  const items = list.data?.items ?? []
  const open = items.filter((c) => HELP_OPEN_STATUSES.includes(c.status) || c.status === 'completed')
  const closed = items.filter((c) => !open.includes(c))
  return (
    <Page title={actingFor ? `${actingFor.name}的求助` : '我的求助'} testId='page-help-list'>
      <BigButton primary onClick={() => void Taro.navigateTo({ url: '/packages/help/new/index' })} testId='help-new'>
        我要求助
      </BigButton>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <Empty text='还没有求助。遇到难处，点上面的「我要求助」。' /> : null}
      {open.length ? (
        <Section title='正在办'>
          {open.map((c) => (
            <HelpCard key={c.id} card={c} />
          ))}
        </Section>
      ) : null}
      {closed.length ? (
        <Section title='已结束'>
          {closed.map((c) => (
            <HelpCard key={c.id} card={c} />
          ))}
        </Section>
      ) : null}
    </Page>
  )
}
