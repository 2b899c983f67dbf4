import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDay, formatClock } from '@contract/time'
import { hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import EntryRow from '@/components/EntryRow'
import StatusTag from '@/components/StatusTag'
import ShiftCard from '@/components/ShiftCard'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useAppStore } from '@/store'
import { myShifts, volunteerActivities, volunteerActivityUrl } from '@/services/volunteer'
import '../volunteer.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 志愿服务: my hours, the shifts I signed up for, volunteer activities to join, teams, certificate, skills. */
export default function VolunteerHomePage() {
  const me = useAppStore((s) => s.me)
  const actingFor = useAppStore((s) => s.actingFor)
  const hasPerson = !!me?.person || !!actingFor
  const mine = useRemote(() => (hasPerson ? myShifts() : Promise.resolve(null)), [hasPerson, actingFor?.personId])
  const list = useRemote(() => volunteerActivities(), [actingFor?.personId])
  const isStaff = !!me?.roles.some((r) => r === 'staff' || r === 'admin')
  const m = mine.data
  return (
    <Page title='志愿服务' testId='page-volunteer'>
      {mine.error ? <ErrorBlock message={mine.error} onRetry={() => void mine.reload()} /> : null}
      {m ? (
        <Card tone='highlight' testId='volunteer-summary'>
          <Text className='yl-vol__label'>{actingFor ? `${actingFor.name}的志愿服务时长` : '我的志愿服务时长'}</Text>
          <Text className='yl-vol__hero' data-testid='volunteer-total'>
            {hoursText(m.totalMinutes)}
          </Text>
          <View className='yl-vol__pair'>
            <BigButton
              variant='secondary'
              block={false}
              onClick={go('/packages/volunteer/hours/index')}
              testId='go-hours'
            >
              看明细
            </BigButton>
            <BigButton
              variant='secondary'
              block={false}
              onClick={go('/packages/volunteer/certificate/index')}
              testId='go-certificate'
            >
              开证明
            </BigButton>
          </View>
        </Card>
      ) : null}
      {isStaff && !actingFor ? (
        <BigButton variant='secondary' onClick={go('/packages/volunteer-staff/index/index')} testId='go-staff'>
          志愿服务管理（工作人员）
        </BigButton>
      ) : null}

      {m ? (
        <Section title={`我报名的班次（${m.upcoming.length}）`}>
          {m.upcoming.length === 0 ? <Empty text='还没有报名的班次，看看下面的志愿活动吧。' /> : null}
          {m.upcoming.map((s) => (
            <ShiftCard
              key={s.id}
              shift={s}
              onClick={go(volunteerActivityUrl(s.activityId))}
              testId={`my-shift-${s.id}`}
            />
          ))}
        </Section>
      ) : null}

      <Section title='可以报名的志愿活动'>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
        {list.data && list.data.items.length === 0 ? <Empty text='近期没有需要报名的志愿活动。' /> : null}
        {list.data?.items.map((a) => (
          <Card
            key={a.id}
            onClick={go(volunteerActivityUrl(a.id))}
            ariaLabel={`${a.title}，${a.nextShiftAt ? `最近一班 ${formatDay(a.nextShiftAt)} ${formatClock(a.nextShiftAt)}` : ''}`}
            testId={`vact-${a.id}`}
          >
            <View className='yl-vol__tags'>
              <StatusTag tone='neutral'>{a.serviceItem}</StatusTag>
              {a.teamOnly ? <StatusTag tone='info'>队员报名</StatusTag> : null}
              {a.mine ? <StatusTag tone='success'>已报名</StatusTag> : null}
            </View>
            <Text className='yl-vol__title'>{a.title}</Text>
            {a.nextShiftAt ? (
              <Text className='yl-vol__line'>
                最近一班：{formatDay(a.nextShiftAt)} {formatClock(a.nextShiftAt)}（共 {a.shiftCount} 个班次）
              </Text>
            ) : null}
            <Text className='yl-vol__line'>
              {a.teamName ? `${a.teamName} · ` : ''}
              {a.orgUnitName}
            </Text>
            <Text className='yl-vol__line'>
              {a.openPlaces === null
                ? '不限名额'
                : a.openPlaces > 0
                  ? `还有 ${a.openPlaces} 个名额`
                  : '名额已满，可报候补'}
            </Text>
          </Card>
        ))}
      </Section>

      <Section title='更多'>
        <EntryRow icon='⚑' text='志愿服务队' onClick={go('/packages/volunteer/teams/index')} testId='go-teams' />
        {m ? (
          <EntryRow
            icon='☰'
            text='我的时长明细'
            onClick={go('/packages/volunteer/hours/index')}
            testId='go-hours-row'
          />
        ) : null}
        {m ? (
          <EntryRow
            icon='▤'
            text='志愿服务证明'
            onClick={go('/packages/volunteer/certificate/index')}
            testId='go-certificate-row'
          />
        ) : null}
        {me?.person && !actingFor ? (
          <EntryRow
            icon='✎'
            text='我的特长（银发人才库）'
            onClick={go('/packages/volunteer/profile/index')}
            testId='go-profile'
          />
        ) : null}
        <EntryRow icon='✓' text='证明核验' onClick={go('/packages/volunteer/verify/index')} testId='go-verify' />
      </Section>
      {!hasPerson ? (
        <Text className='yl-vol__muted'>家属可以在「我的长辈」里选择长辈，为他（她）报名志愿服务。</Text>
      ) : null}
    </Page>
  )
}
