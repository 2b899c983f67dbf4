import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  STAFF_AWARD_KINDS,
  STAFF_AWARD_LABELS,
  signedPoints,
  starText,
  type StaffAwardKind
} from '@contract/points-words'
import { businessDay } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import ConfirmDialog from '@/components/Dialog'
import PointsHistory from '@/components/PointsHistory'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { staffAdjust, staffAward, staffLedger } from '@/services/points'
import './index.scss'

const QUEUED = '已保存在手机上，有网时会自动提交。'

/**
 * One person's points for staff: the whole ledger (each look is logged), 调整积分 with a reason, and 记录送学上门
 * or other participation (counted once per person, day and subject).
 */
export default function PersonPointsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const ledger = useRemote(() => staffLedger(id), [id])
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [adjustError, setAdjustError] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [kind, setKind] = useState<StaffAwardKind>('songxue')
  const [title, setTitle] = useState('')
  const [day, setDay] = useState(businessDay(Date.now()))
  const [awardError, setAwardError] = useState<string | null>(null)
  const submit = useSubmit()
  const busy = submit.busy
  const p = ledger.data?.person
  const n = Number.parseInt(amount.replace('＋', '+').replace('－', '-'), 10)

  const checkAdjust = () => {
    if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 1000)
      return setAdjustError('请填写要加或减的分数，例如 2 或 -2')
    if (reason.trim().length < 2) return setAdjustError('请写明调整的原因，例如：补录3月学习')
    setAdjustError(null)
    setAsking(true)
  }
  const adjust = async () => {
    setAsking(false)
    if (!p) return
    const reload = () => void ledger.reload()
    await submit.run(() => staffAdjust(p.id, p.name, n, reason.trim()), {
      done: (d) => `已调整 ${signedPoints(n)} 分，现在 ${d.balance} 分。`,
      queued: QUEUED,
      onApplied: () => {
        setAmount('')
        setReason('')
        reload()
      },
      onQueued: reload,
      onRejected: reload
    })
  }
  const record = async () => {
    if (!p) return
    if (title.trim().length < 1) return setAwardError('请写上学习或活动的内容，例如：学习全会精神')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return setAwardError('日期请写成 2026-12-01 这样')
    setAwardError(null)
    const reload = () => void ledger.reload()
    await submit.run(() => staffAward({ personId: p.id, kind, title: title.trim(), day }, p.name), {
      queued: QUEUED,
      said: (o) =>
        o.status !== 'applied'
          ? null
          : o.data.status === 'already'
            ? { tone: 'warning', text: '这件事已经记过积分了，不会重复计分。' }
            : {
                tone: 'success',
                text: `已记 ${o.data.awarded} 分${o.data.status === 'capped' ? '（当天已到每日上限）' : ''}，现在 ${o.data.balance} 分。`
              },
      onApplied: () => {
        setTitle('')
        reload()
      },
      onQueued: reload,
      onRejected: reload
    })
  }

  return (
    <Page testId='page-points-person'>
      {ledger.loading && !p ? <Loading /> : null}
      {ledger.error && !p ? <ErrorBlock message={ledger.error} onRetry={() => void ledger.reload()} /> : null}
      {p && ledger.data ? (
        <View>
          <Card tone='highlight'>
            <Text className='yl-pts__title' data-testid='person-name'>
              {p.name}
            </Text>
            <Text className='yl-pts__label'>
              {p.orgUnitName}
              {p.branchName ? ` · ${p.branchName}` : ''}
              {p.frail ? ' · 行动不便' : ''}
            </Text>
            <View className='yl-pts__amount'>
              <Text className='yl-pts__big' data-testid='person-balance'>
                {p.balance}
              </Text>
              <Text className='yl-pts__title'>分</Text>
            </View>
            {ledger.data.star ? (
              <Text className='yl-pts__line'>
                {ledger.data.star.year}年践诺评星：
                {ledger.data.star.exempt
                  ? '已免评'
                  : `${starText(ledger.data.star.stars)}（${ledger.data.star.score} 分）`}
              </Text>
            ) : null}
            <Text className='yl-pts__label'>您查看积分明细已记入查阅记录。</Text>
          </Card>
          <Notice notice={submit.notice} testId='person-outcome' />
          <Section title='记录送学上门 / 其他参与'>
            <View className='yl-pts__choices'>
              {STAFF_AWARD_KINDS.map((k) => (
                <BigButton
                  key={k}
                  block={false}
                  variant={kind === k ? 'primary' : 'plain'}
                  onClick={() => setKind(k)}
                  testId={`award-kind-${k}`}
                  ariaLabel={`${STAFF_AWARD_LABELS[k]}${kind === k ? '，已选' : ''}`}
                >
                  {kind === k ? `✓ ${STAFF_AWARD_LABELS[k]}` : STAFF_AWARD_LABELS[k]}
                </BigButton>
              ))}
            </View>
            <Field
              label='学习或活动的内容'
              value={title}
              onInput={setTitle}
              placeholder='例如：学习全会精神'
              maxlength={60}
              testId='award-title'
            />
            <Field
              label='日期'
              value={day}
              onInput={setDay}
              hint='同一天、同一内容只记一次分'
              maxlength={10}
              error={awardError}
              testId='award-day'
            />
            <BigButton loading={busy} onClick={() => void record()} testId='award-submit'>
              记积分
            </BigButton>
          </Section>
          <Section title='调整积分'>
            <Field
              label='加或减多少分'
              value={amount}
              onInput={setAmount}
              placeholder='加 2 分写 2，减 2 分写 -2'
              maxlength={6}
              testId='adjust-amount'
            />
            <Field
              label='原因（老人会在明细里看到）'
              value={reason}
              onInput={setReason}
              placeholder='例如：补录3月学习'
              maxlength={200}
              error={adjustError}
              testId='adjust-reason'
            />
            <BigButton variant='secondary' loading={busy} onClick={checkAdjust} testId='adjust-submit'>
              提交调整
            </BigButton>
          </Section>
          <Section title='积分明细'>
            <PointsHistory months={ledger.data.months} testId='person-history' />
          </Section>
          <ConfirmDialog
            open={asking}
            title={`给${p.name}${n > 0 ? '加' : '减'} ${Math.abs(n)} 分？`}
            message={`原因：${reason.trim()}。调整会记在明细里，不能删除。`}
            confirmLabel='确定调整'
            onCancel={() => setAsking(false)}
            onConfirm={() => void adjust()}
          />
        </View>
      ) : null}
    </Page>
  )
}
