import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { leaderboard, pointsSummary, setLeaderboardOptIn } from '@/services/points'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

/** 支部积分榜: only when the branch turned it on, and only people who chose to appear. */
export default function BoardPage() {
  const board = useRemote(() => Promise.all([leaderboard(), pointsSummary()]), [])
  const submit = useSubmit()
  const data = board.data
  const toggle = (optIn: boolean) =>
    submit.run(() => setLeaderboardOptIn(optIn), {
      done: optIn ? '您已参加积分榜。' : '您已退出积分榜，别人看不到您的积分。',
      queued: '已保存在手机上，有网时会自动提交。',
      onApplied: () => board.reload(),
      onRejected: () => void board.reload()
    })
  const [list, summary] = data ?? []
  return (
    <Page title='支部积分榜' testId='page-points-board'>
      {board.loading && !data ? <Loading /> : null}
      {board.error && !data ? <ErrorBlock message={board.error} onRetry={() => void board.reload()} /> : null}
      <Notice notice={submit.notice} testId='board-notice' />
      {list && summary ? (
        <View>
          {!list.enabled ? <Empty text='您所在的支部没有打开积分榜。' /> : null}
          {list.enabled ? (
            <View>
              <Card>
                <Text className='yl-pts__line'>
                  {list.branchName}今年的积分。只显示自愿参加的人，不参加的人不会出现在这里。
                </Text>
                <View className='yl-pts__gap' />
                {summary.leaderboard.optedIn ? (
                  <BigButton
                    variant='plain'
                    loading={submit.busy}
                    onClick={() => void toggle(false)}
                    testId='board-optout'
                  >
                    我不想出现在榜上
                  </BigButton>
                ) : (
                  <BigButton
                    variant='secondary'
                    loading={submit.busy}
                    onClick={() => void toggle(true)}
                    testId='board-optin'
                  >
                    我愿意出现在榜上
                  </BigButton>
                )}
              </Card>
              {list.rows.length === 0 ? <Empty text='还没有人参加积分榜。' /> : null}
              {list.rows.map((r, i) => (
                <Card key={r.name} tone={r.me ? 'highlight' : 'default'}>
                  <View className='yl-pts__row'>
                    <Text className='yl-pts__title'>
                      第 {i + 1} 名　{r.name}
                    </Text>
                    {r.me ? <StatusTag tone='info'>我</StatusTag> : null}
                  </View>
                  <Text className='yl-pts__line'>今年得 {r.score} 分</Text>
                </Card>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
