import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RosterLine, ShiftScanResult } from '@contract/actions'
import { formatClock, formatDateTime } from '@contract/time'
import {
  ATTENDANCE_METHOD_LABELS,
  SHIFT_STAFF_LATE_DAYS,
  hoursText,
  type ShiftDirection
} from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import CodeReader from '@/components/CodeReader'
import Notice, { type NoticeValue } from '@/components/Notice'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useLive } from '@/hooks/use-live'
import { said, useSubmit } from '@/hooks/use-submit'
import { confirmHours, correctHours, shiftRoster, staffMarkShift, staffScanShift } from '@/services/volunteer'
import type { MutationOutcome } from '@/sync'
import { CorrectDialog, MarkDialog } from './dialogs'
import '../staff.scss'

const LIVE_MS = 10_000

function scanSaid(o: MutationOutcome<ShiftScanResult>): NoticeValue {
  if (o.status === 'queued') return said('warning', '已记下，待同步', '有网时会自动提交。')
  if (o.status === 'rejected') return said('danger', '没有办成', o.message)
  const r = o.data
  const word = r.direction === 'in' ? '签到' : '签退'
  if (r.result === 'already') return said('info', `${r.personName} 已经${word}过了`, `${formatClock(r.at)} ${word}。`)
  return said(
    'success',
    `${r.personName} ${word}成功`,
    `${formatClock(r.at)}${r.creditedMinutes !== null ? `，记 ${hoursText(r.creditedMinutes)}` : ''}${r.points ? `，得 ${r.points} 分` : ''}${r.walkIn ? '，现场报名' : ''}`
  )
}

function done<T>(ok: string): (o: MutationOutcome<T>) => NoticeValue {
  return (o) =>
    o.status === 'applied'
      ? said('success', ok)
      : o.status === 'queued'
        ? said('warning', '已记下，待同步', '有网时会自动提交。')
        : said('danger', '没有办成', o.message)
}

function LineCard({ l, actions }: { l: RosterLine; actions: React.ReactNode }) {
  const a = l.attendance
  return (
    <Card tone={a?.flagged ? 'highlight' : 'default'} testId={`line-${l.personId}`}>
      <View className='yl-vol__tags'>
        {l.signup === 'waitlisted' ? <StatusTag tone='warning'>候补第 {l.waitlistPosition} 位</StatusTag> : null}
        {l.signup === 'cancelled' && !a ? <StatusTag tone='neutral'>已取消报名</StatusTag> : null}
        {l.signup === 'signed' && !a ? <StatusTag tone='neutral'>未签到</StatusTag> : null}
        {a && a.checkOutAt === null ? <StatusTag tone='info'>已签到 {formatClock(a.checkInAt!)}</StatusTag> : null}
        {a && a.creditedMinutes !== null ? (
          <StatusTag tone='success'>记 {hoursText(a.creditedMinutes)}</StatusTag>
        ) : null}
        {a?.flagged ? <StatusTag tone='warning'>没有签退，待核对</StatusTag> : null}
      </View>
      <Text className='yl-vol__title'>{l.name}</Text>
      <Text className='yl-vol__line'>{l.orgUnitName}</Text>
      {a ? (
        <Text className='yl-vol__line'>
          签到 {formatClock(a.checkInAt!)}（{ATTENDANCE_METHOD_LABELS[a.checkInMethod!]}）
          {a.checkOutAt !== null
            ? ` · 签退 ${formatClock(a.checkOutAt)}（${ATTENDANCE_METHOD_LABELS[a.checkOutMethod!]}）`
            : ''}
        </Text>
      ) : null}
      {a?.notes.map((n) => (
        <Text key={n} className='yl-vol__muted'>
          · {n}
        </Text>
      ))}
      {l.by.length ? <Text className='yl-vol__muted'>经手：{l.by.join('、')}</Text> : null}
      {actions}
    </Card>
  )
}

/** Staff at a shift: its codes, scanning volunteers' own codes, the live roster, 代签, corrections and 结算. */
export default function ShiftRosterPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const roster = useRemote(() => shiftRoster(id), [id])
  const submit = useSubmit()
  const [direction, setDirection] = useState<ShiftDirection>('in')
  const [marking, setMarking] = useState<{ line: RosterLine; direction: ShiftDirection } | null>(null)
  const [correcting, setCorrecting] = useState<RosterLine | null>(null)
  // The list stays live while the page is on screen (people are checking in).
  useLive(() => void roster.reload(), LIVE_MS)

  const r = roster.data
  const s = r?.shift
  const now = Date.now()
  // Every write here is followed by a fresh roster, whatever it came to.
  const write = <T,>(
    key: string,
    action: () => Promise<MutationOutcome<T>>,
    said: (o: MutationOutcome<T>) => NoticeValue
  ) => void submit.run(action, { key, said, onSettled: () => void roster.reload() })
  const open = !!s && s.status === 'open'
  const canShowIn = open && now >= r!.checkinOpensAt - 30 * 60_000 && now <= s!.endAt
  const canShowOut = open && now >= s!.startAt - 30 * 60_000 && now <= r!.checkoutClosesAt
  const canMark = open && now >= r!.checkinOpensAt && now <= s!.endAt + SHIFT_STAFF_LATE_DAYS * 24 * 3600_000
  const go = (dir: ShiftDirection) => () =>
    void Taro.navigateTo({ url: `/packages/volunteer-staff/code/index?id=${encodeURIComponent(id)}&dir=${dir}` })

  return (
    <Page testId='page-vstaff-shift'>
      {roster.loading && !r ? <Loading /> : null}
      {roster.error ? <ErrorBlock message={roster.error} onRetry={() => void roster.reload()} /> : null}
      {r && s ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-vol__h1' data-testid='vshift-title'>
            {r.activityTitle}
            {s.label ? ` · ${s.label}` : ''}
          </Text>
          {s.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
          <Text className='yl-vol__line'>
            {formatDateTime(s.startAt)}–{formatClock(s.endAt)} · {s.place}
          </Text>
          <View className='yl-vs__numbers' data-testid='vshift-numbers'>
            <View className='yl-vs__number'>
              <Text className='yl-vs__big'>{r.signedCount}</Text>
              <Text>报名{s.capacity !== null ? ` / ${s.capacity}` : ''}</Text>
            </View>
            <View className='yl-vs__number'>
              <Text className='yl-vs__big'>{r.waitlistCount}</Text>
              <Text>候补</Text>
            </View>
            <View className='yl-vs__number'>
              <Text className='yl-vs__big' data-testid='vshift-in'>
                {r.checkedInCount}
              </Text>
              <Text>已签到</Text>
            </View>
            <View className='yl-vs__number'>
              <Text className='yl-vs__big' data-testid='vshift-out'>
                {r.checkedOutCount}
              </Text>
              <Text>已签退</Text>
            </View>
            <View className='yl-vs__number'>
              <Text className='yl-vs__big'>{r.flaggedCount}</Text>
              <Text>待核对</Text>
            </View>
          </View>

          <Notice notice={submit.notice} testId='vshift-result' />

          {canShowIn ? (
            <BigButton
              primary={now < s.startAt + 60 * 60_000}
              variant={now < s.startAt + 60 * 60_000 ? 'primary' : 'secondary'}
              onClick={go('in')}
              testId='show-in-code'
            >
              出示签到码
            </BigButton>
          ) : null}
          {canShowOut ? (
            <View className='yl-vol__gap'>
              <BigButton
                primary={now >= s.startAt + 60 * 60_000}
                variant={now >= s.startAt + 60 * 60_000 ? 'primary' : 'secondary'}
                onClick={go('out')}
                testId='show-out-code'
              >
                出示签退码
              </BigButton>
            </View>
          ) : null}
          {canShowOut ? (
            <Section title='扫志愿者的个人签到码'>
              <ChoiceGroup
                label='现在是'
                choices={[
                  { value: 'in', label: '签到' },
                  { value: 'out', label: '签退' }
                ]}
                value={direction}
                onChange={setDirection}
                testId='vshift-direction'
              />
              <CodeReader
                label='志愿者的个人签到码'
                hint='志愿者在「我的」里打开「我的签到码」'
                submitText={direction === 'in' ? '确认签到' : '确认签退'}
                scanText={direction === 'in' ? '扫码为他签到' : '扫码为他签退'}
                busy={submit.isBusy('scan')}
                variant='secondary'
                testId='vshift-reader'
                onCode={(token, scannedAt) =>
                  write('scan', () => staffScanShift(id, direction, token, scannedAt), scanSaid)
                }
              />
            </Section>
          ) : null}

          <Section title={`名单（${r.lines.length} 人）`}>
            <Text className='yl-vol__muted'>名单每 10 秒自动刷新</Text>
            {r.lines.length === 0 ? <Text className='yl-vol__line'>还没有人报名。</Text> : null}
            {r.lines.map((l) => {
              const a = l.attendance
              const buttons: React.ReactNode[] = []
              if (canMark && !a && l.signup !== 'waitlisted')
                buttons.push(
                  <BigButton
                    key='in'
                    variant='secondary'
                    onClick={() => setMarking({ line: l, direction: 'in' })}
                    testId={`mark-in-${l.personId}`}
                  >
                    代签到
                  </BigButton>
                )
              if (canMark && a && a.checkOutAt === null && now >= s.startAt)
                buttons.push(
                  <BigButton
                    key='out'
                    variant='secondary'
                    onClick={() => setMarking({ line: l, direction: 'out' })}
                    testId={`mark-out-${l.personId}`}
                  >
                    代签退
                  </BigButton>
                )
              if (a?.flagged)
                buttons.push(
                  <BigButton
                    key='ok'
                    variant='secondary'
                    loading={submit.isBusy(`ok-${l.personId}`)}
                    onClick={() =>
                      write(
                        `ok-${l.personId}`,
                        () => confirmHours(id, l.personId, l.name),
                        done(`${l.name} 的时长已核对`)
                      )
                    }
                    testId={`confirm-${l.personId}`}
                  >
                    核对无误
                  </BigButton>
                )
              if (a && a.creditedMinutes !== null)
                buttons.push(
                  <BigButton
                    key='fix'
                    variant='plain'
                    onClick={() => setCorrecting(l)}
                    testId={`correct-${l.personId}`}
                  >
                    更正时长
                  </BigButton>
                )
              return (
                <LineCard
                  key={l.personId}
                  l={l}
                  actions={
                    buttons.length
                      ? buttons.map((b, i) => (
                          <View key={i} className='yl-vol__action'>
                            {b}
                          </View>
                        ))
                      : null
                  }
                />
              )
            })}
          </Section>

          {now < s.startAt && s.status === 'open' ? (
            <BigButton
              variant='secondary'
              onClick={() =>
                void Taro.navigateTo({
                  url: `/packages/volunteer-staff/shift-edit/index?activityId=${encodeURIComponent(r.activityId)}&id=${encodeURIComponent(id)}`
                })
              }
              testId='vshift-edit'
            >
              修改或取消这个班次
            </BigButton>
          ) : null}

          <MarkDialog
            line={marking?.line ?? null}
            direction={marking?.direction ?? 'in'}
            shift={s}
            onCancel={() => setMarking(null)}
            onConfirm={(at, reason) => {
              const m = marking!
              setMarking(null)
              write('mark', () => staffMarkShift(id, m.line.personId, m.line.name, m.direction, reason, at), scanSaid)
            }}
          />
          <CorrectDialog
            line={correcting}
            onCancel={() => setCorrecting(null)}
            onConfirm={(minutes, reason) => {
              const l = correcting!
              setCorrecting(null)
              write(
                'fix',
                () => correctHours(id, l.personId, l.name, minutes, reason),
                done(`${l.name} 的时长已更正为 ${hoursText(minutes)}`)
              )
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
