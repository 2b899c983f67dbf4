import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { ACTIVITY_TYPES } from '@contract/activity-types'
import { businessDay, formatDateTime } from '@contract/time'
import type { OrgUnitInfo } from '@contract/actions'
import Page from '@/components/Page'
import Field from '@/components/Field'
import TextBox from '@/components/TextBox'
import BigButton from '@/components/BigButton'
import Notice from '@/components/Notice'
import { cannotSave, formSaid, useSubmit } from '@/hooks/use-submit'
import PickerRow, { DayAndTimes } from '@/components/PickerRow'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useAppStore } from '@/store'
import { orgUnits } from '@/services/org'
import { createActivity, getActivity, updateActivity } from '@/services/activities'
import {
  DEADLINE_LABELS,
  emptyForm,
  formFromActivity,
  toFields,
  unitsInScope,
  type DeadlineChoice,
  type FormErrors,
  type FormState
} from './form-state'
import './index.scss'

function Chips<T extends string | number | boolean>({
  label,
  options,
  value,
  onChange,
  testId
}: {
  label: string
  options: { value: T; text: string }[]
  value: T
  onChange: (v: T) => void
  testId?: string
}) {
  return (
    <View className='yl-form__group'>
      <Text className='yl-form__label'>{label}</Text>
      <View {...a11y({ role: 'group', label })} className='yl-form__chips' data-testid={testId}>
        {options.map((o) => (
          <View
            {...a11y({ role: 'button', pressed: o.value === value })}
            key={String(o.value)}
            className={`yl-form__chip${o.value === value ? ' yl-form__chip--on' : ''}`}
            onClick={() => onChange(o.value)}
          >
            <Text>
              {o.value === value ? '✓ ' : ''}
              {o.text}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** Create or edit an activity (staff). A new one is saved as a draft; publishing is on the activity page. */
export default function ActivityEditPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useAppStore((s) => s.me)
  const [units, setUnits] = useState<OrgUnitInfo[] | null>(null)
  const [form, setForm] = useState<FormState | null>(null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [loadError, setLoadError] = useState<string | null>(null)
  const submit = useSubmit()

  const load = () => {
    setLoadError(null)
    Promise.all([orgUnits(), id ? getActivity(id) : Promise.resolve(null)])
      .then(([all, activity]) => {
        const mine = unitsInScope(all, me?.orgUnit?.id ?? null, !!me?.roles.includes('admin'))
        setUnits(mine)
        setForm(
          activity
            ? formFromActivity(activity)
            : emptyForm(mine.find((u) => u.id === me?.orgUnit?.id) ?? mine[0], Date.now())
        )
      })
      .catch((err: Error) => setLoadError(err.message))
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [id])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const save = () => {
    if (!form) return
    const r = toFields(form)
    if (!r.ok) {
      setErrors(r.errors)
      submit.setNotice(cannotSave('有几处要改一下，请看红字'))
      return
    }
    const onApplied = (target: string) => {
      if (id) void Taro.navigateBack()
      else void Taro.redirectTo({ url: `/packages/staff/activity/index?id=${encodeURIComponent(target)}` })
    }
    if (id) void submit.run(() => updateActivity(id, r.fields), { said: formSaid, onApplied: () => onApplied(id) })
    else void submit.run(() => createActivity(r.fields), { said: formSaid, onApplied: (d) => onApplied(d.id) })
  }

  const counties = (units ?? []).filter((u) => u.kind === 'county')
  const branches = (units ?? []).flatMap((u) => u.branches.map((b) => ({ ...b, unit: u.name })))
  const today = businessDay(Date.now())

  return (
    <Page title={id ? '修改活动' : '新建活动'} testId='page-staff-edit'>
      {loadError ? <ErrorBlock message={loadError} onRetry={load} /> : null}
      {!form && !loadError ? <Loading /> : null}
      {form && units ? (
        <View>
          <Field
            label='活动名称'
            value={form.title}
            onInput={(v) => set('title', v)}
            placeholder='例如：重阳节座谈会'
            maxlength={60}
            error={errors.title}
            testId='f-title'
          />
          <Chips
            label='类型'
            options={ACTIVITY_TYPES.map((t) => ({ value: t, text: t }))}
            value={form.type}
            onChange={(v) => set('type', v)}
            testId='f-type'
          />
          <DayAndTimes
            day={form.day}
            start={form.start}
            end={form.end}
            firstDay={today}
            onChange={(field, value) => set(field, value)}
            endError={errors.end}
          />
          <Field
            label='地点'
            value={form.place}
            onInput={(v) => set('place', v)}
            placeholder='例如：市委老干部局三楼会议室'
            maxlength={100}
            error={errors.place}
            testId='f-place'
          />
          <Field
            label='名额'
            type='number'
            value={form.capacity}
            onInput={(v) => set('capacity', v)}
            placeholder='不限名额就空着'
            hint='满了以后再报名的人进入候补，有人取消时按顺序自动补上'
            error={errors.capacity}
            testId='f-capacity'
          />
          <Chips<DeadlineChoice>
            label='报名截止'
            options={[
              ...(form.keptDeadline !== null
                ? [{ value: 'keep' as const, text: `保持 ${formatDateTime(form.keptDeadline)}` }]
                : []),
              ...(Object.keys(DEADLINE_LABELS) as Exclude<DeadlineChoice, 'keep'>[]).map((k) => ({
                value: k,
                text: DEADLINE_LABELS[k]
              }))
            ]}
            value={form.deadline}
            onChange={(v) => set('deadline', v)}
          />
          <Chips
            label='参加对象'
            options={[
              { value: 'all' as const, text: '所有老干部' },
              ...(counties.length ? [{ value: 'county' as const, text: '一个区县' }] : []),
              ...(branches.length ? [{ value: 'branch' as const, text: '一个党支部' }] : []),
              { value: 'party' as const, text: '全体党员' }
            ]}
            value={form.audience}
            onChange={(v) => set('audience', v)}
            testId='f-audience'
          />
          {form.audience === 'county' ? (
            <PickerRow
              label='哪个区县'
              text={counties.find((u) => u.id === form.audienceUnit)?.name ?? '请选择'}
              error={errors.audience}
            >
              {(row) => (
                <Picker
                  mode='selector'
                  range={counties.map((u) => u.name)}
                  value={Math.max(
                    0,
                    counties.findIndex((u) => u.id === form.audienceUnit)
                  )}
                  onChange={(e) => set('audienceUnit', counties[Number(e.detail.value)].id)}
                >
                  {row}
                </Picker>
              )}
            </PickerRow>
          ) : null}
          {form.audience === 'branch' ? (
            <PickerRow
              label='哪个党支部'
              text={branches.find((b) => b.id === form.audienceBranch)?.name ?? '请选择'}
              error={errors.audience}
            >
              {(row) => (
                <Picker
                  mode='selector'
                  range={branches.map((b) => b.name)}
                  value={Math.max(
                    0,
                    branches.findIndex((b) => b.id === form.audienceBranch)
                  )}
                  onChange={(e) => set('audienceBranch', branches[Number(e.detail.value)].id)}
                >
                  {row}
                </Picker>
              )}
            </PickerRow>
          ) : null}
          {units.length > 1 ? (
            <PickerRow
              label='主办单位'
              text={units.find((u) => u.id === form.orgUnitId)?.name ?? '请选择'}
              error={errors.orgUnitId}
            >
              {(row) => (
                <Picker
                  mode='selector'
                  range={units.map((u) => u.name)}
                  value={Math.max(
                    0,
                    units.findIndex((u) => u.id === form.orgUnitId)
                  )}
                  onChange={(e) => set('orgUnitId', units[Number(e.detail.value)].id)}
                >
                  {row}
                </Picker>
              )}
            </PickerRow>
          ) : null}
          <Chips
            label='提前多久可以签到'
            options={[15, 30, 60].map((m) => ({ value: m, text: `${m} 分钟` }))}
            value={form.opensBeforeMin}
            onChange={(v) => set('opensBeforeMin', v)}
          />
          <Chips
            label='没报名的人能否现场签到'
            options={[
              { value: true, text: '可以（有名额时）' },
              { value: false, text: '不可以' }
            ]}
            value={form.allowWalkIn}
            onChange={(v) => set('allowWalkIn', v)}
          />
          <Field
            label='签到积分'
            type='number'
            value={form.points}
            onInput={(v) => set('points', v)}
            placeholder='按活动类型的规定就空着'
            error={errors.points}
            testId='f-points'
          />
          <Field
            label='联系电话'
            value={form.contactPhone}
            onInput={(v) => set('contactPhone', v)}
            placeholder='老同志有问题时打这个电话'
            error={errors.contactPhone}
            testId='f-phone'
          />
          <TextBox
            label='活动说明'
            value={form.description}
            maxlength={2000}
            placeholder='要带什么、注意什么，写清楚一些'
            onInput={(v) => set('description', v)}
            testId='f-description'
          />
          <Notice notice={submit.notice} testId='save-error' />
          <BigButton primary loading={submit.busy} testId='save' onClick={save}>
            {id ? '保存修改' : '保存（先存为草稿）'}
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
