import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import BigButton from '@/components/BigButton'
import Card from '@/components/Card'
import Field from '@/components/Field'
import Section from '@/components/Section'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { ApiError, messageOf } from '@/services/api'
import { activate, demoAccounts, demoLogin, passwordLogin, type DemoAccount } from '@/services/auth'
import './index.scss'

const HOME = '/pages/index/index'
const usesToken = process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE

function DemoLogin() {
  const [accounts, setAccounts] = useState<DemoAccount[] | null>(null)
  const [demoOff, setDemoOff] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = () => {
    setError(null)
    demoAccounts()
      .then(setAccounts)
      .catch((err) => {
        if (err instanceof ApiError && err.code === 'DEMO_ONLY') setDemoOff(true)
        else setError(messageOf(err))
      })
  }
  useEffect(load, [])

  if (demoOff) return null
  return (
    <Section title='演示登录'>
      <Text className='yl-login__hint'>这是演示环境。请点一个身份进入：</Text>
      {error ? <ErrorBlock message={error} onRetry={load} /> : null}
      {!accounts && !error ? <Loading /> : null}
      {accounts?.map((a) => (
        <Card
          key={a.accountId}
          testId={`demo-${a.accountId}`}
          ariaLabel={`${a.label} ${a.displayName}`}
          onClick={() => {
            if (busy) return
            setBusy(a.accountId)
            demoLogin(a.accountId)
              .then(() => Taro.switchTab({ url: HOME }))
              .catch((err) => setError(messageOf(err)))
              .finally(() => setBusy(null))
          }}
        >
          <Text className='yl-login__role'>{a.label}</Text>
          <Text className='yl-login__name'>
            {busy === a.accountId ? '正在进入…' : `${a.displayName}${a.orgUnitName ? ` · ${a.orgUnitName}` : ''}`}
          </Text>
        </Card>
      ))}
    </Section>
  )
}

function PasswordLogin() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Section title='账号登录'>
      <Field label='账号' value={username} onInput={setUsername} maxlength={64} testId='login-username' />
      <Field label='密码' value={password} onInput={setPassword} password maxlength={200} error={error} testId='login-password' />
      <BigButton
        loading={busy}
        onClick={() => {
          if (!username || !password) return setError('请填写账号和密码')
          setBusy(true)
          passwordLogin(username, password)
            .then(() => Taro.switchTab({ url: HOME }))
            .catch((err) => setError(messageOf(err)))
            .finally(() => setBusy(false))
        }}
      >
        登录
      </BigButton>
    </Section>
  )
}

/** weapp: WeChat knows who you are; a new user binds their WeChat to the roster with a code from staff. */
function Activation() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Section title='激活账号'>
      <Text className='yl-login__hint'>第一次使用，请输入工作人员给您的 6 位激活码。</Text>
      <Field label='激活码' value={code} onInput={setCode} type='number' maxlength={6} error={error} testId='activation-code' />
      <BigButton
        primary
        loading={busy}
        onClick={() => {
          if (!/^\d{6}$/.test(code)) return setError('激活码是 6 位数字，请再看一下')
          setBusy(true)
          activate(code)
            .then(() => Taro.switchTab({ url: HOME }))
            .catch((err) => setError(messageOf(err)))
            .finally(() => setBusy(false))
        }}
      >
        激活
      </BigButton>
      <Text className='yl-login__hint'>没有激活码？请给所在区县老干部局打电话。</Text>
      {/* Family members have no roster record: they bind with the code their elder gives them. */}
      <BigButton variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/family/bind/index' })} testId='login-family-bind'>
        我是家属，有长辈给的邀请码
      </BigButton>
    </Section>
  )
}

export default function LoginPage() {
  return (
    <Page title='欢迎使用银龄之家' auth={false} testId='page-login'>
      <View className='yl-login'>
        {usesToken ? (
          <>
            <DemoLogin />
            <PasswordLogin />
          </>
        ) : (
          <Activation />
        )}
      </View>
    </Page>
  )
}
