import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ElderBinding } from '@contract/actions'
import { BINDING_STATUS_LABELS } from '@contract/help-rules'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import Notice from '@/components/Notice'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { myElders, unbind } from '@/services/family'
import './index.scss'

/**
 * A family member's home: their elders, 为「张桂兰」代办 (which puts the banner on every page until 结束代办),
 * and what they can then do for her in one tap.
 */
export default function FamilyHomePage() {
  const actingFor = useAppStore((s) => s.actingFor)
  const setActingFor = useAppStore((s) => s.setActingFor)
  const elders = useRemote(() => myElders(), [])
  const [ending, setEnding] = useState<ElderBinding | null>(null)
  const { notice, run } = useSubmit()

  const actFor = (e: ElderBinding) => setActingFor({ personId: e.personId, name: e.name })
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <Page title='我的长辈' testId='page-family-home'>
      <Notice notice={notice} />
      {elders.loading && !elders.data ? <Loading /> : null}
      {elders.error ? <ErrorBlock message={elders.error} onRetry={() => void elders.reload()} /> : null}
      {elders.data && elders.data.items.length === 0 ? (
        <Empty text='还没有绑定长辈。请长辈在「我的 → 家属绑定」里生成邀请码，告诉您后在这里输入。' />
      ) : null}
      {elders.data?.items.map((e) => {
        const acting = actingFor?.personId === e.personId
        return (
          <Card key={e.bindingId} tone={acting ? 'highlight' : 'default'} testId={`elder-${e.personId}`}>
            <View className='yl-family__head'>
              <Text className='yl-family__name'>{e.name}</Text>
              <StatusTag tone={e.status === 'active' ? 'success' : 'warning'}>
                {BINDING_STATUS_LABELS[e.status]}
              </StatusTag>
            </View>
            <Text className='yl-family__line'>
              我是{e.name}的{e.relation} · {e.orgUnitName}
            </Text>
            {e.status === 'pending' ? (
              <Text className='yl-family__line'>请{e.name}在自己手机上点「确认」，或请工作人员核实后确认。</Text>
            ) : null}
            {e.status === 'active' && !acting ? (
              <BigButton primary onClick={() => actFor(e)} testId={`act-for-${e.personId}`}>
                为「{e.name}」代办
              </BigButton>
            ) : null}
            {acting ? (
              <View className='yl-family__actions' data-testid='proxy-actions'>
                <Text className='yl-family__line'>正在为{e.name}代办，可以：</Text>
                <BigButton primary onClick={() => go('/packages/help/new/index')} testId='proxy-help-new'>
                  帮{e.name}求助
                </BigButton>
                <BigButton variant='secondary' onClick={() => go('/packages/help/list/index')} testId='proxy-help-list'>
                  看{e.name}的求助
                </BigButton>
                <BigButton
                  variant='secondary'
                  onClick={() => void Taro.switchTab({ url: '/pages/activities/index' })}
                  testId='proxy-activities'
                >
                  帮{e.name}报名活动
                </BigButton>
                <BigButton variant='plain' onClick={() => setActingFor(null)} testId='proxy-end'>
                  结束代办
                </BigButton>
              </View>
            ) : null}
            <View className='yl-family__gap' />
            <BigButton variant='plain' onClick={() => setEnding(e)} testId={`unbind-${e.personId}`}>
              {e.status === 'pending' ? '撤销申请' : '解除绑定'}
            </BigButton>
          </Card>
        )
      })}
      <Section title='绑定新的长辈'>
        <BigButton variant='secondary' onClick={() => go('/packages/family/bind/index')} testId='family-bind'>
          输入长辈给的邀请码
        </BigButton>
      </Section>
      <ConfirmDialog
        open={!!ending}
        title={ending?.status === 'pending' ? '撤销绑定申请？' : `解除和${ending?.name ?? ''}的绑定？`}
        message='解除后就不能再为这位长辈代办了。以后要再绑定，需要长辈重新给邀请码。'
        confirmLabel={ending?.status === 'pending' ? '撤销申请' : '解除绑定'}
        danger
        onCancel={() => setEnding(null)}
        onConfirm={() => {
          const e = ending!
          setEnding(null)
          void run(() => unbind(e.bindingId), {
            done: '已解除',
            onApplied: () => {
              if (useAppStore.getState().actingFor?.personId === e.personId) setActingFor(null)
              void elders.reload()
            }
          })
        }}
      />
    </Page>
  )
}
