import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RedemptionView } from '@contract/actions'
import { REDEMPTION_STATUS_LABELS, spacedCode } from '@contract/points-words'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { messageOf } from '@/services/api'
import { staffFulfil, staffPending, staffRedemption } from '@/services/points'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

const canScan = process.env.TARO_ENV === 'weapp'

/** 核销: type (or scan) the pick-up code, check whose it is and what, hand it over, confirm. */
export default function VerifyPage() {
  const [code, setCode] = useState('')
  const [found, setFound] = useState<RedemptionView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const submit = useSubmit()
  const [asking, setAsking] = useState(false)
  const [looking, setLooking] = useState(false)
  const busy = looking || submit.busy
  const pending = useRemote(() => staffPending(), [])

  const lookUp = async (raw: string) => {
    const digits = raw.replace(/\D/g, '')
    submit.setNotice(null)
    if (digits.length !== 8) return setError('取件码是 8 位数字，请核对')
    setError(null)
    setLooking(true)
    try {
      setFound((await staffRedemption(digits)).redemption)
    } catch (err) {
      setFound(null)
      setError(messageOf(err))
    } finally {
      setLooking(false)
    }
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setCode(res.result)
      void lookUp(res.result)
    } catch {
      // The user closed the camera: nothing to do.
    }
  }
  const fulfil = async () => {
    setAsking(false)
    if (!found) return
    const reload = () => void pending.reload()
    await submit.run(() => staffFulfil(found.code, found.itemName), {
      done: `已核销：${found.personName} 领取了「${found.itemName}」。`,
      queued: '网络不好，核销已保存在手机上，有网时会自动提交。请先不要把东西交出。',
      onApplied: (d) => {
        setFound(d.redemption)
        setCode('')
        reload()
      },
      onQueued: reload,
      onRejected: reload
    })
  }
  return (
    <Page title='核销取件码' testId='page-points-verify'>
      <Field
        label='取件码（8 位数字）'
        value={code}
        onInput={setCode}
        type='number'
        maxlength={9}
        placeholder='老人手机上“我的兑换”里的数字'
        error={error}
        testId='verify-code'
      />
      <BigButton loading={busy} onClick={() => void lookUp(code)} testId='verify-find'>
        查找
      </BigButton>
      {canScan ? (
        <View className='yl-pts__actions'>
          <View className='yl-pts__gap' />
          <BigButton variant='secondary' onClick={() => void scan()}>
            扫老人手机上的二维码
          </BigButton>
        </View>
      ) : null}
      <View className='yl-pts__gap' />
      <Notice notice={submit.notice} testId='verify-notice' />
      {found ? (
        <Card tone='highlight' testId='verify-found'>
          <View className='yl-pts__tags'>
            <StatusTag
              tone={found.status === 'reserved' ? 'warning' : found.status === 'picked' ? 'success' : 'neutral'}
            >
              {REDEMPTION_STATUS_LABELS[found.status]}
            </StatusTag>
          </View>
          <Text className='yl-pts__title'>{found.itemName}</Text>
          <Text className='yl-pts__line'>兑换人：{found.personName}</Text>
          <Text className='yl-pts__line'>取件码：{spacedCode(found.code)}</Text>
          <Text className='yl-pts__label'>
            {formatDateTime(found.createdAt)} 兑换，用了 {found.price} 分
          </Text>
          {found.status === 'picked' && found.pickedAt ? (
            <Text className='yl-pts__line'>{formatDateTime(found.pickedAt)} 已领取，不能再领</Text>
          ) : null}
          {found.status === 'cancelled' ? <Text className='yl-pts__line'>已取消，积分已退回，不能领取</Text> : null}
          {found.status === 'reserved' ? (
            <View>
              <View className='yl-pts__gap' />
              <BigButton primary loading={busy} onClick={() => setAsking(true)} testId='verify-confirm'>
                确认已交给老人，核销
              </BigButton>
            </View>
          ) : null}
        </Card>
      ) : null}
      <Section title='等待领取'>
        {pending.loading && !pending.data ? <Loading /> : null}
        {pending.error ? <ErrorBlock message={pending.error} onRetry={() => void pending.reload()} /> : null}
        {pending.data && pending.data.items.length === 0 ? <Empty text='现在没有等待领取的兑换。' /> : null}
        {pending.data?.items.map((r) => (
          <Card
            key={r.code}
            onClick={() => {
              setCode(r.code)
              void lookUp(r.code)
            }}
            ariaLabel={`${r.personName}，${r.itemName}，取件码${r.code}`}
          >
            <Text className='yl-pts__line'>
              {r.personName} · {r.itemName}
            </Text>
            <Text className='yl-pts__label'>
              取件码 {spacedCode(r.code)} · {formatDateTime(r.createdAt)}
            </Text>
          </Card>
        ))}
      </Section>
      <ConfirmDialog
        open={asking}
        title={found ? `核销「${found.itemName}」？` : ''}
        message={found ? `请确认已经把东西交给${found.personName}。核销后不能撤回。` : undefined}
        confirmLabel='确定核销'
        onCancel={() => setAsking(false)}
        onConfirm={() => void fulfil()}
      />
    </Page>
  )
}
