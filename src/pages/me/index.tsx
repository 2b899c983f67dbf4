import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@contract/roles'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import ElderSwitch from '@/components/ElderSwitch'
import ConfirmDialog from '@/components/Dialog'
import EntryRow from '@/components/EntryRow'
import StatusTag from '@/components/StatusTag'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { logout, refreshMe } from '@/services/auth'
import HelpLinks from './help-links'
import VolunteerLinks from './volunteer-links'
import { unreadCount } from '@/services/messages'
import './index.scss'

export default function MePage() {
  const me = useRemote(() => refreshMe(), [])
  const [confirmLogout, setConfirmLogout] = useState(false)
  const usesToken = process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE
  const cached = useAppStore((s) => s.me)
  const data = me.data ?? cached
  const unread = useRemote(
    () => (data?.registered ? unreadCount() : Promise.resolve({ unread: 0 })),
    [data?.accountId, data?.registered]
  )
  const go = (url: string) => () => void Taro.navigateTo({ url })
  const isStaff = !!data?.roles.some((r) => r === 'staff' || r === 'admin')
  return (
    <Page title='我的' tab={2} testId='page-me'>
      {me.loading && !data ? <Loading /> : null}
      {me.error && !data ? <ErrorBlock message={me.error} onRetry={() => void me.reload()} /> : null}
      {data ? (
        <Card testId='me-card'>
          <Text className='yl-me__name' data-testid='me-name'>
            {data.displayName}
          </Text>
          <InfoRow label='身份' testId='me-roles'>
            <Text>{data.roles.map((r) => ROLE_LABELS[r]).join('、') || '未激活'}</Text>
          </InfoRow>
          {data.person ? (
            <>
              <InfoRow label='所在区县' testId='me-county'>
                <Text>{data.person.orgUnitName}</Text>
              </InfoRow>
              {data.person.branchName ? (
                <InfoRow label='党支部'>
                  <Text>{data.person.branchName}</Text>
                </InfoRow>
              ) : null}
            </>
          ) : null}
          {data.orgUnit ? (
            <InfoRow label='工作单位' testId='me-unit'>
              <Text>{data.orgUnit.name}</Text>
            </InfoRow>
          ) : null}
        </Card>
      ) : null}
      {data?.registered ? (
        <Section title='我的'>
          {isStaff ? (
            <EntryRow icon='▤' text='工作台' onClick={go('/packages/staff/index/index')} testId='entry-staff' />
          ) : null}
          {data.person ? (
            <EntryRow
              icon='★'
              text='我的活动'
              onClick={go('/packages/activity/mine/index')}
              testId='entry-my-activities'
            />
          ) : null}
          <EntryRow
            icon='✉'
            text='我的消息'
            badge={unread.data?.unread ? <StatusTag tone='danger'>{unread.data.unread} 条未读</StatusTag> : null}
            onClick={go('/packages/me/messages/index')}
            testId='entry-messages'
          />
          {data.person ? (
            <EntryRow
              icon='▣'
              text='我的签到码'
              onClick={go('/packages/me/checkin-code/index')}
              testId='entry-my-code'
            />
          ) : null}
        </Section>
      ) : null}
      {data?.person ? (
        <Section title='积分'>
          <BigButton
            variant='secondary'
            onClick={() => void Taro.navigateTo({ url: '/packages/points/index/index' })}
            testId='me-points'
          >
            我的积分
          </BigButton>
        </Section>
      ) : null}
      {data && (data.roles.includes('staff') || data.roles.includes('admin')) ? (
        <Section title='工作人员'>
          <BigButton
            variant='secondary'
            onClick={() => void Taro.navigateTo({ url: '/packages/points-staff/index/index' })}
            testId='me-points-staff'
          >
            积分管理（核销、调整、导出）
          </BigButton>
        </Section>
      ) : null}
      {data?.registered ? <HelpLinks me={data} /> : null}
      {data?.registered ? <VolunteerLinks me={data} /> : null}
      <Section title='显示'>
        <View className='yl-me__row'>
          <Text className='yl-me__label'>字大一点、按钮大一点</Text>
          <ElderSwitch />
        </View>
      </Section>
      {data?.liaisonPhone ? (
        <Section title='联系我们'>
          <BigButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: data.liaisonPhone! })}>
            打电话给老干部局 {data.liaisonPhone}
          </BigButton>
        </Section>
      ) : null}
      {usesToken ? (
        <Section title='账号'>
          <BigButton variant='plain' onClick={() => setConfirmLogout(true)} testId='logout'>
            退出登录
          </BigButton>
        </Section>
      ) : null}
      <ConfirmDialog
        open={confirmLogout}
        title='确定要退出登录吗？'
        message='退出后要重新登录才能报名和签到。'
        confirmLabel='退出登录'
        onCancel={() => setConfirmLogout(false)}
        onConfirm={() => {
          setConfirmLogout(false)
          void logout().then(() => Taro.reLaunch({ url: '/pages/login/index' }))
        }}
      />
    </Page>
  )
}
