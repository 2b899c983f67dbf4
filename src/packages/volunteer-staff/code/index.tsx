import { useCallback, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ShiftDirection } from '@contract/volunteer-rules'
import { formatClock, formatDay } from '@contract/time'
import Page from '@/components/Page'
import RotatingCode from '@/components/RotatingCode'
import BigButton from '@/components/BigButton'
import { ErrorBlock } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { shiftCode, shiftRoster } from '@/services/volunteer'
import { keepScreenOn } from '@/platform/keep-screen-on'
import '../staff.scss'

/**
 * The full-screen rotating code of a shift: 签到码 at the start, 签退码 at the end. It changes every 30 seconds
 * (a forwarded photo is useless a minute later) and the phone stays awake while it shows.
 */
export default function ShiftCodePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const direction: ShiftDirection = params.dir === 'out' ? 'out' : 'in'
  const roster = useRemote(() => shiftRoster(id), [id])
  const load = useCallback(() => shiftCode(id, direction), [id, direction])
  const [copied, setCopied] = useState<string | null>(null)
  useDidShow(() => keepScreenOn(true))
  useDidHide(() => keepScreenOn(false))
  const s = roster.data?.shift
  const word = direction === 'in' ? '签到' : '签退'
  return (
    <Page testId='page-vstaff-code'>
      <View className='yl-vs__code'>
        <Text className='yl-vol__h1'>{s ? `${s.activityTitle}${s.label ? ` · ${s.label}` : ''}` : ' '}</Text>
        <Text className='yl-vol__title' data-testid='code-direction'>
          志愿服务{word}码
        </Text>
        <Text className='yl-vol__line'>
          请志愿者用微信「扫码签到」扫这个码
          {s ? `（${formatDay(s.startAt)} ${formatClock(s.startAt)}–${formatClock(s.endAt)}）` : ''}
        </Text>
        {roster.error ? <ErrorBlock message={roster.error} onRetry={() => void roster.reload()} /> : null}
        <RotatingCode load={load} size='full' label={`志愿服务${word}码`} testId='shift-code' />
      </View>
      <BigButton
        variant='plain'
        testId='copy-shift-code'
        onClick={() =>
          void shiftCode(id, direction)
            .then((c) => Taro.setClipboardData({ data: c.token }))
            .then(() => setCopied('已复制。这段文字和二维码一样，约一分钟后失效。'))
            .catch(() => setCopied('没有复制成功，请再点一次'))
        }
      >
        复制{word}码文字（给没有相机的设备用）
      </BigButton>
      {copied ? <Text className='yl-vol__muted'>{copied}</Text> : null}
    </Page>
  )
}
