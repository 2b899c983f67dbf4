import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { HELP_CATEGORIES } from '@contract/help-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { helpRules, updateHelpSettings } from '@/services/help'
import './index.scss'

const DAYS = ['1', '2', '3', '5'].map((d) => ({ value: d, label: `${d} 个工作日` }))
const MINUTES = ['15', '30', '60', '120'].map((m) => ({ value: m, label: `${m} 分钟` }))

/**
 * Response-time targets and which skills suit each category. Everyone on staff can read them; the bureau's staff
 * and the admin change them (the server refuses anyone else).
 */
export default function HelpSettingsPage() {
  const rules = useRemote(() => helpRules(), [])
  const [days, setDays] = useState<string | null>(null)
  const [minutes, setMinutes] = useState<string | null>(null)
  const [mapping, setMapping] = useState<Record<string, string[]> | null>(null)
  const { busy, notice, run } = useSubmit()
  const r = rules.data

  useEffect(() => {
    if (!r) return
    setDays(String(r.targets.acceptWorkingDays))
    setMinutes(String(r.targets.urgentAcceptMinutes))
    setMapping(r.categorySkills)
  }, [r])

  const toggle = (category: string, skill: string) =>
    setMapping((m) => {
      if (!m) return m
      const cur = m[category] ?? []
      return { ...m, [category]: cur.includes(skill) ? cur.filter((s) => s !== skill) : [...cur, skill] }
    })

  return (
    <Page title='求助设置' testId='page-help-settings'>
      {rules.loading && !r ? <Loading /> : null}
      {rules.error ? <ErrorBlock message={rules.error} onRetry={() => void rules.reload()} /> : null}
      {r && mapping ? (
        <>
          <Section title='受理时限'>
            <ChoiceGroup
              label='一般求助，几个工作日内受理'
              choices={
                DAYS.some((d) => d.value === days) ? DAYS : [...DAYS, { value: days!, label: `${days} 个工作日` }]
              }
              value={days}
              onChange={setDays}
              columns={2}
            />
            <ChoiceGroup
              label='紧急求助，多少分钟内受理'
              choices={
                MINUTES.some((m) => m.value === minutes)
                  ? MINUTES
                  : [...MINUTES, { value: minutes!, label: `${minutes} 分钟` }]
              }
              value={minutes}
              onChange={setMinutes}
              columns={2}
            />
            <Card tone='muted'>
              <Text className='yl-hs__line'>
                工作日按周一至周五计算（北京时间），暂不扣除法定节假日和调休；紧急求助按自然时间计算。
              </Text>
            </Card>
          </Section>
          <Section title='哪些特长的志愿者适合哪类求助'>
            {HELP_CATEGORIES.map((c) => (
              <Card key={c}>
                <Text className='yl-hs__cat'>{c}</Text>
                <View {...a11y({ role: 'group', label: `${c}需要的特长` })} className='yl-hs__skills'>
                  {r.skills.map((s) => {
                    const on = (mapping[c] ?? []).includes(s)
                    return (
                      <View
                        {...a11y({ role: 'button', pressed: on })}
                        key={s}
                        className={`yl-hs__skill${on ? ' yl-hs__skill--on' : ''}`}
                        onClick={() => toggle(c, s)}
                      >
                        <Text>{on ? `✓ ${s}` : s}</Text>
                      </View>
                    )
                  })}
                </View>
              </Card>
            ))}
          </Section>
          <Notice notice={notice} />
          <BigButton
            primary
            loading={busy}
            testId='settings-save'
            onClick={() =>
              void run(
                () =>
                  updateHelpSettings({
                    acceptWorkingDays: Number(days),
                    urgentAcceptMinutes: Number(minutes),
                    categorySkills: mapping as Parameters<typeof updateHelpSettings>[0]['categorySkills']
                  }),
                { done: '已保存，马上生效', onApplied: () => void rules.reload() }
              )
            }
          >
            保存设置
          </BigButton>
        </>
      ) : null}
    </Page>
  )
}
