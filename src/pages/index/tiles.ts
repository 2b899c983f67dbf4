import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'

export interface HomeTile {
  key: string
  icon: string
  text: string
  onTap: () => void
}

/**
 * 我要求助: for a family member not acting for anyone yet, first choose the elder (我的长辈); otherwise the form,
 * whose duty-phone call is the first thing on it.
 */
function askForHelp(): void {
  const { me, actingFor } = useAppStore.getState()
  const familyOnly = !!me && me.roles.includes('family') && !me.person
  void Taro.navigateTo({ url: familyOnly && !actingFor ? '/packages/family/home/index' : '/packages/help/new/index' })
}

/** The home page's big labelled tiles, in the order an older user reaches for them. */
export function homeTiles(): HomeTile[] {
  const me = useAppStore.getState().me
  const family = !!me?.roles.includes('family')
  const staffOnly = !!me && !me.person && me.roles.some((r) => r === 'staff' || r === 'admin')
  return [
    ...(family ? [{ key: 'elders', icon: '♥', text: '我的长辈', onTap: () => void Taro.navigateTo({ url: '/packages/family/home/index' }) }] : []),
    { key: 'activities', icon: '☰', text: '活动报名', onTap: () => void Taro.switchTab({ url: '/pages/activities/index' }) },
    { key: 'checkin', icon: '▣', text: '扫码签到', onTap: () => void Taro.navigateTo({ url: '/pages/checkin/index' }) },
    { key: 'points', icon: '★', text: '我的积分', onTap: () => void Taro.navigateTo({ url: '/packages/points/index/index' }) },
    {
      key: 'volunteer',
      icon: '✿',
      text: '志愿服务',
      onTap: () => void Taro.navigateTo({ url: staffOnly ? '/packages/volunteer-staff/index/index' : '/packages/volunteer/index/index' })
    },
    staffOnly
      ? { key: 'help-queue', icon: '✚', text: '求助工单', onTap: () => void Taro.navigateTo({ url: '/packages/help-staff/queue/index' }) }
      : { key: 'help', icon: '✚', text: '我要求助', onTap: askForHelp },
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
