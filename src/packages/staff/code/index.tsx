import { useCallback, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import RotatingCode from '@/components/RotatingCode'
import BigButton from '@/components/BigButton'
import { ErrorBlock } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { activityCheckinCode, getActivity } from '@/services/activities'
import { keepScreenOn } from '@/platform/keep-screen-on'
import './index.scss'

/**
 * The full-screen rotating check-in code staff hold up at the door. It refreshes itself every 30 seconds, so
 * a photo forwarded to a WeChat group is useless a minute later. The phone stays awake while it shows.
 */
export default function StaffCodePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useRemote(() => getActivity(id), [id])
  const load = useCallback(() => activityCheckinCode(id), [id])
  const [copied, setCopied] = useState<string | null>(null)
  useDidShow(() => keepScreenOn(true))
  useDidHide(() => keepScreenOn(false))
  return (
    <Page testId='page-staff-code'>
      <View className='yl-code'>
        <Text className='yl-code__title'>{activity.data?.title ?? ' '}</Text>
        <Text className='yl-code__lead'>请用微信「扫码签到」扫这个码</Text>
        {activity.error ? <ErrorBlock message={activity.error} onRetry={() => void activity.reload()} /> : null}
        <RotatingCode load={load} size='full' label='活动签到码' testId='staff-code' />
      </View>
      <BigButton
        variant='plain'
        testId='copy-code'
        onClick={() =>
          void activityCheckinCode(id)
            .then((c) => Taro.setClipboardData({ data: c.token }))
            .then(() => setCopied('已复制。这段文字和二维码一样，约一分钟后失效。'))
            .catch(() => setCopied('没有复制成功，请再点一次'))
        }
      >
        复制签到码文字（给没有相机的设备用）
      </BigButton>
      {copied ? <Text className='yl-code__copied'>{copied}</Text> : null}
    </Page>
  )
}
