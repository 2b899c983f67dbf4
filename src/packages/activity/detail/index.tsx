import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatClock, formatDateTime, formatDay } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ConfirmDialog from '@/components/Dialog'
import Notice from '@/components/Notice'
import { placesText } from '@/components/ActivityCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { cancelSignup, getActivity, signUp } from '@/services/activities'
import { signupSaid } from '@/services/signup-said'
import { useSubmit } from '@/hooks/use-submit'
import { usePending } from '@/sync/use-pending'
import { useAppStore } from '@/store'
import ReadAloud from '@/components/ReadAloud'
import { SIGNUP_WRITES, mainAction, withQueuedSignup } from './main-action'
import { activitySpeech } from './speech-text'
import './index.scss'
import { a11y } from '@/components/a11y'

const SIGNUP_WORDS = { signed: '请按时参加，到场后扫码签到。', cancelled: '名额已让给候补的人。想去的话可以再报名。' }

export default function ActivityDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => getActivity(id), [id])
  const submit = useSubmit()
  const { setNotice } = submit
  const [confirm, setConfirm] = useState(false)
  // 待同步: a sign-up or cancellation made offline shows as done-but-pending until the server has it.
  const queued = usePending<{ activityId: string }>(SIGNUP_WRITES, (p) => p.activityId === id)
  const latest = queued.length ? (queued[queued.length - 1].action as (typeof SIGNUP_WRITES)[number]) : null
  const wasQueued = useRef(false)
  // Whether what is said now is "待同步" (a write that waited): only that is replaced once it reaches the server.
  const saidQueued = useRef(false)
  useEffect(() => {
    if (wasQueued.current && !latest) {
      // It has reached the server: show what the server says now (a refusal is shown in 待同步 with its reason).
      if (saidQueued.current) setNotice(null)
      saidQueued.current = false
      void detail.reload()
    }
    wasQueued.current = latest !== null
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on the queued write's transition only, not on every reload
  }, [latest])
  const a = detail.data && latest ? withQueuedSignup(detail.data, latest) : detail.data
  const actingFor = useAppStore((s) => s.actingFor)
  const decided = a ? mainAction(a, Date.now()) : null
  // 代办 covers 报名 and 取消; checking in is done by the elder in person.
  const action =
    decided?.kind === 'checkin' && actingFor
      ? { kind: 'none' as const, label: `请${actingFor.name}到场后本人扫码签到` }
      : decided

  const run = (what: 'signup' | 'cancel') => {
    if (!a) return
    saidQueued.current = false
    void submit.run(() => (what === 'signup' ? signUp(a) : cancelSignup(a)), {
      said: (outcome) => signupSaid(outcome, what, SIGNUP_WORDS),
      onApplied: () => detail.reload(),
      onRejected: () => void detail.reload(),
      onQueued: () => {
        saidQueued.current = true
      }
    })
  }

  return (
    <Page testId='page-activity-detail'>
      {detail.loading && !a ? <Loading /> : null}
      {detail.error ? <ErrorBlock message={detail.error} onRetry={() => void detail.reload()} /> : null}
      {a && action ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-detail__title' data-testid='activity-title'>
            {a.title}
          </Text>
          <View className='yl-detail__tags' data-testid='activity-status'>
            <StatusTag tone='neutral'>{a.type}</StatusTag>
            {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
            {latest ? (
              <StatusTag tone='warning'>{latest === 'signup.create' ? '报名待同步' : '取消报名待同步'}</StatusTag>
            ) : null}
            {a.mySignup === 'signed' && !a.myCheckin && !latest ? <StatusTag tone='success'>您已报名</StatusTag> : null}
            {a.mySignup === 'waitlisted' && !latest ? (
              <StatusTag tone='warning'>
                {a.myWaitlistPosition ? `候补第 ${a.myWaitlistPosition} 位` : '候补中'}
              </StatusTag>
            ) : null}
            {a.myCheckin ? <StatusTag tone='success'>已签到 {formatClock(a.myCheckin.at)}</StatusTag> : null}
          </View>
          <View className='yl-detail__read'>
            <ReadAloud text={activitySpeech(a)} testId='activity-read' />
          </View>
          {a.status === 'cancelled' ? (
            <Notice tone='danger' title='这个活动已取消'>
              <Text>{a.cancelReason ? `原因：${a.cancelReason}。` : ''}不用前往了。</Text>
            </Notice>
          ) : null}
          <Notice notice={submit.notice} testId='signup-result' />

          <View className='yl-detail__main'>
            {action.kind === 'none' ? (
              <Text className='yl-detail__state' data-testid='main-state'>
                {action.label}
              </Text>
            ) : (
              <BigButton
                primary
                variant={action.kind === 'signup' || action.kind === 'checkin' ? 'primary' : 'danger'}
                loading={submit.busy}
                testId='main-action'
                onClick={() => {
                  if (action.kind === 'signup') run('signup')
                  else if (action.kind === 'checkin')
                    void Taro.navigateTo({ url: `/pages/checkin/index?title=${encodeURIComponent(a.title)}` })
                  else setConfirm(true)
                }}
              >
                {action.label}
              </BigButton>
            )}
          </View>

          <Card>
            <InfoRow label='时间' testId='activity-time'>
              <Text>
                {formatDay(a.startAt)} {formatClock(a.startAt)}–{formatClock(a.endAt)}
              </Text>
            </InfoRow>
            <InfoRow label='地点'>
              <Text>{a.place}</Text>
            </InfoRow>
            <InfoRow label='名额' testId='activity-places'>
              <Text>
                {placesText(a)}
                {a.waitlistCount ? `（候补 ${a.waitlistCount} 人）` : ''}
              </Text>
            </InfoRow>
            <InfoRow label='报名截止'>
              <Text>{formatDateTime(a.signupDeadline)}</Text>
            </InfoRow>
            <InfoRow label='签到时间'>
              <Text>
                {formatClock(a.checkinOpensAt)}–{formatClock(a.endAt)}，到场后扫工作人员的签到码
              </Text>
            </InfoRow>
            <InfoRow label='参加对象'>
              <Text>{a.audienceLabel}</Text>
            </InfoRow>
            <InfoRow label='积分'>
              <Text>签到后得 {a.points} 分</Text>
            </InfoRow>
            <InfoRow label='主办'>
              <Text>{a.orgUnitName}</Text>
            </InfoRow>
          </Card>
          {a.description ? (
            <Card>
              <Text className='yl-detail__desc'>{a.description}</Text>
            </Card>
          ) : null}
          {a.contactPhone ? (
            <BigButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: a.contactPhone! })}>
              有问题？打电话 {a.contactPhone}
            </BigButton>
          ) : null}
          {a.canManage ? (
            <View className='yl-detail__gap'>
              <BigButton
                variant='plain'
                testId='manage'
                onClick={() =>
                  void Taro.navigateTo({ url: `/packages/staff/activity/index?id=${encodeURIComponent(a.id)}` })
                }
              >
                管理这个活动（工作人员）
              </BigButton>
            </View>
          ) : null}
          <ConfirmDialog
            open={confirm}
            title={action.kind === 'leave-waitlist' ? '确定不再候补了吗？' : '确定要取消报名吗？'}
            message={
              action.kind === 'leave-waitlist'
                ? '取消后您会离开候补名单，再报名要重新排队。'
                : `「${a.title}」的名额会让给候补的人。`
            }
            confirmLabel={action.kind === 'leave-waitlist' ? '取消候补' : '取消报名'}
            cancelLabel='不取消'
            danger
            onCancel={() => setConfirm(false)}
            onConfirm={() => {
              setConfirm(false)
              run('cancel')
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
