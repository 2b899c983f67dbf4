import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { FamilyMemberBinding, PersonHit } from '@contract/actions'
import { BINDING_STATUS_LABELS } from '@contract/help-rules'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import Notice from '@/components/Notice'
import ConfirmDialog from '@/components/Dialog'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { messageOf } from '@/services/api'
import { confirmBinding, createInvite, rejectBinding, searchPersons, staffBindings, unbind } from '@/services/family'
import './index.scss'

/**
 * Staff: bindings waiting to be checked in their scope (confirm after checking, e.g. a call to the elder), and for
 * one person (found by name): their family, unbinding, and an invite code for someone without a phone.
 */
export default function StaffBindingsPage() {
  const pending = useRemote(() => staffBindings(), [])
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<PersonHit[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [person, setPerson] = useState<PersonHit | null>(null)
  const [personBindings, setPersonBindings] = useState<FamilyMemberBinding[] | null>(null)
  const [invite, setInvite] = useState<{ code: string; expiresAt: number } | null>(null)
  const [ending, setEnding] = useState<FamilyMemberBinding | null>(null)
  const { busy, notice, run } = useSubmit()

  async function open(p: PersonHit) {
    setPerson(p)
    setInvite(null)
    setPersonBindings(null)
    try {
      setPersonBindings((await staffBindings(p.id)).items)
    } catch (err) {
      setSearchError(messageOf(err))
    }
  }
  const refresh = () => {
    void pending.reload()
    if (person) void open(person)
  }

  const bindingCard = (b: FamilyMemberBinding, showPerson: boolean) => (
    <Card
      key={b.bindingId}
      tone={b.status === 'pending' ? 'highlight' : 'default'}
      testId={`staff-binding-${b.bindingId}`}
    >
      <View className='yl-sb__head'>
        <Text className='yl-sb__name'>
          {showPerson ? `${b.personName} ← ` : ''}
          {b.memberName}（{b.relation}）
        </Text>
        <StatusTag tone={b.status === 'active' ? 'success' : 'warning'}>{BINDING_STATUS_LABELS[b.status]}</StatusTag>
      </View>
      <Text className='yl-sb__line'>
        {formatDateTime(b.createdAt)} 申请{b.memberPhone ? ` · 家属电话 ${b.memberPhone}` : ''}
      </Text>
      {b.confirmedByLabel ? <Text className='yl-sb__line'>{b.confirmedByLabel}</Text> : null}
      {b.status === 'pending' ? (
        <>
          <Text className='yl-sb__line'>请先和老人本人（或其他家人）核实，再确认。</Text>
          <BigButton
            primary
            loading={busy}
            onClick={() => void run(() => confirmBinding(b.bindingId), { done: '已核实确认', onApplied: refresh })}
            testId='staff-confirm'
          >
            已核实，确认绑定
          </BigButton>
          <View className='yl-sb__gap' />
          <BigButton
            variant='plain'
            loading={busy}
            onClick={() => void run(() => rejectBinding(b.bindingId), { done: '已拒绝', onApplied: refresh })}
          >
            核实不符，拒绝
          </BigButton>
        </>
      ) : (
        <BigButton variant='plain' onClick={() => setEnding(b)}>
          解除绑定
        </BigButton>
      )}
    </Card>
  )

  return (
    <Page title='家属绑定核实' testId='page-staff-bindings'>
      <Notice notice={notice} />
      <Section title='等待核实'>
        {pending.loading && !pending.data ? <Loading /> : null}
        {pending.error ? <ErrorBlock message={pending.error} onRetry={() => void pending.reload()} /> : null}
        {pending.data && pending.data.items.length === 0 ? <Empty text='没有等待核实的绑定。' /> : null}
        {pending.data?.items.map((b) => bindingCard(b, true))}
      </Section>
      <Section title='查找老干部'>
        <Field
          label='姓名'
          value={q}
          onInput={setQ}
          maxlength={20}
          placeholder='输入姓名中的字'
          error={searchError}
          testId='staff-person-q'
        />
        <BigButton
          variant='secondary'
          onClick={() => {
            setSearchError(null)
            if (!q.trim()) return setSearchError('请输入姓名')
            searchPersons(q.trim())
              .then((r) => setHits(r.items))
              .catch((err) => setSearchError(messageOf(err)))
          }}
          testId='staff-person-search'
        >
          查找
        </BigButton>
        {hits && hits.length === 0 ? <Empty text='没有找到，请换个字再查。' /> : null}
        {hits?.map((p) => (
          <Card
            key={p.id}
            onClick={() => void open(p)}
            ariaLabel={`${p.name}，${p.orgUnitName}`}
            tone={person?.id === p.id ? 'highlight' : 'default'}
            testId={`person-${p.id}`}
          >
            <Text className='yl-sb__name'>{p.name}</Text>
            <Text className='yl-sb__line'>
              {p.orgUnitName} · {p.birthYear} 年生 · {p.hasAccount ? '已开通小程序' : '没有开通小程序'}
            </Text>
          </Card>
        ))}
      </Section>
      {person ? (
        <Section title={`${person.name}的家属`}>
          {personBindings === null ? (
            <Loading />
          ) : personBindings.length === 0 ? (
            <Empty text='还没有绑定的家属。' />
          ) : (
            personBindings.map((b) => bindingCard(b, false))
          )}
          {invite ? (
            <Card tone='highlight' testId='staff-invite'>
              <Text className='yl-sb__line'>请把邀请码交给{person.name}的家属（24 小时内有效）：</Text>
              <Text className='yl-sb__code'>{invite.code}</Text>
              <Text className='yl-sb__line'>家属输入后，会出现在上面「等待核实」里，由您核实后确认。</Text>
            </Card>
          ) : null}
          <BigButton
            primary
            loading={busy}
            onClick={() => void run(() => createInvite(person.id), { onApplied: (d) => setInvite(d) })}
            testId='staff-invite-create'
          >
            为{person.name}生成家属邀请码
          </BigButton>
        </Section>
      ) : null}
      <ConfirmDialog
        open={!!ending}
        title={`解除 ${ending?.memberName ?? ''} 和 ${ending?.personName ?? ''} 的绑定？`}
        message='解除后家属就不能再代办了，双方都会收到消息。'
        confirmLabel='解除绑定'
        danger
        onCancel={() => setEnding(null)}
        onConfirm={() => {
          const b = ending!
          setEnding(null)
          void run(() => unbind(b.bindingId), { done: '已解除绑定', onApplied: refresh })
        }}
      />
    </Page>
  )
}
