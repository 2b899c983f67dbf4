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
import { useSubmit } from '@/hooks/use-submit'
import type { NoticeValue } from '@/components/Notice'
import { usePending } from '@/sync/use-pending'
import { checkinFeedback, shiftFeedback, type Feedback } from './checkin-feedback'
import './index.scss'

const said = (f: Feedback): NoticeValue => ({ tone: f.tone, text: f.title, lines: f.lines })

/** 扫码签到: the retiree scans the code on the staff's screen. Works offline (queued, 待同步). */
export default function CheckinPage() {
  const { params } = useRouter()
  const title = params.title ? decodeURIComponent(params.title) : null
  const submit = useSubmit()
  const { setNotice } = submit
  const [queuedId, setQueuedId] = useState<string | null>(null)
  const pending = usePending<{ scannedAt: number }>(['checkin.scan', 'volunteer.scan'])
  const rejected = useAppStore((s) => s.rejected)

  // A scan that waited offline has left the outbox: say how it ended (refusals keep their reason).
  useEffect(() => {
    if (!queuedId || pending.some((i) => i.id === queuedId)) return
    const refused = rejected.find((r) => r.id === queuedId)
    setNotice(
      refused
        ? { tone: 'danger', text: '没有签上', lines: [refused.message] }
        : { tone: 'success', text: '已上传', lines: ['没有网络时扫的签到，已经交上去了。'] }
    )
    setQueuedId(null)
  }, [queuedId, pending, rejected, setNotice])

  const onCode = (token: string, scannedAt: number) => {
    setQueuedId(null)
    // One page for every code: an activity's, or a volunteer shift's check-in / check-out code.
    if (isShiftCodeText(token))
      void submit.run(() => scanShift(token, scannedAt), {
        said: (o) => said(shiftFeedback(o, scannedAt)),
        onQueued: setQueuedId
      })
    else
      void submit.run(() => scanCheckin(token, scannedAt), {
        said: (o) => said(checkinFeedback(o, scannedAt)),
        onQueued: setQueuedId
      })
  }

  return (
    <Page title='扫码签到' testId='page-checkin'>
      <Text className='yl-checkin__lead'>
        {title ? `活动：${title}。` : ''}
        到了活动或志愿服务现场，扫一扫工作人员屏幕上的签到码就签到了；志愿服务结束时扫签退码。
      </Text>
      <Notice notice={submit.notice} testId='checkin-result' />
      <CodeReader
        label='签到码'
        hint='没有相机时，可以把签到码粘贴在这里'
        submitText='签到'
        scanText='扫码签到'
        busy={submit.busy}
        onCode={onCode}
        testId='checkin-reader'
      />
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
