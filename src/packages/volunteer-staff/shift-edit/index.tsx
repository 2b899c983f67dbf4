import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ShiftFields } from '@contract/actions'
import { addDays, beijingTime, businessDay, formatClock } from '@contract/time'
import Page from '@/components/Page'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import MultiChoice from '@/components/MultiChoice'
import Notice from '@/components/Notice'
import ReasonDialog from '@/components/ReasonDialog'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { cannotSave, formSaid, useSubmit } from '@/hooks/use-submit'
import { cancelShiftAsStaff, saveShift, volunteerActivity, volunteerSettings } from '@/services/volunteer'
import { DayAndTimes } from '@/components/PickerRow'
import '../staff.scss'

interface Form {
  label: string
  day: string
  start: string
  end: string
  place: string
  capacity: string
  skills: string[]
}

/** Staff: add a shift to a volunteer activity, or change or cancel one. */
export default function ShiftEditPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const shiftId = params.id ?? ''
  const [form, setForm] = useState<Form | null>(null)
  const [skillOptions, setSkillOptions] = useState<string[]>([])
  const [title, setTitle] = useState('')
  const [loadError, setLoadError] = useState<string | null>(null)
  const submit = useSubmit()
  const setError = (why: string | null) => submit.setNotice(why ? cannotSave(why) : null)
  const [cancelling, setCancelling] = useState(false)
  const today = businessDay(Date.now())

  const load = () => {
    setLoadError(null)
    Promise.all([volunteerActivity(activityId), volunteerSettings()])
      .then(([a, settings]) => {
        setTitle(a.title)
        setSkillOptions(settings.skills)
        const s = shiftId ? a.shifts.find((x) => x.id === shiftId) : undefined
        setForm(
          s
            ? {
                label: s.label,
                day: businessDay(s.startAt),
                start: formatClock(s.startAt),
                end: formatClock(s.endAt),
                place: s.place,
                capacity: s.capacity === null ? '' : String(s.capacity),
                skills: s.skills
              }
            : {
                label: '',
                day: addDays(today, 1),
                start: '09:00',
                end: '11:00',
                place: a.shifts[a.shifts.length - 1]?.place ?? '',
                capacity: '',
                skills: []
              }
        )
      })
      .catch((err: Error) => setLoadError(err.message))
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [activityId, shiftId])

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f))

  const save = () => {
    if (!form) return
    const startAt = beijingTime(form.day, form.start)
    const endAt = beijingTime(form.day, form.end)
    if (endAt <= startAt) return setError('结束时间要晚于开始时间')
    if (!form.place.trim()) return setError('请填写地点')
    if (form.capacity.trim() && !/^\d{1,4}$/.test(form.capacity.trim())) return setError('名额要填整数，不限名额就空着')
    const fields: ShiftFields = {
      label: form.label.trim(),
      startAt,
      endAt,
      place: form.place.trim(),
      capacity: form.capacity.trim() ? Number(form.capacity.trim()) : null,
      skills: form.skills
    }
    void submit.run(() => saveShift(activityId, fields, shiftId || undefined), {
      said: formSaid,
      onApplied: () => void Taro.navigateBack()
    })
  }

  return (
    <Page title={shiftId ? '修改班次' : '添加班次'} testId='page-vstaff-shift-edit'>
      {loadError ? <ErrorBlock message={loadError} onRetry={load} /> : null}
      {!form && !loadError ? <Loading /> : null}
      {form ? (
        <View>
          <Text className='yl-vol__line'>{title}</Text>
          <View className='yl-vol__gap' />
          <Field
            label='班次名称（可不填）'
            value={form.label}
            onInput={(v) => set('label', v)}
            placeholder='例如：上午班'
            maxlength={20}
            testId='sf-label'
          />
          <DayAndTimes
            day={form.day}
            start={form.start}
            end={form.end}
            firstDay={today}
            onChange={(field, value) => set(field, value)}
          />
          <Field
            label='地点'
            value={form.place}
            onInput={(v) => set('place', v)}
            placeholder='在哪里集合'
            maxlength={100}
            testId='sf-place'
          />
          <Field
            label='名额'
            type='number'
            value={form.capacity}
            onInput={(v) => set('capacity', v)}
            placeholder='不限名额就空着'
            hint='满了以后再报名的人进入候补，有人取消时按顺序自动补上'
            maxlength={4}
            testId='sf-capacity'
          />
          <MultiChoice
            label='需要什么特长（可不选）'
            choices={skillOptions}
            value={form.skills}
            onChange={(v) => set('skills', v)}
            testId='sf-skills'
          />
          <Notice notice={submit.notice} testId='sf-error' />
          <BigButton primary loading={submit.busy} onClick={save} testId='sf-save'>
            {shiftId ? '保存修改' : '添加这个班次'}
          </BigButton>
          {shiftId ? (
            <View className='yl-vol__gap'>
              <BigButton variant='danger' onClick={() => setCancelling(true)} testId='sf-cancel'>
                取消这个班次
              </BigButton>
            </View>
          ) : null}
          <ReasonDialog
            open={cancelling}
            title='确定要取消这个班次吗？'
            message='已报名和候补的人都会收到取消消息。取消后不能恢复。'
            label='取消原因（会告诉志愿者）'
            placeholder='例如：天气原因，改期另行通知'
            confirmLabel='取消班次'
            danger
            onCancel={() => setCancelling(false)}
            onConfirm={(reason) => {
              setCancelling(false)
              void submit.run(() => cancelShiftAsStaff(shiftId, reason), {
                said: (o) =>
                  o.status === 'rejected' ? { tone: 'danger', text: '没有取消成功', lines: [o.message] } : formSaid(o),
                onApplied: () => void Taro.navigateBack()
              })
            }}
          />
        </View>
      ) : null}
    </Page>
  )
}
