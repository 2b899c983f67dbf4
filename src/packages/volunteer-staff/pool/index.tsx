import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OrgUnitInfo, PoolHit, VolunteerSettingsView } from '@contract/actions'
import { hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useSubmit } from '@/hooks/use-submit'
import { useAppStore } from '@/store'
import { messageOf } from '@/services/api'
import { orgUnits } from '@/services/org'
import { searchPool, updateVolunteerSettings, volunteerSettings } from '@/services/volunteer'
import { unitsInScope } from '../scope'
import '../staff.scss'

const ALL = '全部'

function Hit({ h }: { h: PoolHit }) {
  return (
    <Card testId={`hit-${h.personId}`}>
      <View className='yl-vol__tags'>
        {h.available ? <StatusTag tone='success'>可以安排</StatusTag> : <StatusTag tone='neutral'>暂停</StatusTag>}
        {h.isVolunteer ? <StatusTag tone='info'>志愿者</StatusTag> : null}
      </View>
      <Text className='yl-vol__title'>
        {h.name}
        {h.age !== null ? `（${h.age} 岁）` : ''}
      </Text>
      <Text className='yl-vs__hit-skills'>特长：{h.skills.join('、')}</Text>
      <Text className='yl-vol__line'>
        {h.orgUnitName}
        {h.availability ? ` · ${h.availability}` : ''}
      </Text>
      {h.teams.length ? <Text className='yl-vol__line'>队伍：{h.teams.join('、')}</Text> : null}
      <Text className='yl-vol__line'>志愿服务时长：{hoursText(h.totalMinutes)}</Text>
      {h.totalMinutes > 0 ? (
        <View className='yl-vol__action'>
          <BigButton
            variant='plain'
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/volunteer/certificate/index?personId=${encodeURIComponent(h.personId)}`
              })
            }
            testId={`cert-${h.personId}`}
            ariaLabel={`为 ${h.name} 开具志愿服务证明`}
          >
            开具志愿服务证明
          </BigButton>
        </View>
      ) : null}
    </Card>
  )
}

/** 银发人才库: find retirees by skill and county (in the staff member's scope); the intake age limit (bureau). */
export default function PoolPage() {
  const me = useAppStore((s) => s.me)
  const [settings, setSettings] = useState<VolunteerSettingsView | null>(null)
  const [units, setUnits] = useState<OrgUnitInfo[]>([])
  const [skill, setSkill] = useState(ALL)
  const [unit, setUnit] = useState(ALL)
  const [q, setQ] = useState('')
  const [only, setOnly] = useState<'all' | 'available'>('all')
  const [hits, setHits] = useState<PoolHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [age, setAge] = useState('')
  const { busy, notice, run } = useSubmit()
  const bureau = !!me?.roles.includes('admin') || units.some((u) => u.id === me?.orgUnit?.id && u.kind === 'bureau')

  const search = (over: Partial<{ skill: string; unit: string; only: 'all' | 'available' }> = {}) => {
    const s = over.skill ?? skill
    const u = over.unit ?? unit
    const o = over.only ?? only
    setLoading(true)
    setError(null)
    searchPool({
      skill: s === ALL ? undefined : s,
      orgUnitId: u === ALL ? undefined : u,
      q: q.trim() || undefined,
      availableOnly: o === 'available'
    })
      .then((r) => setHits(r.items))
      .catch((err) => setError(messageOf(err)))
      .finally(() => setLoading(false))
  }

  useEffect(() => {
    Promise.all([volunteerSettings(), orgUnits()])
      .then(([s, all]) => {
        setSettings(s)
        setAge(String(s.intakeMaxAge))
        setUnits(unitsInScope(all, me?.orgUnit?.id ?? null, !!me?.roles.includes('admin')))
      })
      .catch((err) => setError(messageOf(err)))
    search()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const counties = units.filter((u) => u.kind === 'county')
  return (
    <Page title='银发人才库' testId='page-vstaff-pool'>
      {settings ? (
        <ChoiceGroup
          label='按特长'
          choices={[ALL, ...settings.skills].map((s) => ({ value: s, label: s }))}
          value={skill}
          onChange={(v) => {
            setSkill(v)
            search({ skill: v })
          }}
          testId='pool-skill'
        />
      ) : null}
      {counties.length > 1 ? (
        <ChoiceGroup
          label='按区县'
          choices={[{ value: ALL, label: ALL }, ...counties.map((u) => ({ value: u.id, label: u.name }))]}
          value={unit}
          onChange={(v) => {
            setUnit(v)
            search({ unit: v })
          }}
          testId='pool-unit'
        />
      ) : null}
      <ChoiceGroup
        label='是否可以安排'
        choices={[
          { value: 'all', label: '都看' },
          { value: 'available', label: '只看可以安排的' }
        ]}
        value={only}
        onChange={(v) => {
          setOnly(v)
          search({ only: v })
        }}
      />
      <Field label='按姓名' value={q} onInput={setQ} placeholder='可不填' maxlength={20} testId='pool-q' />
      <BigButton primary loading={loading} onClick={() => search()} testId='pool-search'>
        查找
      </BigButton>
      {error ? <ErrorBlock message={error} onRetry={() => search()} /> : null}
      <Section title={hits ? `找到 ${hits.length} 人` : '结果'}>
        {loading && !hits ? <Loading /> : null}
        {hits && hits.length === 0 ? <Empty text='没有找到，换个条件试试。' /> : null}
        {hits?.map((h) => (
          <Hit key={h.personId} h={h} />
        ))}
      </Section>
      {settings && bureau ? (
        <Section title='入库年龄'>
          <Card tone='muted'>
            <Text className='yl-vol__line'>
              现在收录 {settings.intakeMaxAge} 岁以下的老同志。已经入库的人不受影响。
            </Text>
          </Card>
          <Field label='收录多少岁以下' type='number' value={age} onInput={setAge} maxlength={3} testId='pool-age' />
          <Notice notice={notice} testId='pool-age-result' />
          <BigButton
            variant='secondary'
            loading={busy}
            testId='pool-age-save'
            onClick={() => {
              const n = Number(age)
              if (!/^\d{2,3}$/.test(age.trim()) || n < 50 || n > 100)
                return void setError('年龄要填 50 到 100 之间的整数')
              void run(() => updateVolunteerSettings(n), {
                done: `已改为收录 ${n} 岁以下`,
                onApplied: (s) => setSettings(s)
              })
            }}
          >
            保存年龄上限
          </BigButton>
        </Section>
      ) : null}
    </Page>
  )
}
