import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { FamilyMemberBinding } from '@contract/actions'
import { BINDING_STATUS_LABELS } from '@contract/help-rules'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import Notice from '@/components/Notice'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { confirmBinding, createInvite, myFamily, rejectBinding, unbind } from '@/services/family'
import ShareInvite from './ShareInvite'
import './index.scss'

/** The elder's family: who may act for them, requests waiting for their yes, and a code to invite one more. */
export default function FamilyMembersPage() {
  const family = useRemote(() => myFamily(), [])
  const [invite, setInvite] = useState<{ code: string; expiresAt: number; personName: string } | null>(null)
  const [ending, setEnding] = useState<FamilyMemberBinding | null>(null)
  const { busy, notice, run } = useSubmit()
  const items = family.data?.items ?? []
  const pending = items.filter((b) => b.status === 'pending')
  const active = items.filter((b) => b.status === 'active')
  const reload = () => void family.reload()

  useShareAppMessage(() => ({
    title: invite ? `${invite.personName}邀请您绑定为家属` : '银龄之家',
    path: invite ? `/packages/family/bind/index?code=${invite.code}` : '/pages/index/index'
  }))

  return (
    <Page title='家属绑定' testId='page-family-members'>
      <Card tone='muted'>
        <Text className='yl-members__hint'>
          绑定后，家人可以替您报名活动、提交和跟进求助。签到、兑换积分、改资料和绑定只能您本人办。替您办过的事，都能在「替我办过的事」里看到。
        </Text>
      </Card>
      <Notice notice={notice} />
      {family.loading && !family.data ? <Loading /> : null}
      {family.error ? <ErrorBlock message={family.error} onRetry={reload} /> : null}
      {pending.length ? (
        <Section title='等您确认'>
          {pending.map((b) => (
            <Card key={b.bindingId} tone='highlight' testId={`pending-${b.bindingId}`}>
              <Text className='yl-members__name'>
                {b.memberName}（{b.relation}）
              </Text>
              <Text className='yl-members__line'>
                {formatDateTime(b.createdAt)} 申请绑定{b.memberPhone ? ` · 电话 ${b.memberPhone}` : ''}
              </Text>
              <Text className='yl-members__line'>是您的家人就点「确认」；不认识请点「不同意」。</Text>
              <BigButton
                primary
                loading={busy}
                onClick={() =>
                  void run(() => confirmBinding(b.bindingId), { done: `已和${b.memberName}绑定`, onApplied: reload })
                }
                testId='binding-confirm'
              >
                确认，是我的家人
              </BigButton>
              <View className='yl-members__gap' />
              <BigButton
                variant='plain'
                loading={busy}
                onClick={() => void run(() => rejectBinding(b.bindingId), { done: '已拒绝', onApplied: reload })}
                testId='binding-reject'
              >
                不同意
              </BigButton>
            </Card>
          ))}
        </Section>
      ) : null}
      <Section title='已绑定的家人'>
        {family.data && active.length === 0 ? <Empty text='还没有绑定的家人。' /> : null}
        {active.map((b) => (
          <Card key={b.bindingId} testId={`member-${b.bindingId}`}>
            <View className='yl-members__head'>
              <Text className='yl-members__name'>
                {b.memberName}（{b.relation}）
              </Text>
              <StatusTag tone='success'>{BINDING_STATUS_LABELS[b.status]}</StatusTag>
            </View>
            <Text className='yl-members__line'>
              {b.confirmedAt ? `${formatDateTime(b.confirmedAt)} ${b.confirmedByLabel ?? ''}` : ''}
            </Text>
            <BigButton variant='plain' onClick={() => setEnding(b)}>
              解除绑定
            </BigButton>
          </Card>
        ))}
      </Section>
      <Section title='邀请家人'>
        {invite ? (
          <Card tone='highlight' testId='invite-card'>
            <Text className='yl-members__line'>邀请码（24 小时内有效，只能用一次）：</Text>
            <Text
              {...a11y({ label: `邀请码 ${invite.code.split('').join(' ')}` })}
              className='yl-members__code'
              data-testid='invite-code'
            >
              {invite.code}
            </Text>
            <Text className='yl-members__line'>{formatDateTime(invite.expiresAt)} 前有效</Text>
            <ShareInvite />
          </Card>
        ) : null}
        <BigButton
          variant={invite ? 'plain' : 'primary'}
          loading={busy}
          testId='invite-create'
          onClick={() =>
            void run(() => createInvite(), {
              onApplied: (data) => setInvite(data),
              queued: '网络不好，有网时再生成邀请码'
            })
          }
        >
          {invite ? '再生成一个' : '生成邀请码'}
        </BigButton>
      </Section>
      <Section title='记录'>
        <BigButton
          variant='secondary'
          onClick={() => void Taro.navigateTo({ url: '/packages/family/done/index' })}
          testId='done-for-me'
        >
          替我办过的事
        </BigButton>
        <View className='yl-members__gap' />
        {/* A retiree may also be somebody's family (a spouse, say): bind with that person's code. */}
        <BigButton variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/family/bind/index' })}>
          我要替家人办事（输入家人的邀请码）
        </BigButton>
      </Section>
      <ConfirmDialog
        open={!!ending}
        title={`解除和${ending?.memberName ?? ''}的绑定？`}
        message='解除后，他就不能再替您办事了。以后要再绑定，需要您重新给邀请码。'
        confirmLabel='解除绑定'
        danger
        onCancel={() => setEnding(null)}
        onConfirm={() => {
          const b = ending!
          setEnding(null)
          void run(() => unbind(b.bindingId), { done: '已解除绑定', onApplied: reload })
        }}
      />
    </Page>
  )
}
