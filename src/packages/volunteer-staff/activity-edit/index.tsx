import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import type { OrgUnitInfo, TeamCard, VolunteerActivityFields } from '@contract/actions'
import Page from '@/components/Page'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import TextBox from '@/components/TextBox'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useAppStore } from '@/store'
import { orgUnits } from '@/services/org'
import { cannotSave, formSaid, useSubmit } from '@/hooks/use-submit'
import { saveVolunteerActivity, teams as loadTeams, volunteerActivity, volunteerSettings } from '@/services/volunteer'
import PickerRow from '@/components/PickerRow'
import { unitsInScope } from '../scope'
import '../staff.scss'

interface Form {
  title: string
  serviceItem: string
  description: string
  orgUnitId: string
  teamId: string | null
  teamOnly: 'yes' | 'no'
  points: string
  contactPhone: string
}

/** Staff: create (as a draft) or change a volunteer activity. Shifts are added on the activity's page. */
export default function VolunteerActivityEditPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useAppStore((s) => s.me)
  const [units, setUnits] = useState<OrgUnitInfo[] | null>(null)
  const [teamList, setTeamList] = useState<TeamCard[]>([])
  const [skills, setSkills] = useState<string[]>([])
  const [form, setForm] = useState<Form | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const submit = useSubmit()
  const setError = (why: string | null) => submit.setNotice(why ? cannotSave(why) : null)

  const load = () => {
    setLoadError(null)
    Promise.all([orgUnits(), loadTeams(), volunteerSettings(), id ? volunteerActivity(id) : Promise.resolve(null)])
      .then(([all, t, settings, a]) => {
        const mine = unitsInScope(all, me?.orgUnit?.id ?? null, !!me?.roles.includes('admin'))
        setUnits(mine)
        setTeamList(t.items)
        setSkills(settings.skills)
        setForm(
          a
            ? {
                title: a.title,
                serviceItem: a.serviceItem,
                description: a.description,
                orgUnitId: a.orgUnitId,
                teamId: a.teamId,
                teamOnly: a.teamOnly ? 'yes' : 'no',
                points: a.customPoints === null ? '' : String(a.customPoints),
                contactPhone: a.contactPhone ?? ''
              }
            : {
                title: '',
                serviceItem: '',
                description: '',
                orgUnitId: me?.orgUnit?.id ?? mine[0]?.id ?? '',
                teamId: null,
                teamOnly: 'no',
                points: '',
                contactPhone: ''
              }
        )
      })
      .catch((err: Error) => setLoadError(err.message))
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [id])

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f))

  const save = () => {
    if (!form) return
    if (!form.title.trim()) return setError('请填写活动名称')
    if (!form.serviceItem.trim()) return setError('请填写服务项目（证明上会写）')
    if (form.points.trim() && !/^\d{1,3}$/.test(form.points.trim())) return setError('积分要填整数，按积分规则就空着')
    if (form.teamOnly === 'yes' && !form.teamId) return setError('只面向队员的活动，要先选一支队伍')
    const fields: VolunteerActivityFields = {
      title: form.title.trim(),
      serviceItem: form.serviceItem.trim(),
      description: form.description.trim(),
      orgUnitId: form.orgUnitId,
      teamId: form.teamId,
      teamOnly: form.teamOnly === 'yes',
      points: form.points.trim() ? Number(form.points.trim()) : null,
      contactPhone: form.contactPhone.trim() || null
    }
    void submit.run(() => saveVolunteerActivity(fields, id || undefined), {
      said: formSaid,
      onApplied: (d) => {
        if (id) void Taro.navigateBack()
        else void Taro.redirectTo({ url: `/packages/volunteer-staff/activity/index?id=${encodeURIComponent(d.id)}` })
      }
    })
  }

  const unit = units?.find((u) => u.id === form?.orgUnitId)
  const teamChoices = [{ id: '', name: '不属于哪支队伍' }, ...teamList.map((t) => ({ id: t.id, name: t.name }))]
  return (
    <Page title={id ? '修改志愿活动' : '新建志愿活动'} testId='page-vstaff-activity-edit'>
      {loadError ? <ErrorBlock message={loadError} onRetry={load} /> : null}
      {!form && !loadError ? <Loading /> : null}
      {form && units ? (
        <View>
          <Field
            label='活动名称'
            value={form.title}
            onInput={(v) => set('title', v)}
            placeholder='例如：关爱空巢老人结对探访'
            maxlength={60}
            testId='va-title'
          />
          <Field
            label='服务项目（证明上会写）'
            value={form.serviceItem}
            onInput={(v) => set('serviceItem', v)}
            placeholder={`例如：${skills.slice(0, 3).join('、')}、关爱探访`}
            maxlength={20}
            testId='va-item'
          />
          {units.length > 1 ? (
            <PickerRow label='主办单位' text={unit?.name ?? '请选择'}>
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
          <PickerRow
            label='所属队伍'
            text={teamChoices.find((t) => t.id === (form.teamId ?? ''))?.name ?? '请选择'}
            testId='va-team'
          >
            {(row) => (
              <Picker
                mode='selector'
                range={teamChoices.map((t) => t.name)}
                value={Math.max(
                  0,
                  teamChoices.findIndex((t) => t.id === (form.teamId ?? ''))
                )}
                onChange={(e) => set('teamId', teamChoices[Number(e.detail.value)].id || null)}
              >
                {row}
              </Picker>
            )}
          </PickerRow>
          {form.teamId ? (
            <ChoiceGroup
              label='谁可以报名'
              choices={[
                { value: 'no', label: '所有人' },
                { value: 'yes', label: '只有队员' }
              ]}
              value={form.teamOnly}
              onChange={(v) => set('teamOnly', v)}
              testId='va-team-only'
            />
          ) : null}
          <Field
            label='每个班次的积分'
            type='number'
            value={form.points}
            onInput={(v) => set('points', v)}
            placeholder='按积分规则就空着'
            maxlength={3}
            testId='va-points'
          />
          <Field
            label='联系电话'
            value={form.contactPhone}
            onInput={(v) => set('contactPhone', v)}
            placeholder='志愿者有问题时打这个电话'
            maxlength={20}
            testId='va-phone'
          />
          <TextBox
            label='活动说明'
            value={form.description}
            maxlength={2000}
            placeholder='做什么、在哪集合、要带什么'
            onInput={(v) => set('description', v)}
            testId='va-description'
          />
          <Notice notice={submit.notice} testId='va-error' />
          <BigButton primary loading={submit.busy} onClick={save} testId='va-save'>
            {id ? '保存修改' : '保存（先存为草稿）'}
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
