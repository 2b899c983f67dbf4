import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { staffItems } from '@/services/points'
import './index.scss'

const edit = (id?: string) =>
  void Taro.navigateTo({ url: `/packages/points-staff/item/index${id ? `?id=${encodeURIComponent(id)}` : ''}` })

/** The catalogue of the staff member's units, hidden items included. */
export default function ItemsPage() {
  const items = useRemote(() => staffItems(), [])
  return (
    <Page title='兑换物品' testId='page-points-items'>
      <BigButton primary onClick={() => edit()} testId='item-new'>
        添加物品或服务
      </BigButton>
      <View className='yl-pts__gap' />
      {items.loading && !items.data ? <Loading /> : null}
      {items.error ? <ErrorBlock message={items.error} onRetry={() => void items.reload()} /> : null}
      {items.data && items.data.items.length === 0 ? <Empty text='还没有兑换物品。' /> : null}
      {items.data?.items.map((i) => (
        <Card key={i.id} onClick={() => edit(i.id)} ariaLabel={`修改${i.name}`} testId={`staff-item-${i.id}`}>
          <View className='yl-pts__tags'>
            <StatusTag tone={i.active ? 'success' : 'neutral'}>{i.active ? '上架中' : '已下架'}</StatusTag>
            {i.stock <= 0 ? <StatusTag tone='warning'>没有库存</StatusTag> : null}
          </View>
          <Text className='yl-pts__title'>{i.name}</Text>
          <Text className='yl-pts__line'>
            {i.price} 分 · 库存 {i.stock} ·{' '}
            {i.perPersonLimit === null ? '每人不限次数' : `每人限 ${i.perPersonLimit} 次`}
          </Text>
          <Text className='yl-pts__label'>{i.orgUnitName}</Text>
        </Card>
      ))}
    </Page>
  )
}
