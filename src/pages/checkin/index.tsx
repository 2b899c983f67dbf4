import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Section from '@/components/Section'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import Notice from '@/components/Notice'
import CodeReader from '@/components/CodeReader'
import { useAppStore } from '@/store'
import { scanCheckin, scanShift } from '@/services/checkin'
import { isShiftCodeText } from '@contract/volunteer-rules'
import { shownInline } from '@/services/inline'
import { usePending } from '@/sync/use-pending'
import { checkinFeedback, shiftFeedback, type Feedback } from './checkin-feedback'
import './index.scss'

/** 扫码签到: the retiree scans the code on the staff's screen. Works offline (queued, 待同步). */
export default function CheckinPage() {
  const { params } = useRouter()
  const title = params.title ? decodeURIComponent(params.title) : null
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const [queuedId, setQueuedId] = useState<string | null>(null)
  const pending = usePending<{ scannedAt: number }>(['checkin.scan', 'volunteer.scan'])
  const rejected = useAppStore((s) => s.rejected)

  // A scan that waited offline has left the outbox: say how it ended (refusals keep their reason).
  useEffect(() => {
    if (!queuedId || pending.some((i) => i.id === queuedId)) return
    const refused = rejected.find((r) => r.id === queuedId)
    setFeedback(refused ? { tone: 'danger', title: '没有签上', lines: [refused.message] } : { tone: 'success', title: '已上传', lines: ['没有网络时扫的签到，已经交上去了。'] })
    setQueuedId(null)
  }, [queuedId, pending, rejected])

  const onCode = (token: string, scannedAt: number) => {
    setBusy(true)
    setFeedback(null)
    setQueuedId(null)
    // One page for every code: an activity's, or a volunteer shift's check-in / check-out code.
    const done = isShiftCodeText(token)
      ? shownInline('volunteer.scan', () => scanShift(token, scannedAt)).then((outcome) => ({ outcome, feedback: shiftFeedback(outcome, scannedAt) }))
      : shownInline('checkin.scan', () => scanCheckin(token, scannedAt)).then((outcome) => ({ outcome, feedback: checkinFeedback(outcome, scannedAt) }))
    done
      .then(({ outcome, feedback }) => {
        setFeedback(feedback)
        if (outcome.status === 'queued') setQueuedId(outcome.id)
      })
      .finally(() => setBusy(false))
  }

  return (
    <Page title='扫码签到' testId='page-checkin'>
      <Text className='yl-checkin__lead'>{title ? `活动：${title}。` : ''}到了活动或志愿服务现场，扫一扫工作人员屏幕上的签到码就签到了；志愿服务结束时扫签退码。</Text>
      {feedback ? (
        <Notice tone={feedback.tone} title={feedback.title} testId='checkin-result'>
          {feedback.lines.map((l) => (
            <Text key={l} className='yl-checkin__line'>
              {l}
            </Text>
          ))}
        </Notice>
      ) : null}
      <CodeReader label='签到码' hint='没有相机时，可以把签到码粘贴在这里' submitText='签到'
        scanText='扫码签到' busy={busy} onCode={onCode} testId='checkin-reader' />
      {pending.length ? (
        <Section title='等待上传的签到'>
          {pending.map((item) => (
            <Card key={item.id} testId='checkin-pending'>
              <View className='yl-checkin__pending-head'>
                <StatusTag tone='warning'>待同步</StatusTag>
              </View>
              <Text className='yl-checkin__line'>扫码时间：{formatDateTime(item.payload.scannedAt)}</Text>
              <Text className='yl-checkin__line'>{item.lastError ?? '有网时会自动提交'}</Text>
            </Card>
          ))}
        </Section>
      ) : null}
    </Page>
  )
}
