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
import { changePassword, demoAccounts, demoLogin, passwordLogin, type DemoAccount } from '@/services/auth'
import Activation from './activation'
import './index.scss'

const HOME = '/pages/index/index'
const usesToken = process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE
/** The mini-program against a self-hosted API: WeChat login through the server, then activation. */
const wechatViaServer = process.env.TARO_ENV === 'weapp' && !!process.env.TARO_APP_API_BASE

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

/** An account an administrator made: a new password of the user's own before anything else. */
function ChangePassword({ oldPassword }: { oldPassword: string }) {
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Section title='请改一个新密码'>
      <Text className='yl-login__hint'>第一次登录，请设一个只有您知道的新密码，至少 10 位。</Text>
      <Field label='新密码' value={password} onInput={setPassword} password maxlength={200} testId='new-password' />
      <Field
        label='再输一次'
        value={again}
        onInput={setAgain}
        password
        maxlength={200}
        error={error}
        testId='new-password-again'
      />
      <BigButton
        primary
        loading={busy}
        testId='change-password'
        onClick={() => {
          if (password.length < 10) return setError('新密码至少要 10 位')
          if (password !== again) return setError('两次输入的不一样，请再输一次')
          setBusy(true)
          changePassword(oldPassword, password)
            .then(() => Taro.switchTab({ url: HOME }))
            .catch((err) => setError(messageOf(err)))
            .finally(() => setBusy(false))
        }}
      >
        改好了，进入
      </BigButton>
    </Section>
  )
}

function PasswordLogin() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [mustChange, setMustChange] = useState(false)
  if (mustChange) return <ChangePassword oldPassword={password} />
  return (
    <Section title={wechatViaServer ? '工作人员账号登录' : '账号登录'}>
      <Field label='账号' value={username} onInput={setUsername} maxlength={64} testId='login-username' />
      <Field
        label='密码'
        value={password}
        onInput={setPassword}
        password
        maxlength={200}
        error={error}
        testId='login-password'
      />
      <BigButton
        loading={busy}
        testId='login-submit'
        onClick={() => {
          if (!username || !password) return setError('请填写账号和密码')
          setBusy(true)
          passwordLogin(username, password)
            .then((r) => {
              if (r.mustChangePassword) setMustChange(true)
              else void Taro.switchTab({ url: HOME })
            })
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

export default function LoginPage() {
  return (
    <Page title='欢迎使用银龄之家' auth={false} testId='page-login'>
      <View className='yl-login'>
        {wechatViaServer ? (
          <>
            <Activation />
            <PasswordLogin />
          </>
        ) : usesToken ? (
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
