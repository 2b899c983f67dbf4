import { Text } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import HelpCard from '@/components/HelpCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { volunteerTasks } from '@/services/help'
import './index.scss'

/** A volunteer's help requests: the ones assigned to them, and open ones in their fields they may take. */
export default function VolunteerTasksPage() {
  const tasks = useRemote(() => volunteerTasks(), [])
  const t = tasks.data
  const active = t?.mine.filter((c) => c.status === 'assigned' || c.status === 'in_progress') ?? []
  const done = t?.mine.filter((c) => !active.includes(c)) ?? []
  return (
    <Page title='我的任务' testId='page-help-tasks'>
      {tasks.loading && !t ? <Loading /> : null}
      {tasks.error ? <ErrorBlock message={tasks.error} onRetry={() => void tasks.reload()} /> : null}
      {t ? (
        <>
          {t.profile ? (
            <Card tone='muted'>
              <Text className='yl-tasks__profile'>
                我的特长：{t.profile.skills.join('、')} · {t.profile.orgUnitName}
                {t.profile.available ? '' : '（暂停接单）'}
              </Text>
            </Card>
          ) : null}
          {t.notice ? (
            <Card tone='muted'>
              <Text className='yl-tasks__profile'>{t.notice}</Text>
            </Card>
          ) : null}
          <Section title={`派给我的（${active.length}）`}>
            {active.length === 0 ? (
              <Empty text='现在没有派给您的事。' />
            ) : (
              active.map((c) => <HelpCard key={c.id} card={c} showPerson />)
            )}
          </Section>
          <Section title={`可以接的求助（${t.open.length}）`}>
            {t.open.length === 0 ? (
              <Empty text='暂时没有适合您的求助。' />
            ) : (
              t.open.map((c) => <HelpCard key={c.id} card={c} showPerson />)
            )}
          </Section>
          {done.length ? (
            <Section title='办过的'>
              {done.map((c) => (
                <HelpCard key={c.id} card={c} showPerson />
              ))}
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  )
}
