import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { RedemptionView } from '@contract/actions'
import { REDEMPTION_STATUS_LABELS, spacedCode } from '@contract/points-words'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import { useAppStore } from '@/store'
import StatusTag from '@/components/StatusTag'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { cancelRedemption, myRedemptions } from '@/services/points'
import Notice from '@/components/Notice'
import { keepText } from '@/components/Keep'
import { useSubmit } from '@/hooks/use-submit'
import { a11y } from '@/components/a11y'
import { codeQr } from './qr'
import './index.scss'

const TONE = { reserved: 'warning', picked: 'success', cancelled: 'neutral' } as const

/** 我的兑换: pick-up codes shown big (and as a QR code) until picked up; cancel before pick-up. */
export default function OrdersPage() {
  const actingFor = useAppStore((s) => s.actingFor)
  const remote = useRemote(() => myRedemptions(), [])
  const [asking, setAsking] = useState<RedemptionView | null>(null)
  const submit = useSubmit()
  const cancel = () => {
    const r = asking
    setAsking(null)
    if (!r) return
    void submit.run(() => cancelRedemption(r.code, r.itemName), {
      key: r.code,
      done: (d) => `已取消「${r.itemName}」，${d.refunded} 分已退回。`,
      queued: `取消「${r.itemName}」已保存在手机上，有网时会自动提交。`,
      onApplied: () => remote.reload(),
      onRejected: () => void remote.reload()
    })
  }
  const items = remote.data?.items
  return (
    <Page title='我的兑换' testId='page-points-orders'>
      <Notice notice={submit.notice} testId='orders-notice' />
      {remote.loading && !items ? <Loading /> : null}
      {remote.error && !items ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {items && items.length === 0 ? <Empty text='还没有兑换过东西。' /> : null}
      {items?.map((r) => (
        <Card key={r.code} tone={r.status === 'reserved' ? 'highlight' : 'default'} testId={`order-${r.code}`}>
          <View className='yl-pts__tags'>
            <StatusTag tone={TONE[r.status]}>{REDEMPTION_STATUS_LABELS[r.status]}</StatusTag>
          </View>
          <Text className='yl-pts__title'>{r.itemName}</Text>
          <Text className='yl-pts__label'>{keepText(`用了 ${r.price} 分 · ${formatDateTime(r.createdAt)} 兑换`)}</Text>
          {r.status === 'reserved' ? (
            <View>
              <Text className='yl-pts__label'>取件码</Text>
              <Text className='yl-pts__code' data-testid='order-code'>
                {spacedCode(r.code)}
              </Text>
              <Image {...a11y({ hidden: true })} className='yl-orders__qr' src={codeQr(r.code)} mode='aspectFit' />
              <Text className='yl-pts__line'>请到{r.orgUnitName}，把取件码给工作人员看。</Text>
              <View className='yl-pts__gap' />
              {actingFor ? (
                <Text className='yl-pts__line'>取消兑换要{r.personName}本人来办。</Text>
              ) : (
                <BigButton
                  variant='danger'
                  loading={submit.isBusy(r.code)}
                  onClick={() => setAsking(r)}
                  testId={`cancel-${r.code}`}
                >
                  取消兑换，退回积分
                </BigButton>
              )}
            </View>
          ) : null}
          {r.status === 'picked' && r.pickedAt ? (
            <Text className='yl-pts__line'>{formatDateTime(r.pickedAt)} 已领取</Text>
          ) : null}
          {r.status === 'cancelled' && r.cancelledAt ? (
            <Text className='yl-pts__line'>{formatDateTime(r.cancelledAt)} 已取消，积分已退回</Text>
          ) : null}
        </Card>
      ))}
      <ConfirmDialog
        open={!!asking}
        title={asking ? `取消兑换「${asking.itemName}」？` : ''}
        message={asking ? `取消后 ${asking.price} 分会退回，取件码作废。` : undefined}
        confirmLabel='确定取消'
        cancelLabel='不取消'
        danger
        onCancel={() => setAsking(null)}
        onConfirm={() => void cancel()}
      />
    </Page>
  )
}
