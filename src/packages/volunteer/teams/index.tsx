import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { teamUrl, teams } from '@/services/volunteer'
import { TeamLines, TeamTags } from '@/components/TeamCard'
import '../volunteer.scss'

/** 志愿服务队: every team, one's own county first; one tap opens a team. */
export default function TeamsPage() {
  const list = useRemote(() => teams(), [])
  return (
    <Page title='志愿服务队' testId='page-volunteer-teams'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty text='还没有志愿服务队。' /> : null}
      {list.data?.items.map((t) => (
        <Card
          key={t.id}
          onClick={() => void Taro.navigateTo({ url: teamUrl(t.id) })}
          ariaLabel={`${t.name}，${t.kind}，${t.memberCount} 名队员`}
          testId={`team-${t.id}`}
        >
          <TeamTags team={t} />
          <Text className='yl-vol__title'>{t.name}</Text>
          <TeamLines team={t} />
        </Card>
      ))}
    </Page>
  )
}
