import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { OrgUnitInfo, PersonHit, TeamFields } from '@contract/actions'
import { TEAM_KINDS, type TeamKind } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import TextBox from '@/components/TextBox'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useAppStore } from '@/store'
import { orgUnits } from '@/services/org'
import { searchPersons } from '@/services/family'
import { messageOf } from '@/services/api'
import { cannotSave, formSaid, useSubmit } from '@/hooks/use-submit'
import { saveTeam, team as loadTeam, teamUrl } from '@/services/volunteer'
import PickerRow from '@/components/PickerRow'
import { unitsInScope } from '../scope'
import '../staff.scss'

interface Form {
  name: string
  kind: TeamKind
  orgUnitId: string
  branchId: string | null
  description: string
  leader: { id: string; name: string } | null
}

/** Staff: create a team or change one — its kind, county (and party branch), description and leader. */
export default function TeamEditPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useAppStore((s) => s.me)
  const [units, setUnits] = useState<OrgUnitInfo[] | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<PersonHit[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const submit = useSubmit()
  const setError = (why: string | null) => submit.setNotice(why ? cannotSave(why) : null)

  const load = () => {
    setLoadError(null)
    Promise.all([orgUnits(), id ? loadTeam(id) : Promise.resolve(null)])
      .then(([all, t]) => {
        const mine = unitsInScope(all, me?.orgUnit?.id ?? null, !!me?.roles.includes('admin'))
        setUnits(mine)
        setForm(
          t
            ? {
                name: t.name,
                kind: t.kind,
                orgUnitId: t.orgUnitId,
                branchId: t.branchId,
                description: t.description,
                leader: t.leaderPersonId ? { id: t.leaderPersonId, name: t.leaderName ?? '' } : null
              }
            : {
                name: '',
                kind: TEAM_KINDS[0],
                orgUnitId: me?.orgUnit?.id ?? mine[0]?.id ?? '',
                branchId: null,
                description: '',
                leader: null
              }
        )
      })
      .catch((err: Error) => setLoadError(err.message))
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [id])

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f))
  const unit = units?.find((u) => u.id === form?.orgUnitId)
  const branches = unit?.branches ?? []
  const branchChoices = [{ id: '', name: '不属于党支部' }, ...branches]

  const save = () => {
    if (!form) return
    if (form.name.trim().length < 2) return setError('请填写队伍名称')
    const fields: TeamFields = {
      name: form.name.trim(),
      kind: form.kind,
      orgUnitId: form.orgUnitId,
      branchId: form.branchId,
      description: form.description.trim(),
      leaderPersonId: form.leader?.id ?? null
    }
    void submit.run(() => saveTeam(fields, id || undefined), {
      said: formSaid,
      onApplied: (d) => void Taro.redirectTo({ url: teamUrl(d.id) })
    })
  }

  return (
    <Page title={id ? '修改队伍' : '新建队伍'} testId='page-vstaff-team-edit'>
      {loadError ? <ErrorBlock message={loadError} onRetry={load} /> : null}
      {!form && !loadError ? <Loading /> : null}
      {form && units ? (
        <View>
          <Field
            label='队伍名称'
            value={form.name}
            onInput={(v) => set('name', v)}
            placeholder='例如：肃州区关爱团'
            maxlength={30}
            testId='tf-name'
          />
          <ChoiceGroup
            label='队伍类型'
            choices={TEAM_KINDS.map((k) => ({ value: k, label: k }))}
            value={form.kind}
            onChange={(v) => set('kind', v)}
            columns={2}
            testId='tf-kind'
          />
          {units.length > 1 ? (
            <PickerRow label='所属区县' text={unit?.name ?? '请选择'}>
              {(row) => (
                <Picker
                  mode='selector'
                  range={units.map((u) => u.name)}
                  value={Math.max(
                    0,
                    units.findIndex((u) => u.id === form.orgUnitId)
                  )}
                  onChange={(e) =>
                    setForm((f) => (f ? { ...f, orgUnitId: units[Number(e.detail.value)].id, branchId: null } : f))
                  }
                >
                  {row}
                </Picker>
              )}
            </PickerRow>
          ) : null}
          {branches.length ? (
            <PickerRow
              label='党支部'
              text={branchChoices.find((b) => b.id === (form.branchId ?? ''))?.name ?? '请选择'}
            >
              {(row) => (
                <Picker
                  mode='selector'
                  range={branchChoices.map((b) => b.name)}
                  value={Math.max(
                    0,
                    branchChoices.findIndex((b) => b.id === (form.branchId ?? ''))
                  )}
                  onChange={(e) => set('branchId', branchChoices[Number(e.detail.value)].id || null)}
                >
                  {row}
                </Picker>
              )}
            </PickerRow>
          ) : null}
          <TextBox
            label='队伍介绍'
            value={form.description}
            maxlength={2000}
            placeholder='做什么服务、欢迎什么样的人加入'
            onInput={(v) => set('description', v)}
            testId='vt-description'
          />

          <View className='yl-vs__group'>
            <Text className='yl-vs__label'>队长（可以审核入队申请）</Text>
            <Card tone='muted'>
              <Text className='yl-vol__line' data-testid='tf-leader'>
                {form.leader ? `现在是：${form.leader.name}` : '还没有队长'}
              </Text>
            </Card>
            <Field
              label='按姓名找队长'
              value={q}
              onInput={setQ}
              placeholder='输入姓名'
              maxlength={20}
              testId='tf-leader-q'
            />
            <BigButton
              variant='secondary'
              testId='tf-leader-search'
              onClick={() => {
                if (!q.trim()) return setError('请先输入姓名')
                setError(null)
                searchPersons(q.trim())
                  .then((r) => setHits(r.items))
                  .catch((err) => setError(messageOf(err)))
              }}
            >
              查找
            </BigButton>
            {hits && hits.length === 0 ? <Text className='yl-vol__muted'>没有找到，请换个写法。</Text> : null}
            {hits?.map((p) => (
              <View key={p.id} className='yl-vol__action'>
                <BigButton
                  variant='plain'
                  onClick={() => {
                    set('leader', { id: p.id, name: p.name })
                    setHits(null)
                  }}
                  testId={`tf-pick-${p.id}`}
                  ariaLabel={`选 ${p.name}（${p.orgUnitName}，${p.birthYear}年生）当队长`}
                >
                  {p.name}（{p.orgUnitName}，{p.birthYear}年生）
                </BigButton>
              </View>
            ))}
          </View>
          <Notice notice={submit.notice} testId='tf-error' />
          <BigButton primary loading={submit.busy} onClick={save} testId='tf-save'>
            {id ? '保存修改' : '建立队伍'}
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
