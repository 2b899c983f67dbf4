import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { doneForMe } from '@/services/family'
import './index.scss'

/** What family (代办) and staff did for the elder, newest first, from the audit trail. */
export default function DoneForMePage() {
  const list = useRemote(() => doneForMe(), [])
  return (
    <Page title='替我办过的事' testId='page-done-for-me'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty text='还没有人替您办过事。' /> : null}
      {list.data?.items.map((i) => (
        <Card
          key={i.id}
          testId='done-item'
          onClick={i.link ? () => void Taro.navigateTo({ url: i.link! }) : undefined}
          ariaLabel={`${i.actor}${i.text}`}
        >
          <Text className='yl-done__what'>
            {i.actor} {i.text}
          </Text>
          <Text className='yl-done__when'>{formatDateTime(i.at)}</Text>
        </Card>
      ))}
    </Page>
  )
}
