import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PointsRules } from '@contract/actions'
import { ACTIVITY_TYPES } from '@contract/activity-types'
import { starText } from '@contract/points-words'
import Page from '@/components/Page'
import Field from '@/components/Field'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { pointsRules, setRules } from '@/services/points'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

type Form = Record<string, string>

function toForm(r: PointsRules): Form {
  const f: Form = {
    dailyCap: r.dailyCap === null ? '' : String(r.dailyCap),
    songxue: String(r.staffAward.songxue),
    participation: String(r.staffAward.participation),
    volunteerShift: String(r.volunteerShift),
    afterYears: String(r.expiry.afterYears)
  }
  for (const t of ACTIVITY_TYPES) f[`type:${t}`] = String(r.byType[t])
  r.starBands.forEach((b) => (f[`star:${b.stars}`] = String(b.min)))
  return f
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number.parseInt(s, 10) : NaN)

/** Admin: the rules as configuration. Saved whole; the server validates and keeps an audit record. */
export default function RulesEditPage() {
  const remote = useRemote(() => pointsRules(), [])
  const [form, setForm] = useState<Form>({})
  const [expiry, setExpiry] = useState(false)
  const submit = useSubmit()
  const setError = (text: string) => submit.setNotice({ tone: 'danger', text })
  useEffect(() => {
    if (remote.data) {
      setForm(toForm(remote.data.rules))
      setExpiry(remote.data.rules.expiry.enabled)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fills the form when the saved rules change, never over what is being typed
  }, [remote.data?.updatedAt, !!remote.data])
  const set = (k: string) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const save = async () => {
    const byType = Object.fromEntries(
      ACTIVITY_TYPES.map((t) => [t, int(form[`type:${t}`] ?? '')])
    ) as PointsRules['byType']
    const bands = [1, 2, 3, 4, 5].map((stars) => ({ stars, min: int(form[`star:${stars}`] ?? '') }))
    const cap = (form.dailyCap ?? '').trim() === '' ? null : int(form.dailyCap)
    const rules: PointsRules = {
      byType,
      dailyCap: cap,
      staffAward: { songxue: int(form.songxue), participation: int(form.participation) },
      volunteerShift: int(form.volunteerShift ?? ''),
      starBands: bands,
      expiry: { enabled: expiry, afterYears: int(form.afterYears) }
    }
    const numbers = [
      ...Object.values(byType),
      ...bands.map((b) => b.min),
      rules.staffAward.songxue,
      rules.staffAward.participation,
      rules.volunteerShift,
      rules.expiry.afterYears,
      cap ?? 0
    ]
    if (numbers.some((n) => Number.isNaN(n))) return setError('每一项都要填整数（每日上限不限就空着）')
    if (bands.some((b, i) => i > 0 && b.min <= bands[i - 1].min)) return setError('星级分数要从一星到五星逐级升高')
    const back = () => void Taro.navigateBack()
    await submit.run(() => setRules(rules), { onApplied: back, onQueued: back })
  }
  return (
    <Page title='修改积分规则' testId='page-points-rules-edit'>
      {remote.loading && !remote.data ? <Loading /> : null}
      {remote.error ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {remote.data ? (
        <View>
          <Section title='签到得分（按活动类型）'>
            {ACTIVITY_TYPES.map((t) => (
              <Field
                key={t}
                label={t}
                value={form[`type:${t}`] ?? ''}
                onInput={set(`type:${t}`)}
                type='number'
                maxlength={3}
              />
            ))}
          </Section>
          <Section title='其他'>
            <Field
              label='每人每天最多得几分（不限就空着）'
              value={form.dailyCap ?? ''}
              onInput={set('dailyCap')}
              type='number'
              maxlength={4}
              testId='rules-cap'
            />
            <Field
              label='送学上门记几分'
              value={form.songxue ?? ''}
              onInput={set('songxue')}
              type='number'
              maxlength={3}
            />
            <Field
              label='其他参与记几分'
              value={form.participation ?? ''}
              onInput={set('participation')}
              type='number'
              maxlength={3}
            />
            <Field
              label='志愿服务每个班次记几分'
              value={form.volunteerShift ?? ''}
              onInput={set('volunteerShift')}
              type='number'
              maxlength={3}
              testId='rules-shift'
            />
          </Section>
          <Section title='践诺评星：几分起评'>
            {[1, 2, 3, 4, 5].map((s) => (
              <Field
                key={s}
                label={starText(s)}
                value={form[`star:${s}`] ?? ''}
                onInput={set(`star:${s}`)}
                type='number'
                maxlength={5}
              />
            ))}
          </Section>
          <Section title='积分到期'>
            <View className='yl-pts__choices'>
              <BigButton
                block={false}
                variant={!expiry ? 'primary' : 'plain'}
                onClick={() => setExpiry(false)}
                ariaLabel={`长期有效${!expiry ? '，已选' : ''}`}
              >
                {!expiry ? '✓ ' : ''}长期有效
              </BigButton>
              <BigButton
                block={false}
                variant={expiry ? 'primary' : 'plain'}
                onClick={() => setExpiry(true)}
                ariaLabel={`到期清零${expiry ? '，已选' : ''}`}
              >
                {expiry ? '✓ ' : ''}到期清零
              </BigButton>
            </View>
            {expiry ? (
              <Field
                label='得分后第几年年底到期'
                value={form.afterYears ?? ''}
                onInput={set('afterYears')}
                type='number'
                maxlength={2}
              />
            ) : null}
          </Section>
          <Notice notice={submit.notice} testId='rules-error' />
          <BigButton primary loading={submit.busy} onClick={() => void save()} testId='rules-save'>
            保存规则
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
