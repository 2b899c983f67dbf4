import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { FAMILY_RELATIONS, type FamilyRelation } from '@contract/help-rules'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import { acceptInvite } from '@/services/family'
import { refreshMe } from '@/services/auth'
import './index.scss'

/**
 * A family member enters the elder's one-time code and says how they are related. Opened from a shared card the
 * code may be filled in; who binds is always whoever is using this phone — nothing in the link says who.
 */
export default function FamilyBindPage() {
  const { params } = useRouter()
  const me = useAppStore((s) => s.me)
  const token = useAppStore((s) => s.token)
  const [code, setCode] = useState(/^\d{6}$/.test(params.code ?? '') ? params.code! : '')
  const [relation, setRelation] = useState<FamilyRelation | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<Record<string, string | null>>({})
  const { busy, notice, run } = useSubmit()
  const [done, setDone] = useState<string | null>(null)
  const needsName = !me?.registered
  const needsLogin = (process.env.TARO_ENV === 'h5' || !!process.env.TARO_APP_API_BASE) && !token

  async function submit() {
    const e = {
      code: /^\d{6}$/.test(code) ? null : '邀请码是 6 位数字，请再看一下',
      relation: relation ? null : '请选您和长辈的关系',
      name: needsName && !name.trim() ? '请写上您的姓名，长辈确认时要看' : null,
      phone: phone && !/^1\d{10}$/.test(phone) ? '手机号是 11 位数字' : null
    }
    setErrors(e)
    if (Object.values(e).some(Boolean)) return
    await run(
      () =>
        acceptInvite({
          code,
          relation: relation!,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(phone ? { phone } : {})
        }),
      {
        onApplied: async (b) => {
          setDone(b.name)
          await refreshMe().catch(() => undefined)
        }
      }
    )
  }

  if (needsLogin) {
    return (
      <Page title='绑定长辈' auth={false} back testId='page-family-bind'>
        <Notice notice={{ tone: 'warning', text: '请先登录，再输入邀请码。' }} />
        <BigButton primary onClick={() => void Taro.reLaunch({ url: '/pages/login/index' })}>
          去登录
        </BigButton>
      </Page>
    )
  }

  return (
    <Page title='绑定长辈' auth={false} back testId='page-family-bind'>
      {done ? (
        <>
          <Notice
            notice={{
              tone: 'success',
              text: `申请已提交。请${done}在自己手机上点「确认」；没有手机的，工作人员核实后会帮忙确认。`
            }}
            testId='bind-done'
          />
          <BigButton
            primary
            onClick={() => void Taro.redirectTo({ url: '/packages/family/home/index' })}
            testId='bind-go-home'
          >
            看我的长辈
          </BigButton>
        </>
      ) : (
        <>
          <Card tone='muted'>
            <Text className='yl-bind__hint'>
              请长辈在「我的 → 家属绑定」里点「生成邀请码」，把 6 位数字告诉您。邀请码 24 小时内有效，只能用一次。
            </Text>
          </Card>
          <Field
            label='邀请码'
            value={code}
            onInput={setCode}
            type='number'
            maxlength={6}
            placeholder='6 位数字'
            error={errors.code}
            testId='bind-code'
          />
          <ChoiceGroup
            label='您是长辈的'
            choices={FAMILY_RELATIONS.map((r) => ({ value: r, label: r }))}
            value={relation}
            onChange={setRelation}
            error={errors.relation}
            testId='bind-relation'
          />
          {needsName ? (
            <Field
              label='您的姓名'
              value={name}
              onInput={setName}
              maxlength={20}
              placeholder='长辈确认时会看到'
              error={errors.name}
              testId='bind-name'
            />
          ) : null}
          <Field
            label='您的手机号（可以不填，方便工作人员核实）'
            value={phone}
            onInput={setPhone}
            type='number'
            maxlength={11}
            placeholder='11 位手机号'
            error={errors.phone}
            testId='bind-phone'
          />
          <Notice notice={notice} />
          <BigButton primary loading={busy} onClick={() => void submit()} testId='bind-submit'>
            申请绑定
          </BigButton>
        </>
      )}
    </Page>
  )
}
