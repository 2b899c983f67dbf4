import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CheckinResult, RosterEntry } from '@contract/actions'
import { formatClock, formatDay } from '@contract/time'
import { PROXY_LATE_MS } from '@contract/checkin-rules'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import Notice, { type NoticeValue } from '@/components/Notice'
import ReasonDialog from '@/components/ReasonDialog'
import CodeReader from '@/components/CodeReader'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useLive } from '@/hooks/use-live'
import { messageOf } from '@/services/api'
import { said, useSubmit } from '@/hooks/use-submit'
import { activityRoster, cancelActivity, exportAttendance, publishActivity } from '@/services/activities'
import { proxyCheckin, staffScanCheckin } from '@/services/checkin'
import type { MutationOutcome } from '@/sync'
import { rosterNotes } from '../roster-labels'
import { saveExport } from './save-file'
import './index.scss'

const LIVE_MS = 10_000

function checkinSaid(outcome: MutationOutcome<CheckinResult>): NoticeValue {
  if (outcome.status === 'queued') return said('warning', '已记下，待同步', '有网时会自动提交。')
  if (outcome.status === 'rejected') return said('danger', '没有签上', outcome.message)
  const r = outcome.data
  if (r.result === 'already') return said('info', `${r.personName} 已签到`, `${formatClock(r.at)} 已经签过了。`)
  return said(
    'success',
    `${r.personName} 签到成功`,
    `${formatClock(r.at)}${r.walkIn ? '，现场报名' : ''}${r.points ? `，得 ${r.points} 分` : ''}`
  )
}

function EntryCard({ e, canProxy, onProxy }: { e: RosterEntry; canProxy: boolean; onProxy: () => void }) {
  return (
    <Card testId={`roster-${e.personId}`}>
      <View className='yl-roster__head'>
        <Text className='yl-roster__name'>{e.name}</Text>
        {e.checkin ? <StatusTag tone='success'>已签到</StatusTag> : null}
        {!e.checkin && e.signup === 'signed' ? <StatusTag tone='neutral'>未签到</StatusTag> : null}
        {e.signup === 'waitlisted' ? <StatusTag tone='warning'>候补第 {e.waitlistPosition} 位</StatusTag> : null}
        {e.signup === 'cancelled' && !e.checkin ? <StatusTag tone='neutral'>已取消报名</StatusTag> : null}
      </View>
      <Text className='yl-roster__line'>
        {e.orgUnitName}
        {e.branchName ? ` · ${e.branchName}` : ''}
      </Text>
      {rosterNotes(e).map((n) => (
        <Text key={n} className='yl-roster__line'>
          {n}
        </Text>
      ))}
      {canProxy && e.signup === 'signed' && !e.checkin ? (
        <View className='yl-roster__action'>
          <BigButton variant='secondary' onClick={onProxy} testId={`proxy-${e.personId}`}>
            代签
          </BigButton>
        </View>
      ) : null}
    </Card>
  )
}

/** One activity, for staff: publish or cancel it, show its code, scan personal codes, 代签, export. */
export default function StaffActivityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const roster = useRemote(() => activityRoster(id), [id])
  const submit = useSubmit()
  const [exporting, setExporting] = useState(false)
  const [proxyFor, setProxyFor] = useState<RosterEntry | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  // The list stays live while the page is on screen (people are checking in).
  useLive(() => void roster.reload(), LIVE_MS)

  const r = roster.data
  const a = r?.activity
  const now = Date.now()
  const canProxy = !!a && a.status === 'published' && now >= a.checkinOpensAt && now <= a.endAt + PROXY_LATE_MS
  // The code and scanning are for the door: until the activity ends (the server refuses later scans anyway).
  const atTheDoor = !!a && a.status === 'published' && now <= a.endAt

  // Every write here is followed by a fresh roster, whatever it came to.
  const write = <T,>(
    key: string,
    action: () => Promise<MutationOutcome<T>>,
    said: (o: MutationOutcome<T>) => NoticeValue
  ) => void submit.run(action, { key, said, onSettled: () => void roster.reload() })

  return (
    <Page testId='page-staff-activity'>
      {roster.loading && !r ? <Loading /> : null}
      {roster.error ? <ErrorBlock message={roster.error} onRetry={() => void roster.reload()} /> : null}
      {a && r ? (
        <View>
          <Text className='yl-staff__title' data-testid='staff-activity-title'>
            {a.title}
          </Text>
          <View className='yl-staff__tags'>
            {a.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
            {a.status === 'published' ? <StatusTag tone='success'>已发布</StatusTag> : null}
            {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
          </View>
          <Text className='yl-staff__line'>
            {formatDay(a.startAt)} {formatClock(a.startAt)}–{formatClock(a.endAt)} · {a.place}
          </Text>
          <View className='yl-staff__numbers' data-testid='staff-numbers'>
            <View className='yl-staff__number'>
              <Text className='yl-staff__big'>{r.signedCount}</Text>
              <Text>报名{a.capacity !== null ? ` / ${a.capacity}` : ''}</Text>
            </View>
            <View className='yl-staff__number'>
              <Text className='yl-staff__big'>{r.waitlistCount}</Text>
              <Text>候补</Text>
            </View>
            <View className='yl-staff__number'>
              <Text className='yl-staff__big' data-testid='checked-in-count'>
                {r.checkedInCount}
              </Text>
              <Text>已签到</Text>
            </View>
          </View>

          <Notice notice={submit.notice} testId='staff-result' />

          {a.status === 'draft' ? (
            <BigButton
              primary
              loading={submit.isBusy('publish')}
              testId='publish'
              onClick={() =>
                write(
                  'publish',
                  () => publishActivity(a),
                  (o) =>
                    o.status === 'applied'
                      ? said('success', '已发布', '老同志现在可以看到并报名了。')
                      : o.status === 'queued'
                        ? said('warning', '已记下，待同步')
                        : said('danger', '没有发布', o.message)
                )
              }
            >
              发布活动
            </BigButton>
          ) : null}
          {atTheDoor ? (
            <BigButton
              primary
              testId='show-code'
              onClick={() => void Taro.navigateTo({ url: `/packages/staff/code/index?id=${encodeURIComponent(a.id)}` })}
            >
              出示签到码
            </BigButton>
          ) : null}

          {a.status === 'published' && !atTheDoor ? (
            <Notice tone='info' title='活动已结束'>
              <Text>
                {canProxy
                  ? '不能再扫码签到了。漏签的人，可以在下面的名单里代签（补签）。'
                  : '签到已经结束，可以导出签到表。'}
              </Text>
            </Notice>
          ) : null}
          <View className='yl-staff__gap' />
          {atTheDoor ? (
            <Section title='扫老同志的个人签到码'>
              <CodeReader
                label='老同志的个人签到码'
                hint='老同志在「我的」里打开「我的签到码」'
                submitText='确认签到'
                scanText='扫老同志的签到码'
                busy={submit.isBusy('scan')}
                variant='secondary'
                testId='staff-reader'
                onCode={(token, scannedAt) =>
                  write('scan', () => staffScanCheckin(a.id, a.title, token, scannedAt), checkinSaid)
                }
              />
            </Section>
          ) : null}

          <Section title={`报名和签到（${r.entries.length} 人）`}>
            <Text className='yl-staff__live'>名单每 10 秒自动刷新</Text>
            {r.entries.length === 0 ? <Text className='yl-staff__line'>还没有人报名。</Text> : null}
            {!canProxy && a.status === 'published' && now < a.checkinOpensAt ? (
              <Text className='yl-staff__line'>{formatClock(a.checkinOpensAt)} 开始签到后，可以在这里代签。</Text>
            ) : null}
            {r.entries.map((e) => (
              <EntryCard key={e.personId} e={e} canProxy={canProxy} onProxy={() => setProxyFor(e)} />
            ))}
          </Section>

          <Section title='其他'>
            {a.status !== 'cancelled' ? (
              <View className='yl-staff__gap'>
                <BigButton
                  variant='secondary'
                  testId='edit'
                  onClick={() =>
                    void Taro.navigateTo({ url: `/packages/staff/edit/index?id=${encodeURIComponent(a.id)}` })
                  }
                >
                  修改活动
                </BigButton>
              </View>
            ) : null}
            <View className='yl-staff__gap'>
              <BigButton
                variant='secondary'
                loading={exporting}
                testId='export'
                onClick={() => {
                  // A read that makes a file, not a write: its own busy state, said in the same place.
                  setExporting(true)
                  submit.setNotice(null)
                  void exportAttendance(a.id)
                    .then(saveExport)
                    .then((text) => submit.setNotice(said('success', '签到表已导出', text)))
                    .catch((err) => submit.setNotice(said('danger', '没有导出', messageOf(err))))
                    .finally(() => setExporting(false))
                }}
              >
                导出签到表（Excel）
              </BigButton>
            </View>
            {a.status !== 'cancelled' ? (
              <View className='yl-staff__gap'>
                <BigButton variant='danger' testId='cancel-activity' onClick={() => setConfirmCancel(true)}>
                  取消这个活动
                </BigButton>
              </View>
            ) : null}
          </Section>

          <ReasonDialog
            open={!!proxyFor}
            title={`为 ${proxyFor?.name ?? ''} 代签`}
            message='代签会记录您的名字和原因。'
            label='代签原因（必填）'
            placeholder='例如：本人到场，不会用手机'
            confirmLabel='确认代签'
            required
            onCancel={() => setProxyFor(null)}
            onConfirm={(reason) => {
              const e = proxyFor!
              setProxyFor(null)
              write('proxy', () => proxyCheckin(a.id, e.personId, e.name, reason), checkinSaid)
            }}
          />
          <ReasonDialog
            open={confirmCancel}
            title='确定要取消这个活动吗？'
            message={`已报名和候补的 ${r.signedCount + r.waitlistCount} 人都会收到取消消息。取消后不能恢复。`}
            label='取消原因（会告诉老同志）'
            placeholder='例如：天气原因，改期另行通知'
            confirmLabel='取消活动'
            danger
            onCancel={() => setConfirmCancel(false)}
            onConfirm={(reason) => {
              setConfirmCancel(false)
              write(
                'cancel',
                () => cancelActivity(a, reason),
                (o) =>
                  o.status === 'applied'
                    ? said('info', '活动已取消', `已通知 ${o.data.notified} 人。`)
                    : o.status === 'queued'
                      ? said('warning', '已记下，待同步')
                      : said('danger', '没有取消成功', o.message)
              )
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
