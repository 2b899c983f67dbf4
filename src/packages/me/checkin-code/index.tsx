import { Text } from '@tarojs/components'
import Page from '@/components/Page'
import RotatingCode from '@/components/RotatingCode'
import { useAppStore } from '@/store'
import { myCheckinCode } from '@/services/checkin'
import './index.scss'

/**
 * 我的签到码: for those who cannot work a camera. Staff scan it to check the holder in. It rotates like the
 * staff's code, so a photo sent to someone else is useless a minute later.
 */
export default function MyCheckinCodePage() {
  const name = useAppStore((s) => s.me?.displayName)
  return (
    <Page title='我的签到码' testId='page-my-code'>
      <Text className='yl-mycode__lead'>到了活动现场，把这个码给工作人员扫一下，就签到了。</Text>
      <RotatingCode load={myCheckinCode} label={`${name ?? ''}的签到码`} testId='my-code' />
      <Text className='yl-mycode__name'>{name}</Text>
      <Text className='yl-mycode__note'>这个码只能本人使用，请不要发给别人。</Text>
    </Page>
  )
}
