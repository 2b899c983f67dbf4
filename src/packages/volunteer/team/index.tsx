import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TeamMemberView } from '@contract/actions'
import { formatDay } from '@contract/time'
import { hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ConfirmDialog from '@/components/Dialog'
import ReasonDialog from '@/components/ReasonDialog'
import Notice from '@/components/Notice'
import ShiftCard from '@/components/ShiftCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { decideJoin, joinTeam, leaveTeam, team as loadTeam, volunteerActivityUrl } from '@/services/volunteer'
import { useAppStore } from '@/store'
import { TeamLines, TeamTags } from '@/components/TeamCard'
import '../volunteer.scss'

/** A team: who is in it and its next shifts; ask to join or leave. The leader and staff decide requests here. */
export default function TeamPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const remote = useRemote(() => loadTeam(id), [id])
  const actingFor = useAppStore((s) => s.actingFor)
  const isStaff = useAppStore((s) => !!s.me?.roles.some((r) => r === 'staff' || r === 'admin'))
  const hasPerson = useAppStore((s) => !!s.me?.person || !!s.actingFor)
  const subjectId = useAppStore((s) => s.actingFor?.personId ?? s.me?.person?.id ?? null)
  const { busy, notice, run } = useSubmit()
  const [leaving, setLeaving] = useState(false)
  const [refusing, setRefusing] = useState<TeamMemberView | null>(null)
  const t = remote.data
  const isLeader = !!t && !!subjectId && t.leaderPersonId === subjectId
  const reload = () => remote.reload()

  const decide = (m: TeamMemberView, approve: boolean, reason = '') =>
    void run(() => decideJoin(id, m.personId, m.name, approve, reason), {
      done: approve ? `已同意 ${m.name} 入队` : `已告诉 ${m.name} 没有通过`,
      onApplied: reload
    })

  return (
    <Page testId='page-volunteer-team'>
      {remote.loading && !t ? <Loading /> : null}
      {remote.error ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {t ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-vol__h1' data-testid='team-name'>
            {t.name}
          </Text>
          <TeamTags team={t} />
          <TeamLines team={t} />
          {t.description ? <Text className='yl-vol__desc yl-vol__gap'>{t.description}</Text> : null}
          <Notice notice={notice} testId='team-result' />

          <View className='yl-vol__gap'>
            {hasPerson && (t.myStatus === null || t.myStatus === 'left' || t.myStatus === 'rejected') ? (
              <BigButton
                primary
                loading={busy}
                testId='team-join'
                onClick={() =>
                  void run(() => joinTeam(id, t.name), {
                    done: actingFor
                      ? `已为${actingFor.name}提交申请，等队长或工作人员审核`
                      : '申请已提交，等队长或工作人员审核',
                    onApplied: reload
                  })
                }
              >
                申请加入
              </BigButton>
            ) : null}
            {t.myStatus === 'pending' ? (
              <Text className='yl-vol__line' data-testid='team-pending'>
                申请已提交，正在等队长或工作人员审核。
              </Text>
            ) : null}
            {t.myStatus === 'member' ? (
              <Text className='yl-vol__line' data-testid='team-member'>
                {isLeader ? '您是这支队伍的队长，可以在下面审核入队申请。' : '您是这支队伍的队员。'}
              </Text>
            ) : null}
          </View>

          {t.canManage ? (
            <Section title={`入队申请（${t.requests.length}）`}>
              {t.requests.length === 0 ? <Text className='yl-vol__muted'>现在没有要审核的申请。</Text> : null}
              {t.requests.map((m) => (
                <Card key={m.personId} testId={`request-${m.personId}`}>
                  <Text className='yl-vol__title'>{m.name}</Text>
                  <Text className='yl-vol__line'>
                    {m.orgUnitName} · {formatDay(m.requestedAt)} 申请
                  </Text>
                  {m.note ? <Text className='yl-vol__line'>留言：{m.note}</Text> : null}
                  <View className='yl-vol__pair yl-vol__action'>
                    <BigButton
                      variant='plain'
                      block={false}
                      onClick={() => setRefusing(m)}
                      testId={`refuse-${m.personId}`}
                      ariaLabel={`不同意 ${m.name}`}
                    >
                      不同意
                    </BigButton>
                    <BigButton
                      variant='primary'
                      block={false}
                      loading={busy}
                      onClick={() => decide(m, true)}
                      testId={`approve-${m.personId}`}
                      ariaLabel={`同意 ${m.name} 入队`}
                    >
                      同意入队
                    </BigButton>
                  </View>
                </Card>
              ))}
            </Section>
          ) : null}

          <Section title={`队员（${t.members.length}）`}>
            <Card>
              {t.members.map((m) => (
                <View key={m.personId} className='yl-vol__row' data-testid={`member-${m.personId}`}>
                  <View className='yl-vol__row-main'>
                    <Text className='yl-vol__line'>
                      {m.name}
                      {m.orgUnitName !== t.orgUnitName ? ` · ${m.orgUnitName}` : ''}
                    </Text>
                  </View>
                  {m.role === 'leader' ? <StatusTag tone='info'>队长</StatusTag> : null}
                  {m.minutes !== null ? <Text className='yl-vol__line'>{hoursText(m.minutes)}</Text> : null}
                </View>
              ))}
            </Card>
          </Section>

          <Section title='近期班次'>
            {t.upcoming.length === 0 ? <Text className='yl-vol__muted'>近期没有安排。</Text> : null}
            {t.upcoming.map((s) => (
              <ShiftCard
                key={s.id}
                shift={s}
                onClick={() => void Taro.navigateTo({ url: volunteerActivityUrl(s.activityId) })}
              />
            ))}
          </Section>

          {isStaff && t.canManage ? (
            <View className='yl-vol__gap'>
              <BigButton
                variant='secondary'
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/volunteer-staff/team-edit/index?id=${encodeURIComponent(t.id)}`
                  })
                }
                testId='team-edit'
              >
                修改队伍（名称、介绍、队长）
              </BigButton>
            </View>
          ) : null}
          {!isLeader && (t.myStatus === 'member' || t.myStatus === 'pending') ? (
            <View className='yl-vol__gap'>
              <BigButton variant='plain' onClick={() => setLeaving(true)} testId='team-leave'>
                {t.myStatus === 'pending' ? '撤回申请' : '退出这支队伍'}
              </BigButton>
            </View>
          ) : null}

          <ConfirmDialog
            open={leaving}
            title={t.myStatus === 'pending' ? '确定撤回申请吗？' : '确定退出这支队伍吗？'}
            message='以后想加入，可以再申请。已经记下的志愿服务时长不受影响。'
            confirmLabel={t.myStatus === 'pending' ? '撤回申请' : '退出队伍'}
            danger
            onCancel={() => setLeaving(false)}
            onConfirm={() => {
              setLeaving(false)
              void run(() => leaveTeam(id, t.name), { done: '已退出', onApplied: reload })
            }}
          />
          <ReasonDialog
            open={!!refusing}
            title={`不同意 ${refusing?.name ?? ''} 入队`}
            message='原因会告诉申请人。'
            label='原因（必填）'
            placeholder='例如：这支队伍只收本支部党员'
            confirmLabel='不同意'
            required
            danger
            onCancel={() => setRefusing(null)}
            onConfirm={(reason) => {
              const m = refusing!
              setRefusing(null)
              decide(m, false, reason)
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
