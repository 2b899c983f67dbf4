import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'

export interface HomeTile {
  key: string
  icon: string
  text: string
  onTap: () => void
}

/** The home page's big labelled tiles, in the order an older user reaches for them. */
export function homeTiles(): HomeTile[] {
  return [
    { key: 'activities', icon: '☰', text: '活动报名', onTap: () => void Taro.switchTab({ url: '/pages/activities/index' }) },
    { key: 'checkin', icon: '▣', text: '扫码签到', onTap: () => void Taro.navigateTo({ url: '/pages/checkin/index' }) },
    {
      key: 'contact',
      icon: '☎',
      text: '联系我们',
      onTap: () => {
        const phone = useAppStore.getState().me?.liaisonPhone
        if (phone) void Taro.makePhoneCall({ phoneNumber: phone })
      }
    }
  ]
}
