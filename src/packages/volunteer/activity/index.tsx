import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ShiftCard as Shift } from '@contract/actions'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ConfirmDialog from '@/components/Dialog'
import Notice from '@/components/Notice'
import ShiftCard, { shiftTitle } from '@/components/ShiftCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { cancelShift, signUpShift, teamUrl, volunteerActivity } from '@/services/volunteer'
import { useAppStore } from '@/store'
import { shiftAction } from './shift-action'
import { signupSaid } from '@/services/signup-said'
import '../volunteer.scss'

const SHIFT_WORDS = { signed: '请按时到达，到了以后扫码签到，结束时扫码签退。', cancelled: '名额已让给候补的人。' }

/** One volunteer activity: what it is, and its shifts with one button each (报名 / 取消 / 签到 / 签退). */
export default function VolunteerActivityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => volunteerActivity(id), [id])
  const actingFor = useAppStore((s) => s.actingFor)
  const submit = useSubmit()
  const [confirm, setConfirm] = useState<Shift | null>(null)
  const a = detail.data
  const now = Date.now()

  const run = (s: Shift, what: 'signup' | 'cancel') => {
    const title = `「${s.activityTitle}」${s.label}`
    void submit.run(() => (what === 'signup' ? signUpShift(s.id, title) : cancelShift(s.id, title)), {
      key: s.id,
      said: (o) => signupSaid(o, what, SHIFT_WORDS),
      onApplied: () => detail.reload(),
      onQueued: () => void detail.reload(),
      onRejected: () => void detail.reload()
    })
  }

  // Still to come (or still checked into) first; the ones already over (that the reader was part of) after.
  const isOver = (s: Shift) => s.endAt < now && !(s.myAttendance && s.myAttendance.checkOutAt === null)
  const coming = a?.shifts.filter((s) => !isOver(s)) ?? []
  const past = a?.shifts.filter(isOver).reverse() ?? []
  const shiftWithAction = (s: Shift) => {
    const action = shiftAction(s, now, { blocked: a!.signupBlock, actingFor: actingFor?.name ?? null })
    return (
      <ShiftCard key={s.id} shift={s} showTitle={false}>
        <View className='yl-vol__action'>
          {action.kind === 'none' ? (
            <Text className='yl-vol__muted' data-testid={`state-${s.id}`}>
              {action.label}
            </Text>
          ) : (
            <BigButton
              primary={action.kind !== 'cancel' && action.kind !== 'leave-waitlist'}
              variant={action.kind === 'cancel' || action.kind === 'leave-waitlist' ? 'plain' : 'primary'}
              loading={submit.isBusy(s.id)}
              testId={`act-${s.id}`}
              ariaLabel={`${action.label}：${shiftTitle(s)}`}
              onClick={() => {
                if (action.kind === 'signup' || action.kind === 'waitlist') run(s, 'signup')
                else if (action.kind === 'checkin' || action.kind === 'checkout') {
                  void Taro.navigateTo({ url: `/pages/checkin/index?title=${encodeURIComponent(shiftTitle(s))}` })
                } else setConfirm(s)
              }}
            >
              {action.label}
            </BigButton>
          )}
        </View>
      </ShiftCard>
    )
  }

  return (
    <Page testId='page-volunteer-activity'>
      {detail.loading && !a ? <Loading /> : null}
      {detail.error ? <ErrorBlock message={detail.error} onRetry={() => void detail.reload()} /> : null}
      {a ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-vol__h1' data-testid='vact-title'>
            {a.title}
          </Text>
          <View className='yl-vol__tags'>
            <StatusTag tone='neutral'>{a.serviceItem}</StatusTag>
            {a.teamName ? <StatusTag tone='info'>{a.teamName}</StatusTag> : null}
            {a.teamOnly ? <StatusTag tone='warning'>只面向队员</StatusTag> : null}
            {a.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
            {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
          </View>
          <Notice notice={submit.notice} testId='shift-result' />
          {a.signupBlock && a.teamId ? (
            <Notice tone='info' title={a.signupBlock} testId='signup-block'>
              <View className='yl-vol__action'>
                <BigButton
                  variant='secondary'
                  onClick={() => void Taro.navigateTo({ url: teamUrl(a.teamId!) })}
                  testId='go-team'
                >
                  看看这支队伍，申请加入
                </BigButton>
              </View>
            </Notice>
          ) : null}

          <Section title={`班次（${coming.length}）`}>
            {coming.length === 0 ? <Text className='yl-vol__muted'>近期没有安排班次。</Text> : null}
            {coming.map(shiftWithAction)}
          </Section>
          {past.length ? <Section title='参加过的班次'>{past.map(shiftWithAction)}</Section> : null}

          <Card>
            <InfoRow label='主办'>
              <Text>{a.orgUnitName}</Text>
            </InfoRow>
            <InfoRow label='积分'>
              <Text>每个班次签到、签退后得 {a.points} 分</Text>
            </InfoRow>
            <InfoRow label='时长怎么算'>
              <Text>从签到到签退计时；早到从班次开始算，晚走算到班次结束；忘了签退按班次结束时间计。</Text>
            </InfoRow>
          </Card>
          {a.description ? (
            <Card>
              <Text className='yl-vol__desc'>{a.description}</Text>
            </Card>
          ) : null}
          {a.contactPhone ? (
            <BigButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: a.contactPhone! })}>
              有问题？打电话 {a.contactPhone}
            </BigButton>
          ) : null}
          {a.canManage ? (
            <View className='yl-vol__gap'>
              <BigButton
                variant='plain'
                testId='manage'
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/volunteer-staff/activity/index?id=${encodeURIComponent(a.id)}`
                  })
                }
              >
                管理这个活动（工作人员）
              </BigButton>
            </View>
          ) : null}
          <ConfirmDialog
            open={!!confirm}
            title={confirm?.mySignup === 'waitlisted' ? '确定不再候补了吗？' : '确定要取消报名吗？'}
            message={confirm ? `${shiftTitle(confirm)}的名额会让给候补的人。` : undefined}
            confirmLabel={confirm?.mySignup === 'waitlisted' ? '取消候补' : '取消报名'}
            cancelLabel='不取消'
            danger
            onCancel={() => setConfirm(null)}
            onConfirm={() => {
              const s = confirm!
              setConfirm(null)
              run(s, 'cancel')
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
