import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import {
  HELP_CATEGORIES,
  HELP_PERIOD_LABELS,
  MAX_HELP_PHOTOS,
  type HelpCategory,
  type HelpPeriod,
  type HelpUrgency
} from '@contract/help-rules'
import { addDays, businessDay } from '@contract/time'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import Field from '@/components/Field'
import TextBox from '@/components/TextBox'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import Notice from '@/components/Notice'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { messageOf } from '@/services/api'
import { createHelpRequest, helpDetailUrl, helpRules } from '@/services/help'
import { pickPhotos, uploadPhoto, type PickedPhoto } from '@/services/photos'
import './index.scss'

type DayChoice = 'soon' | 'today' | 'tomorrow' | 'after'
const DAY_CHOICES: { value: DayChoice; label: string }[] = [
  { value: 'soon', label: '尽快' },
  { value: 'today', label: '今天' },
  { value: 'tomorrow', label: '明天' },
  { value: 'after', label: '后天' }
]
const PERIODS = (Object.keys(HELP_PERIOD_LABELS) as HelpPeriod[]).map((p) => ({
  value: p,
  label: HELP_PERIOD_LABELS[p]
}))

interface PhotoSlot {
  key: string
  preview: string
  ref: string | null
  error: string | null
}

function dayOf(choice: DayChoice): string | null {
  const today = businessDay(Date.now())
  return choice === 'soon' ? null : addDays(today, choice === 'today' ? 0 : choice === 'tomorrow' ? 1 : 2)
}

/**
 * The duty phone, one tap away, before anything else on the page: nobody should wait for an app in an emergency.
 * Until the county's duty phone has loaded, the bureau's liaison phone stands in.
 */
function UrgentCall({ phone }: { phone: string | null }) {
  return (
    <View {...a11y({ role: 'group', label: '紧急情况' })} className='yl-help-new__urgent' data-testid='urgent-call'>
      <Text className='yl-help-new__urgent-text'>情况紧急？不要等，直接打电话：</Text>
      {phone ? (
        <BigButton
          variant='primary'
          primary
          onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}
          testId='call-duty'
          ariaLabel={`拨打值班电话 ${phone}`}
        >
          <View className='yl-help-new__call'>
            <Text className='yl-help-new__call-label'>拨打值班电话</Text>
            <Text className='yl-help-new__call-number'>{phone}</Text>
          </View>
        </BigButton>
      ) : null}
      <Text className='yl-help-new__urgent-text'>有生命危险请打 120 或 110。</Text>
    </View>
  )
}

export default function HelpNewPage() {
  const actingFor = useAppStore((s) => s.actingFor)
  const rules = useRemote(() => helpRules(), [actingFor?.personId])
  const [category, setCategory] = useState<HelpCategory | null>(null)
  const [description, setDescription] = useState('')
  const [day, setDay] = useState<DayChoice>('soon')
  const [period, setPeriod] = useState<HelpPeriod>('any')
  const [address, setAddress] = useState('')
  const [phone, setPhone] = useState('')
  const [urgency, setUrgency] = useState<HelpUrgency>('normal')
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [errors, setErrors] = useState<Record<string, string | null>>({})
  const { busy, notice, setNotice, run } = useSubmit()

  useEffect(() => {
    if (rules.data?.defaultPhone && !phone) setPhone(rules.data.defaultPhone)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rules.data?.defaultPhone])

  const liaison = useAppStore((s) => s.me?.liaisonPhone ?? null)
  const dutyPhone = rules.data?.dutyPhone ?? liaison
  const uploading = photos.some((p) => !p.ref && !p.error)

  async function addPhotos() {
    let picked: PickedPhoto[]
    try {
      picked = await pickPhotos(MAX_HELP_PHOTOS - photos.length)
    } catch {
      return // the user closed the picker
    }
    const slots = picked.map((p, i) => ({ key: `${Date.now()}-${i}`, preview: p.preview, ref: null, error: null }))
    setPhotos((cur) => [...cur, ...slots].slice(0, MAX_HELP_PHOTOS))
    await Promise.all(
      picked.map(async (p, i) => {
        const key = slots[i].key
        try {
          const ref = await uploadPhoto(p)
          setPhotos((cur) => cur.map((s) => (s.key === key ? { ...s, ref } : s)))
        } catch (err) {
          setPhotos((cur) => cur.map((s) => (s.key === key ? { ...s, error: messageOf(err) } : s)))
        }
      })
    )
  }

  function validate(): boolean {
    const e: Record<string, string | null> = {
      category: category ? null : '请选一类',
      description: description.trim().length >= 4 ? null : '请多写几个字，说清楚需要什么帮助',
      address: address.trim().length >= 4 ? null : '请写清楚住址，接单的人要上门',
      phone: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone.trim()) ? null : '请写一个能打通的电话，比如 13912345678'
    }
    setErrors(e)
    return Object.values(e).every((v) => !v)
  }

  async function submit() {
    if (!validate()) {
      setNotice({ tone: 'danger', text: '还有没填好的地方，请看红字提示' })
      return
    }
    if (uploading) {
      setNotice({ tone: 'warning', text: '照片还在上传，请稍等再提交' })
      return
    }
    await run(
      () =>
        createHelpRequest({
          category: category!,
          description: description.trim(),
          photos: photos.filter((p) => p.ref).map((p) => p.ref!),
          preferredDay: dayOf(day),
          preferredPeriod: period,
          address: address.trim(),
          phone: phone.trim(),
          urgency
        }),
      {
        onApplied: (data) => void Taro.redirectTo({ url: `${helpDetailUrl(data.id)}&new=1` }),
        queued: '网络不好，求助已保存在手机上，有网时会自动提交。着急请直接打值班电话。'
      }
    )
  }

  return (
    <Page title={actingFor ? `为「${actingFor.name}」求助` : '我要求助'} testId='page-help-new'>
      <UrgentCall phone={dutyPhone} />
      <Section title='需要什么帮助'>
        <ChoiceGroup
          label='请选一类'
          choices={HELP_CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
          columns={2}
          error={errors.category}
          testId='help-category'
        />
        <TextBox
          label='说说具体情况'
          value={description}
          onInput={setDescription}
          maxlength={1000}
          placeholder='比如：下周二上午要去医院复查，想请人陪同挂号、取药'
          error={errors.description}
          testId='help-description'
        />
        <View className='yl-help-new__photos'>
          <Text className='yl-help-new__label'>照片（可以不拍，最多 {MAX_HELP_PHOTOS} 张）</Text>
          <View className='yl-help-new__photo-row'>
            {photos.map((p) => (
              <View key={p.key} className='yl-help-new__photo'>
                <Image
                  className='yl-help-new__photo-img'
                  src={p.preview}
                  mode='aspectFill'
                  {...a11y({ hidden: true })}
                />
                <Text className='yl-help-new__photo-state'>{p.error ? '没传上' : p.ref ? '✓ 已上传' : '上传中…'}</Text>
                <View
                  {...a11y({ role: 'button', label: '删掉这张照片' })}
                  className='yl-help-new__photo-del'
                  onClick={() => setPhotos((cur) => cur.filter((s) => s.key !== p.key))}
                >
                  <Text>删掉</Text>
                </View>
              </View>
            ))}
          </View>
          {photos.some((p) => p.error) ? (
            <Notice notice={{ tone: 'danger', text: photos.find((p) => p.error)!.error! }} testId='photo-error' />
          ) : null}
          {photos.length < MAX_HELP_PHOTOS ? (
            <BigButton variant='secondary' onClick={() => void addPhotos()} testId='help-add-photo'>
              拍照或选照片
            </BigButton>
          ) : null}
        </View>
      </Section>
      <Section title='希望什么时候'>
        <ChoiceGroup label='哪一天' choices={DAY_CHOICES} value={day} onChange={setDay} testId='help-day' />
        <ChoiceGroup label='什么时间' choices={PERIODS} value={period} onChange={setPeriod} testId='help-period' />
      </Section>
      <Section title='在哪里、怎么联系'>
        <Card tone='muted'>
          <Text className='yl-help-new__privacy'>住址和电话只有工作人员和接单的人能看到，每次查看都有记录。</Text>
        </Card>
        <Field
          label='住址'
          value={address}
          onInput={setAddress}
          maxlength={120}
          placeholder='比如：肃州区某某小区 3 号楼 401'
          error={errors.address}
          testId='help-address'
        />
        <Field
          label='联系电话'
          value={phone}
          onInput={setPhone}
          type='number'
          maxlength={13}
          placeholder='比如：13912345678'
          error={errors.phone}
          testId='help-phone'
        />
      </Section>
      <Section title='急不急'>
        <ChoiceGroup
          label='紧急程度'
          choices={[
            { value: 'normal', label: '一般' },
            { value: 'urgent', label: '紧急' }
          ]}
          value={urgency}
          onChange={setUrgency}
          testId='help-urgency'
        />
        {urgency === 'urgent' && dutyPhone ? (
          <BigButton variant='danger' onClick={() => void Taro.makePhoneCall({ phoneNumber: dutyPhone })}>
            紧急的事，先打电话 {dutyPhone}
          </BigButton>
        ) : null}
      </Section>
      <Notice notice={notice} />
      <View className='yl-help-new__submit'>
        <BigButton primary loading={busy} onClick={() => void submit()} testId='help-submit'>
          提交求助
        </BigButton>
      </View>
      {rules.data ? (
        <Section title='规则'>
          <Card tone='muted'>
            {rules.data.rules.map((r) => (
              <Text key={r} className='yl-help-new__rule'>
                · {r}
              </Text>
            ))}
          </Card>
        </Section>
      ) : null}
    </Page>
  )
}
