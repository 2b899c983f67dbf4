import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RedemptionView, RewardItemView } from '@contract/actions'
import { spacedCode } from '@contract/points-words'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import { useAppStore } from '@/store'
import StatusTag from '@/components/StatusTag'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { catalogue, redeemItem } from '@/services/points'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

/** Why an item cannot be redeemed now, in words (null: it can). */
function blocked(item: RewardItemView, balance: number, proxy: boolean): string | null {
  if (proxy) return '兑换要本人办理'
  if (item.stock <= 0) return '已兑换完'
  if (item.perPersonLimit !== null && item.mine >= item.perPersonLimit) return '已达兑换上限'
  if (balance < item.price) return `还差 ${item.price - balance} 分`
  return null
}

/** 积分兑换: the catalogue with prices, stock and limits; one tap (and a confirmation) redeems. */
export default function ShopPage() {
  const remote = useRemote(() => catalogue(), [])
  // 代办 may look at the catalogue but not redeem: redeeming takes the elder's points (the server refuses too).
  const actingFor = useAppStore((s) => s.actingFor)
  const [asking, setAsking] = useState<RewardItemView | null>(null)
  const submit = useSubmit()
  const busy = submit.busy
  // A redemption that went through: its pick-up code is shown big (what else was said is submit.notice).
  const [redeemed, setRedeemed] = useState<RedemptionView | null>(null)
  const data = remote.data
  const confirm = () => {
    const item = asking
    setAsking(null)
    if (!item) return
    setRedeemed(null)
    void submit.run(() => redeemItem(item.id, item.name), {
      queued: `兑换「${item.name}」已保存在手机上，有网时会自动提交，成功后在“我的兑换”里看取件码。`,
      onApplied: (d) => {
        setRedeemed(d.redemption)
        return remote.reload()
      },
      onQueued: () => void remote.reload(),
      onRejected: () => void remote.reload()
    })
  }
  return (
    <Page title='积分兑换' testId='page-points-shop'>
      {redeemed ? (
        <Card tone='highlight' testId='redeem-done'>
          <StatusTag tone='success'>兑换成功</StatusTag>
          <Text className='yl-pts__title'>{redeemed.itemName}</Text>
          <Text className='yl-pts__label'>取件码</Text>
          <Text className='yl-pts__code' data-testid='redeem-code'>
            {spacedCode(redeemed.code)}
          </Text>
          <Text className='yl-pts__line'>
            请到{redeemed.orgUnitName}，把取件码给工作人员看。领取前可以在“我的兑换”里取消。
          </Text>
          <View className='yl-pts__gap' />
          <BigButton
            variant='secondary'
            onClick={() => void Taro.navigateTo({ url: '/packages/points/orders/index' })}
            testId='go-orders'
          >
            看我的兑换
          </BigButton>
        </Card>
      ) : null}
      <Notice notice={submit.notice} testId='redeem-result' />
      {remote.loading && !data ? <Loading /> : null}
      {remote.error && !data ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {data ? (
        <View>
          <Text className='yl-pts__title' data-testid='shop-balance'>
            您现在有 {data.balance} 分
          </Text>
          <View className='yl-pts__gap' />
          {data.items.length === 0 ? <Empty text='现在没有可以兑换的物品，请过些日子再来看看。' /> : null}
          {data.items.map((item) => {
            const why = blocked(item, data.balance, !!actingFor)
            return (
              <Card key={item.id} testId={`item-${item.id}`}>
                <View className='yl-pts__tags'>
                  <StatusTag tone='neutral'>{item.kind === 'service' ? '服务' : '物品'}</StatusTag>
                  {why ? <StatusTag tone='warning'>{why}</StatusTag> : null}
                </View>
                <Text className='yl-pts__title'>{item.name}</Text>
                <Text className='yl-pts__line'>
                  需要 <Text className='yl-pts__strong'>{item.price}</Text> 分 · 还剩 {item.stock}{' '}
                  {item.kind === 'service' ? '次' : '件'}
                </Text>
                {item.perPersonLimit !== null ? (
                  <Text className='yl-pts__label'>
                    每人最多兑换 {item.perPersonLimit} 次{item.mine ? `，您已兑换 ${item.mine} 次` : ''}
                  </Text>
                ) : null}
                {item.description ? <Text className='yl-pts__label'>{item.description}</Text> : null}
                <Text className='yl-pts__label'>领取地点：{item.orgUnitName}</Text>
                <View className='yl-pts__gap' />
                <BigButton
                  disabled={!!why || busy}
                  onClick={() => setAsking(item)}
                  testId={`redeem-${item.id}`}
                  ariaLabel={`兑换${item.name}，需要${item.price}分`}
                >
                  {why ? why : `用 ${item.price} 分兑换`}
                </BigButton>
              </Card>
            )
          })}
        </View>
      ) : null}
      <ConfirmDialog
        open={!!asking}
        title={asking ? `用 ${asking.price} 分兑换「${asking.name}」？` : ''}
        message={asking ? `兑换后凭取件码到${asking.orgUnitName}领取。领取前可以取消，积分会退回。` : undefined}
        confirmLabel='确定兑换'
        onCancel={() => setAsking(null)}
        onConfirm={() => void confirm()}
      />
      {busy ? <Loading text='正在兑换，请稍候…' /> : null}
    </Page>
  )
}
