import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import Notice from '@/components/Notice'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { assignHelp, getHelpRequest, suggestAssignees } from '@/services/help'
import './index.scss'

/** Staff choose who does it: volunteers of the county whose skills fit come first, then staff. */
export default function HelpAssignPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const req = useRemote(() => getHelpRequest(id), [id])
  const list = useRemote(() => suggestAssignees(id), [id])
  const { busy, notice, run } = useSubmit()
  const volunteers = list.data?.candidates.filter((c) => c.kind === 'volunteer') ?? []
  const staff = list.data?.candidates.filter((c) => c.kind === 'staff') ?? []

  const assign = (accountId: string, name: string) =>
    void run(() => assignHelp(id, accountId, name), {
      done: `已派给 ${name}`,
      onApplied: () => void Taro.navigateBack()
    })

  const row = (c: (typeof volunteers)[number]) => (
    <Card key={c.accountId} testId={`candidate-${c.accountId}`}>
      <View className='yl-assign__head'>
        <Text className='yl-assign__name'>{c.name}</Text>
        <StatusTag tone={c.kind === 'volunteer' ? 'info' : 'neutral'}>
          {c.kind === 'volunteer' ? '志愿者' : '工作人员'}
        </StatusTag>
      </View>
      <Text className='yl-assign__line'>
        {c.orgUnitName}
        {c.matchedSkills.length ? ` · 特长：${c.matchedSkills.join('、')}` : ''}
      </Text>
      <Text className='yl-assign__line'>手上还有 {c.openTasks} 件没办完</Text>
      <BigButton
        primary={c === volunteers[0]}
        variant={c === volunteers[0] ? 'primary' : 'secondary'}
        loading={busy}
        onClick={() => assign(c.accountId, c.name)}
        testId={`assign-${c.accountId}`}
      >
        派给{c.name}
      </BigButton>
    </Card>
  )

  return (
    <Page title='派单' testId='page-help-assign'>
      {req.data ? (
        <Card tone='muted'>
          <Text className='yl-assign__line'>
            {req.data.category} · {req.data.personName} · {req.data.orgUnitName}
          </Text>
          <Text className='yl-assign__line'>{req.data.summary}</Text>
        </Card>
      ) : null}
      <Notice notice={notice} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data ? (
        <>
          <Section title='推荐的志愿者'>
            {volunteers.length ? (
              volunteers.map(row)
            ) : (
              <Empty text='本区县暂时没有特长对口、能接单的志愿者。可以派给工作人员。' />
            )}
          </Section>
          <Section title='工作人员'>{staff.map(row)}</Section>
        </>
      ) : null}
    </Page>
  )
}
