/**
 * 激活账号: a retiree's first visit binds this WeChat account to their roster record with the 6-digit code staff
 * gave them. A write, so it goes through useSubmit like every other: busy while under way (a second tap is
 * ignored), a wrong code said at the field, no network said in words.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import BigButton from '@/components/BigButton'
import Field from '@/components/Field'
import Notice from '@/components/Notice'
import Section from '@/components/Section'
import { useSubmit } from '@/hooks/use-submit'
import { messageOf } from '@/services/api'
import { activateAccount, wechatLogin } from '@/services/auth'
import { useAppStore } from '@/store'

const HOME = '/pages/index/index'
/** The mini-program against a self-hosted API: WeChat login through the server comes first. */
const wechatViaServer = process.env.TARO_ENV === 'weapp' && !!process.env.TARO_APP_API_BASE

export const ACTIVATION_QUEUED = '网络不好，激活还没有办成。有网时会自动再试，请稍后回来看看。'

export default function Activation() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = useSubmit()
  const token = useAppStore((s) => s.token)
  useEffect(() => {
    if (wechatViaServer && !token) wechatLogin().catch((err) => setError(messageOf(err)))
  }, [token])
  return (
    <Section title='激活账号'>
      <Text className='yl-login__hint'>第一次使用，请输入工作人员给您的 6 位激活码。</Text>
      <Field
        label='激活码'
        value={code}
        onInput={setCode}
        type='number'
        maxlength={6}
        error={error}
        testId='activation-code'
      />
      <Notice notice={submit.notice} testId='activation-said' />
      <BigButton
        primary
        loading={submit.busy}
        testId='activation-submit'
        onClick={() => {
          if (!/^\d{6}$/.test(code)) return setError('激活码是 6 位数字，请再看一下')
          setError(null)
          void submit.run(() => activateAccount(code), {
            // A refusal (a wrong or used code) is said at the field; nothing else needs words but 待同步.
            said: (o) => (o.status === 'queued' ? { tone: 'warning', text: ACTIVATION_QUEUED } : null),
            onApplied: () => void Taro.switchTab({ url: HOME }),
            onRejected: (o) => setError(o.message)
          })
        }}
      >
        激活
      </BigButton>
      <Text className='yl-login__hint'>没有激活码？请给所在区县老干部局打电话。</Text>
      {/* Family members have no roster record: they bind with the code their elder gives them. */}
      <BigButton
        variant='plain'
        onClick={() => void Taro.navigateTo({ url: '/packages/family/bind/index' })}
        testId='login-family-bind'
      >
        我是家属，有长辈给的邀请码
      </BigButton>
    </Section>
  )
}
