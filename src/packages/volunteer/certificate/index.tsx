import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { CertificateView } from '@contract/actions'
import { certWhoText, formatCertCode, hoursDecimal, hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import BigButton from '@/components/BigButton'
import Notice, { type NoticeValue } from '@/components/Notice'
import QrCode from '@/components/QrCode'
import { a11y } from '@/components/a11y'
import { useSubmit } from '@/hooks/use-submit'
import { issueCertificate } from '@/services/volunteer'
import { useAppStore } from '@/store'
import { dayText, daySpanText, issuedText } from './draw'
import { saveCertificateImage } from './save-image'
import { verifyQrText } from './verify-link'
import CertCanvas from './cert-canvas'
import '../volunteer.scss'

function CertificateCard({ cert, qrText }: { cert: CertificateView; qrText: string }) {
  return (
    <View className='yl-cert' data-testid='certificate'>
      <Text {...a11y({ role: 'heading', level: 2 })} className='yl-cert__title'>
        志愿服务证明
      </Text>
      <Text className='yl-cert__para' data-testid='cert-who'>
        兹证明 {certWhoText(cert)}参加志愿服务，截至{dayText(cert.throughDay)}累计服务 {hoursDecimal(cert.totalMinutes)}{' '}
        小时。服务项目如下：
      </Text>
      {cert.items.map((i) => (
        <View key={i.title} className='yl-cert__item' data-testid='cert-item'>
          <Text className='yl-cert__item-title'>
            {i.title}：{hoursDecimal(i.minutes)} 小时
          </Text>
          <Text className='yl-cert__item-line'>
            {i.serviceItem} · {daySpanText(i.firstDay, i.lastDay)} · {i.shifts} 次
          </Text>
        </View>
      ))}
      <Text className='yl-cert__total' data-testid='cert-total'>
        合计：{hoursDecimal(cert.totalMinutes)} 小时（{hoursText(cert.totalMinutes)}）
      </Text>
      <Text className='yl-cert__item-line'>本证明依据{cert.regulation}出具。</Text>
      <View className='yl-vol__gap'>
        <Text className='yl-cert__sign'>
          出具单位：{cert.issuerName}
          {cert.issuerUnit ? `（${cert.issuerUnit}）` : ''}
        </Text>
        <Text className='yl-cert__sign'>出具日期：{dayText(cert.issuedDay)}</Text>
      </View>
      <View className='yl-vol__gap'>
        <Text className='yl-cert__item-line'>证明编号</Text>
        <Text className='yl-cert__code' data-testid='cert-code'>
          {formatCertCode(cert.code)}
        </Text>
        <Text className='yl-cert__item-line'>核验：扫下面的二维码，或在「银龄之家」志愿服务 → 证明核验 输入编号。</Text>
        <View className='yl-cert__qr'>
          <QrCode text={qrText} label={`核验二维码，证明编号 ${formatCertCode(cert.code)}`} testId='cert-qr' />
        </View>
      </View>
    </View>
  )
}

/**
 * 志愿服务证明: issued from the hours ledger (the same hours give the same certificate and code), shown on the
 * page in big type, and saved as an image (weapp: the album; h5: a PNG download).
 */
export default function CertificatePage() {
  const { params } = useRouter()
  const personId = params.personId
  const actingFor = useAppStore((s) => s.actingFor)
  const [cert, setCert] = useState<CertificateView | null>(null)
  const submit = useSubmit()
  const [saving, setSaving] = useState(false)
  // What saving or copying the picture said (what issuing said is submit.notice).
  const [notice, setNotice] = useState<(NoticeValue & { setting?: boolean }) | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const qrText = cert ? verifyQrText(cert.verifyPath, cert.code) : ''

  const issue = () => {
    setNotice(null)
    void submit.run(() => issueCertificate(personId), {
      queued: '现在网络不好，有网时会自动开具，请稍后再打开这一页',
      onApplied: setCert
    })
  }

  const save = () => {
    if (!cert) return
    setSaving(true)
    submit.setNotice(null)
    setPreview(null)
    saveCertificateImage(cert, qrText)
      .then((r) => {
        setNotice({ tone: r.ok ? 'success' : 'danger', text: r.message, setting: r.needsSetting })
        if (r.preview) setPreview(r.preview)
      })
      .catch(() => setNotice({ tone: 'danger', text: '没有保存成功，请再点一次' }))
      .finally(() => setSaving(false))
  }

  return (
    <Page title='志愿服务证明' testId='page-volunteer-certificate'>
      {!cert ? (
        <Card>
          <Text className='yl-vol__line'>
            {actingFor ? `按${actingFor.name}的` : personId ? '按这位老同志的' : '按您的'}
            志愿服务时长记录开具证明，写明服务项目、时间和时长，由老干部局出具。
          </Text>
          <Text className='yl-vol__line'>开具后可以保存成图片，交给需要的单位；对方凭证明编号可以核验真假。</Text>
        </Card>
      ) : null}
      <Notice notice={notice ?? submit.notice} testId='cert-result' />
      {notice?.setting ? (
        <BigButton variant='secondary' onClick={() => void Taro.openSetting()} testId='open-setting'>
          去设置
        </BigButton>
      ) : null}
      {!cert ? (
        <BigButton primary loading={submit.busy} onClick={issue} testId='cert-issue'>
          开具证明
        </BigButton>
      ) : (
        <View>
          <Text className='yl-vol__muted'>
            {cert.reused ? '时长没有变化，这是之前开具的同一份证明。' : '这是新开具的证明。'}
            {issuedText(cert)}开具。
          </Text>
          <View className='yl-vol__gap'>
            <BigButton primary loading={saving} onClick={save} testId='cert-save'>
              保存为图片
            </BigButton>
          </View>
          <View className='yl-vol__gap'>
            <CertificateCard cert={cert} qrText={qrText} />
          </View>
          <View className='yl-vol__gap'>
            <BigButton
              variant='secondary'
              testId='cert-copy'
              onClick={() =>
                void Taro.setClipboardData({ data: formatCertCode(cert.code) })
                  .then(() => setNotice({ tone: 'success', text: `证明编号 ${formatCertCode(cert.code)} 已复制` }))
                  .catch(() => setNotice({ tone: 'danger', text: '没有复制成功，请再点一次' }))
              }
            >
              复制证明编号
            </BigButton>
          </View>
          {preview ? (
            <View className='yl-vol__gap'>
              <Image
                className='yl-vol__preview'
                src={preview}
                mode='widthFix'
                nativeProps={{ alt: `志愿服务证明图片，${cert.name}，合计 ${hoursDecimal(cert.totalMinutes)} 小时` }}
                data-testid='cert-preview'
              />
            </View>
          ) : null}
        </View>
      )}
      <CertCanvas />
    </Page>
  )
}
