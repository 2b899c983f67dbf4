import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StarRow } from '@contract/actions'
import { starText } from '@contract/points-words'
import { businessDay } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { staffSetLeaderboard, staffSetStarExempt, staffStars } from '@/services/points'
import BranchPicker from '../branch-picker'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

/** 践诺评星 of a branch for a year: score and stars per party member, exemptions, and the branch leaderboard switch. */
export default function StarsPage() {
  const thisYear = Number(businessDay(Date.now()).slice(0, 4))
  const [branch, setBranch] = useState('')
  const [year, setYear] = useState(thisYear)
  const report = useRemote(() => (branch ? staffStars(branch, year) : Promise.resolve(null)), [branch, year])
  const [exempting, setExempting] = useState<StarRow | null>(null)
  const [reason, setReason] = useState('')
  const submit = useSubmit()
  const busy = submit.busy
  const r = report.data
  const QUEUED = '已保存在手机上，有网时会自动提交。'
  const reload = () => void report.reload()

  const setExempt = async (row: StarRow, exempt: boolean, why: string) => {
    if (why.trim().length < 2) return submit.setNotice({ tone: 'danger', text: '请写明原因，例如：长期卧床' })
    const out = await submit.run(() => staffSetStarExempt(row.personId, row.name, year, exempt, why.trim()), {
      done: `${row.name}：${exempt ? '已免评' : '已恢复评星'}`,
      queued: QUEUED
    })
    if (!out) return
    setExempting(null)
    setReason('')
    reload()
  }
  const toggleBoard = (enabled: boolean) =>
    submit.run(() => staffSetLeaderboard(branch, enabled), {
      done: enabled ? '本支部积分榜已打开：只显示自愿参加的人。' : '本支部积分榜已关闭。',
      queued: QUEUED,
      onApplied: reload,
      onQueued: reload,
      onRejected: reload
    })
  const counts = r ? [5, 4, 3, 2, 1, 0].map((s) => [s, r.rows.filter((x) => !x.exempt && x.stars === s).length]) : []
  return (
    <Page title='践诺评星' testId='page-points-stars'>
      <BranchPicker value={branch} onChange={(id) => setBranch(id)} />
      <View className='yl-pts__choices'>
        {[thisYear, thisYear - 1].map((y) => (
          <BigButton
            key={y}
            block={false}
            variant={year === y ? 'primary' : 'plain'}
            onClick={() => setYear(y)}
            ariaLabel={`${y}年${year === y ? '，已选' : ''}`}
          >
            {year === y ? `✓ ${y}年` : `${y}年`}
          </BigButton>
        ))}
      </View>
      <Notice notice={submit.notice} testId='stars-notice' />
      {report.loading && !r ? <Loading /> : null}
      {report.error ? <ErrorBlock message={report.error} onRetry={() => void report.reload()} /> : null}
      {r ? (
        <View>
          <Card>
            <Text className='yl-pts__title'>
              {r.branchName} {r.year}年
            </Text>
            {counts.map(([s, n]) => (
              <Text key={s} className='yl-pts__line'>
                {starText(s)}：{n} 人
              </Text>
            ))}
            <Text className='yl-pts__line'>免评：{r.rows.filter((x) => x.exempt).length} 人</Text>
          </Card>
          <Card>
            <Text className='yl-pts__line'>支部积分榜：{r.leaderboardEnabled ? '已打开' : '没有打开'}</Text>
            <Text className='yl-pts__label'>打开后，本支部自愿参加的人能看到彼此今年的积分；不参加的人不会出现。</Text>
            <View className='yl-pts__gap' />
            <BigButton
              variant='secondary'
              loading={busy}
              onClick={() => void toggleBoard(!r.leaderboardEnabled)}
              testId='board-toggle'
            >
              {r.leaderboardEnabled ? '关闭积分榜' : '打开积分榜'}
            </BigButton>
          </Card>
          <Section title='党员评星'>
            {r.rows.length === 0 ? <Empty text='这个支部还没有党员名单。' /> : null}
            {r.rows.map((row) => (
              <Card key={row.personId} testId={`star-${row.personId}`}>
                <View className='yl-pts__row'>
                  <Text className='yl-pts__title'>{row.name}</Text>
                  {row.exempt ? (
                    <StatusTag tone='info'>免评</StatusTag>
                  ) : (
                    <Text className='yl-pts__stars'>{starText(row.stars)}</Text>
                  )}
                </View>
                <Text className='yl-pts__line'>
                  今年得分 {row.score} 分{row.frail ? ' · 行动不便' : ''}
                </Text>
                {row.exempt && row.exemptReason ? (
                  <Text className='yl-pts__label'>免评原因：{row.exemptReason}</Text>
                ) : null}
                <View className='yl-pts__gap' />
                {exempting?.personId === row.personId ? (
                  <View>
                    <Field
                      label='免评原因'
                      value={reason}
                      onInput={setReason}
                      placeholder='例如：长期卧床'
                      maxlength={200}
                      testId='exempt-reason'
                    />
                    <BigButton loading={busy} onClick={() => void setExempt(row, true, reason)} testId='exempt-confirm'>
                      确定免评
                    </BigButton>
                    <View className='yl-pts__gap' />
                    <BigButton variant='plain' onClick={() => setExempting(null)}>
                      不了，返回
                    </BigButton>
                  </View>
                ) : row.exempt ? (
                  <BigButton variant='plain' loading={busy} onClick={() => void setExempt(row, false, '恢复评星')}>
                    恢复评星
                  </BigButton>
                ) : (
                  <BigButton variant='plain' onClick={() => setExempting(row)} testId={`exempt-${row.personId}`}>
                    办理免评
                  </BigButton>
                )}
              </Card>
            ))}
          </Section>
        </View>
      ) : null}
    </Page>
  )
}
