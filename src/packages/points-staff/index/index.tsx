import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import { useRemote } from '@/hooks/use-remote'
import { staffPending } from '@/services/points'
import './index.scss'

/** 积分管理 for staff: 核销 first (people are waiting at the counter), then look-ups, the catalogue, reports. */
export default function PointsStaffHome() {
  const isAdmin = useAppStore((s) => !!s.me?.roles.includes('admin'))
  const unit = useAppStore((s) => s.me?.orgUnit?.name ?? '')
  const pending = useRemote(() => staffPending(), [])
  const go = (page: string) => void Taro.navigateTo({ url: `/packages/points-staff/${page}/index` })
  return (
    <Page title='积分管理' testId='page-points-staff'>
      {unit ? (
        <Card>
          <Text className='yl-pts__line'>{unit}</Text>
          {pending.data ? <Text className='yl-pts__label'>等待领取的兑换：{pending.data.items.length} 件</Text> : null}
        </Card>
      ) : null}
      <View className='yl-pts__actions'>
        <BigButton primary onClick={() => go('verify')} testId='go-verify'>
          核销取件码
        </BigButton>
        <BigButton variant='secondary' onClick={() => go('people')} testId='go-people'>
          查积分 · 调整 · 记送学上门
        </BigButton>
        <BigButton variant='secondary' onClick={() => go('items')} testId='go-items'>
          兑换物品管理
        </BigButton>
        <BigButton variant='secondary' onClick={() => go('stars')} testId='go-stars'>
          践诺评星 · 支部积分榜
        </BigButton>
        <BigButton variant='secondary' onClick={() => go('export')} testId='go-export'>
          导出积分表（Excel）
        </BigButton>
        <BigButton variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/points/rules/index' })}>
          {isAdmin ? '查看和修改积分规则' : '查看积分规则'}
        </BigButton>
      </View>
    </Page>
  )
}
