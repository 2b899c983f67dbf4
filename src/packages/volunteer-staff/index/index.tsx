import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatClock, formatDay, startOfBusinessDay } from '@contract/time'
import { hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import EntryRow from '@/components/EntryRow'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { staffShiftUrl, teamUrl, volunteerDesk } from '@/services/volunteer'
import { TeamLines, TeamTags } from '@/components/TeamCard'
import '../staff.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 志愿服务管理: hours to check, the volunteer activities of the staff member's scope, teams, the skills pool. */
export default function VolunteerDeskPage() {
  const desk = useRemote(() => volunteerDesk(), [])
  const d = desk.data
  return (
    <Page title='志愿服务管理' testId='page-volunteer-desk'>
      <BigButton primary onClick={go('/packages/volunteer-staff/activity-edit/index')} testId='new-vact'>
        ＋ 新建志愿活动
      </BigButton>
      <View className='yl-vol__gap' />
      {desk.loading && !d ? <Loading /> : null}
      {desk.error ? <ErrorBlock message={desk.error} onRetry={() => void desk.reload()} /> : null}
      {d ? (
        <View>
          <Section title={`待核对的时长（${d.flagged.length}）`}>
            {d.flagged.length === 0 ? (
              <Text className='yl-vol__muted'>没有要核对的。忘了签退的，会按班次结束时间计入并出现在这里。</Text>
            ) : null}
            {d.flagged.map((f) => (
              <Card
                key={`${f.shiftId}:${f.personId}`}
                tone='highlight'
                onClick={go(staffShiftUrl(f.shiftId))}
                ariaLabel={`${f.name}，${f.title}，没有签退，记了 ${hoursText(f.creditedMinutes)}`}
                testId={`flag-${f.shiftId}-${f.personId}`}
              >
                <View className='yl-vol__tags'>
                  <StatusTag tone='warning'>没有签退</StatusTag>
                </View>
                <Text className='yl-vol__title'>{f.name}</Text>
                <Text className='yl-vol__line'>
                  {f.title} · {formatDay(startOfBusinessDay(f.day))}
                </Text>
                <Text className='yl-vol__line'>按班次结束计了 {hoursText(f.creditedMinutes)}，请核对</Text>
              </Card>
            ))}
          </Section>

          <Section title='志愿活动'>
            {d.activities.length === 0 ? <Empty text='还没有志愿活动。点上面的「新建志愿活动」。' /> : null}
            {d.activities.map((a) => (
              <Card
                key={a.id}
                onClick={go(`/packages/volunteer-staff/activity/index?id=${encodeURIComponent(a.id)}`)}
                ariaLabel={a.title}
                testId={`desk-vact-${a.id}`}
              >
                <View className='yl-vol__tags'>
                  {a.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
                  {a.status === 'published' ? <StatusTag tone='success'>已发布</StatusTag> : null}
                  {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
                  <StatusTag tone='neutral'>{a.orgUnitName}</StatusTag>
                </View>
                <Text className='yl-vol__title'>{a.title}</Text>
                <Text className='yl-vol__line'>
                  {a.nextShiftAt
                    ? `下一班：${formatDay(a.nextShiftAt)} ${formatClock(a.nextShiftAt)}，还有 ${a.shiftCount} 个班次`
                    : '没有待进行的班次'}
                </Text>
                {a.shiftCount ? (
                  <Text className='yl-vol__line'>
                    报名 {a.signedCount} · 候补 {a.waitlistCount}
                  </Text>
                ) : null}
              </Card>
            ))}
          </Section>

          <Section title='志愿服务队'>
            {d.teams.map((t) => (
              <Card
                key={t.id}
                onClick={go(teamUrl(t.id))}
                ariaLabel={`${t.name}${t.pendingCount ? `，${t.pendingCount} 人申请加入` : ''}`}
                testId={`desk-team-${t.id}`}
              >
                <TeamTags team={t} />
                <Text className='yl-vol__title'>{t.name}</Text>
                <TeamLines team={t} />
              </Card>
            ))}
            <BigButton variant='secondary' onClick={go('/packages/volunteer-staff/team-edit/index')} testId='new-team'>
              ＋ 新建队伍
            </BigButton>
          </Section>

          <Section title='更多'>
            <EntryRow
              icon='⌕'
              text='银发人才库（按特长找人）'
              onClick={go('/packages/volunteer-staff/pool/index')}
              testId='go-pool'
            />
            <EntryRow icon='✓' text='证明核验' onClick={go('/packages/volunteer/verify/index')} />
          </Section>
        </View>
      ) : null}
    </Page>
  )
}
