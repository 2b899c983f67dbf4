import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { HelpDetail } from '@contract/actions'
import { HELP_STATUS_LABELS } from '@contract/help-rules'
import { formatDateTime } from '@contract/time'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import TextBox from '@/components/TextBox'
import Notice from '@/components/Notice'
import ConfirmDialog from '@/components/Dialog'
import { HelpStatusTags, preferredText } from '@/components/HelpCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import {
  acceptHelp,
  claimHelp,
  completeHelp,
  getHelpRequest,
  noteHelp,
  rateHelp,
  releaseHelp,
  returnHelp,
  revealContact,
  startHelp,
  withdrawHelp
} from '@/services/help'
import { photoSrc } from '@/services/photos'
import Timeline from './Timeline'
import './index.scss'

const STARS = [
  { value: '5', label: '★★★★★ 很满意' },
  { value: '4', label: '★★★★ 满意' },
  { value: '3', label: '★★★ 一般' },
  { value: '2', label: '★★ 不满意' },
  { value: '1', label: '★ 很不满意' }
] as const

/** A form that needs words (退回 / 进展 / 办完了): opened by its button, one main action, a way back. */
type TextForm = {
  kind: 'return' | 'note' | 'complete' | 'release'
  title: string
  label: string
  confirm: string
  placeholder: string
}

const FORMS: Record<TextForm['kind'], TextForm> = {
  return: {
    kind: 'return',
    title: '退回这条求助',
    label: '退回原因（求助的人会看到）',
    confirm: '确认退回',
    placeholder: '比如：这件事属于社区服务，已转给东关街道社区'
  },
  note: {
    kind: 'note',
    title: '记录进展',
    label: '进展情况（求助的人会看到）',
    confirm: '保存进展',
    placeholder: '比如：已电话联系，约好周二上午 8 点上门'
  },
  complete: {
    kind: 'complete',
    title: '办完了',
    label: '办了什么（求助的人会看到）',
    confirm: '确认办完了',
    placeholder: '比如：陪同挂号、取药，已送回家'
  },
  release: {
    kind: 'release',
    title: '退回待重新派单',
    label: '为什么办不了',
    confirm: '确认退回',
    placeholder: '比如：这周身体不舒服，去不了'
  }
}

function Contact({ d }: { d: HelpDetail }) {
  const [full, setFull] = useState<{ address: string; phone: string } | null>(null)
  const { busy, notice, run } = useSubmit()
  const shown = full ?? (d.contact.masked ? null : d.contact)
  return (
    <Card testId='help-contact'>
      <InfoRow label='住址' testId='help-address'>
        <Text>{shown?.address ?? d.contact.address}</Text>
      </InfoRow>
      <InfoRow label='电话' testId='help-phone'>
        <Text>{shown?.phone ?? d.contact.phone}</Text>
      </InfoRow>
      {full ? (
        <BigButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: full.phone })}>
          打电话 {full.phone}
        </BigButton>
      ) : null}
      {!shown && d.can.reveal ? (
        <>
          <Text className='yl-help-detail__hint'>为保护老人隐私，住址和电话先隐藏了。查看会留下记录。</Text>
          <BigButton
            variant='secondary'
            loading={busy}
            testId='help-reveal'
            onClick={() =>
              void run(() => revealContact(d.id), {
                onApplied: (data) => setFull(data),
                queued: '网络不好，有网时再看'
              })
            }
          >
            查看完整住址和电话
          </BigButton>
        </>
      ) : null}
      <Notice notice={notice} />
    </Card>
  )
}

export default function HelpDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const actingFor = useAppStore((s) => s.actingFor?.personId)
  const detail = useRemote(() => getHelpRequest(id), [id, actingFor])
  const d = detail.data
  const { busy, notice, setNotice, run } = useSubmit()
  const [form, setForm] = useState<TextForm | null>(null)
  const [text, setText] = useState('')
  const [textError, setTextError] = useState<string | null>(null)
  const [stars, setStars] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)

  const reload = () => detail.reload()
  const after = (done: string) => ({ done, onApplied: () => reload() })

  function openForm(f: TextForm) {
    setForm(f)
    setText('')
    setTextError(null)
    setNotice(null)
  }

  async function submitForm() {
    if (!d || !form) return
    if (text.trim().length < 2) return setTextError('请至少写两个字')
    const words = text.trim()
    const action = {
      return: () => returnHelp(d.id, words),
      note: () => noteHelp(d.id, words),
      complete: () => completeHelp(d.id, words),
      release: () => releaseHelp(d.id, words)
    }[form.kind]
    const outcome = await run(
      action,
      after(form.kind === 'note' ? '进展已记下' : form.kind === 'complete' ? '已办完，谢谢您！' : '已退回')
    )
    if (outcome?.status !== 'rejected') setForm(null)
  }

  const isNew = params.new === '1'
  return (
    <Page testId='page-help-detail'>
      {detail.loading && !d ? <Loading /> : null}
      {detail.error && !d ? <ErrorBlock message={detail.error} onRetry={() => void reload()} /> : null}
      {d ? (
        <View>
          {d.viewer === 'family' ? (
            <Notice
              notice={{
                tone: 'warning',
                text: `要替${d.personName}撤回或评价，请先在「我的长辈」里选「为「${d.personName}」代办」。`
              }}
            />
          ) : null}
          {isNew ? (
            <Notice
              notice={{ tone: 'success', text: `求助已提交（编号 ${d.no}），工作人员会尽快受理。` }}
              testId='help-created'
            />
          ) : null}
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-help-detail__title' data-testid='help-title'>
            {d.category}
          </Text>
          <HelpStatusTags card={d} />
          <Text className='yl-help-detail__status' data-testid='help-status'>
            现在：{HELP_STATUS_LABELS[d.status]}
          </Text>
          {d.urgency === 'urgent' &&
          d.dutyPhone &&
          (d.viewer === 'requester' || d.viewer === 'family') &&
          !['completed', 'rated', 'withdrawn', 'returned'].includes(d.status) ? (
            <BigButton
              variant='danger'
              onClick={() => void Taro.makePhoneCall({ phoneNumber: d.dutyPhone! })}
              testId='help-call-duty'
            >
              紧急！打值班电话 {d.dutyPhone}
            </BigButton>
          ) : null}
          <Card>
            <InfoRow label='为谁'>
              <Text>
                {d.submittedBy === '本人' ? `${d.personName}（本人提交）` : `${d.personName} · ${d.submittedBy}`}
              </Text>
            </InfoRow>
            <InfoRow label='希望时间'>
              <Text>{preferredText(d)}</Text>
            </InfoRow>
            <InfoRow label='提交时间'>
              <Text>
                {formatDateTime(d.createdAt)} · 编号 {d.no}
              </Text>
            </InfoRow>
            {d.acceptDueAt ? (
              <InfoRow label='受理时限'>
                <Text>
                  {formatDateTime(d.acceptDueAt)} 前{d.overdue ? '（已超时）' : ''}
                </Text>
              </InfoRow>
            ) : null}
            {d.assigneeName ? (
              <InfoRow label='办理人' testId='help-assignee'>
                <Text>
                  {d.assigneeName}（{d.assigneeKind === 'staff' ? '工作人员' : '志愿者'}）
                </Text>
              </InfoRow>
            ) : null}
            {d.returnReason ? (
              <InfoRow label='退回原因'>
                <Text>{d.returnReason}</Text>
              </InfoRow>
            ) : null}
          </Card>
          <Card>
            <Text className='yl-help-detail__desc'>{d.description}</Text>
            {d.photos && d.photos.length ? (
              <View className='yl-help-detail__photos'>
                {d.photos.map((p, i) => (
                  <View
                    key={p.ref}
                    {...a11y({ role: 'button', label: `第 ${i + 1} 张照片，点开看大图` })}
                    className='yl-help-detail__photo'
                    onClick={() =>
                      void Taro.previewImage({ current: photoSrc(p.url), urls: d.photos!.map((x) => photoSrc(x.url)) })
                    }
                  >
                    <Image
                      {...a11y({ hidden: true })}
                      className='yl-help-detail__photo-img'
                      src={photoSrc(p.url)}
                      mode='aspectFill'
                    />
                  </View>
                ))}
              </View>
            ) : null}
            {!d.photos && d.photoCount ? (
              <Text className='yl-help-detail__hint'>有 {d.photoCount} 张照片，接单后可以看。</Text>
            ) : null}
          </Card>
          <Section title='联系方式'>
            <Contact d={d} />
          </Section>

          <Notice notice={notice} />

          {d.rating ? (
            <Section title='评价'>
              <Card>
                <Text className='yl-help-detail__desc' data-testid='help-rating'>
                  {'★'.repeat(d.rating.stars)} {d.rating.comment ?? ''}
                </Text>
              </Card>
            </Section>
          ) : null}

          {d.can.rate ? (
            <Section title='办得怎么样？'>
              <ChoiceGroup
                label='请打分'
                choices={STARS}
                value={stars}
                onChange={setStars}
                columns={2}
                testId='help-stars'
              />
              <TextBox
                label='想说的话（可以不写）'
                value={comment}
                onInput={setComment}
                maxlength={200}
                testId='help-comment'
              />
              <BigButton
                primary
                loading={busy}
                testId='help-rate'
                onClick={() => {
                  if (!stars) return setNotice({ tone: 'danger', text: '请先打分' })
                  void run(() => rateHelp(d.id, Number(stars), comment.trim() || undefined), after('谢谢您的评价！'))
                }}
              >
                提交评价
              </BigButton>
            </Section>
          ) : null}

          {form ? (
            <Section title={form.title}>
              <TextBox
                label={form.label}
                value={text}
                onInput={setText}
                placeholder={form.placeholder}
                error={textError}
                testId='help-form-text'
              />
              <BigButton primary loading={busy} onClick={() => void submitForm()} testId='help-form-confirm'>
                {form.confirm}
              </BigButton>
              <View className='yl-help-detail__gap' />
              <BigButton variant='plain' onClick={() => setForm(null)}>
                不了，返回
              </BigButton>
            </Section>
          ) : (
            <View className='yl-help-detail__actions'>
              {d.can.claim ? (
                <BigButton
                  primary
                  loading={busy}
                  testId='help-claim'
                  onClick={() => void run(() => claimHelp(d.id), after('您已接单，请尽快和老人联系'))}
                >
                  我来办（接单）
                </BigButton>
              ) : null}
              {d.can.accept ? (
                <BigButton
                  primary={!d.can.assign}
                  loading={busy}
                  testId='help-accept'
                  onClick={() => void run(() => acceptHelp(d.id), after('已受理'))}
                >
                  受理
                </BigButton>
              ) : null}
              {d.can.assign ? (
                <BigButton
                  primary={!d.can.accept}
                  variant={d.can.accept ? 'secondary' : 'primary'}
                  testId='help-assign'
                  onClick={() =>
                    void Taro.navigateTo({ url: `/packages/help-staff/assign/index?id=${encodeURIComponent(d.id)}` })
                  }
                >
                  {d.status === 'assigned' ? '改派给别人' : '派单'}
                </BigButton>
              ) : null}
              {d.can.start ? (
                <BigButton
                  primary
                  loading={busy}
                  testId='help-start'
                  onClick={() => void run(() => startHelp(d.id), after('已开始办理'))}
                >
                  开始办理
                </BigButton>
              ) : null}
              {d.can.complete ? (
                <BigButton primary testId='help-complete' onClick={() => openForm(FORMS.complete)}>
                  办完了
                </BigButton>
              ) : null}
              {d.can.note ? (
                <BigButton variant='secondary' testId='help-note' onClick={() => openForm(FORMS.note)}>
                  记录进展
                </BigButton>
              ) : null}
              {d.can.release ? (
                <BigButton variant='plain' testId='help-release' onClick={() => openForm(FORMS.release)}>
                  办不了，退回待派单
                </BigButton>
              ) : null}
              {d.can.return ? (
                <BigButton variant='danger' testId='help-return' onClick={() => openForm(FORMS.return)}>
                  退回
                </BigButton>
              ) : null}
              {d.can.withdraw ? (
                <BigButton variant='danger' testId='help-withdraw' onClick={() => setConfirmWithdraw(true)}>
                  不需要了，撤回求助
                </BigButton>
              ) : null}
            </View>
          )}

          <Section title='办理经过'>
            <Timeline events={d.timeline} />
          </Section>
        </View>
      ) : null}
      <ConfirmDialog
        open={confirmWithdraw}
        title='确定要撤回这条求助吗？'
        message='撤回后就不会有人来办了。如果还需要，可以再提交一次。'
        confirmLabel='撤回求助'
        danger
        onCancel={() => setConfirmWithdraw(false)}
        onConfirm={() => {
          setConfirmWithdraw(false)
          if (d) void run(() => withdrawHelp(d.id), after('求助已撤回'))
        }}
      />
    </Page>
  )
}
