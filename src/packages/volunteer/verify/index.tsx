import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CertificateFacts } from '@contract/actions'
import { checkCertCode, formatCertCode, hoursDecimal, hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import InfoRow from '@/components/InfoRow'
import BigButton from '@/components/BigButton'
import Notice from '@/components/Notice'
import { messageOf } from '@/services/api'
import { verifyCertificate } from '@/services/volunteer'
import ElderSwitch from '@/components/ElderSwitch'
import ScanButton from './scan-button'
import '../volunteer.scss'

const dayText = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** What was scanned or pasted: a verification address (…?code=…) or the code itself. */
function codeFrom(text: string): string {
  const m = /[?&]code=([A-Za-z0-9-]+)/.exec(text)
  return (m ? m[1] : text).trim()
}

/**
 * 证明核验 (public, no login): whoever is shown a 志愿服务证明 types its code (or opens the QR code's address)
 * and sees what the certificate really says, to compare with the paper or picture in their hand.
 */
export default function VerifyPage() {
  const { params } = useRouter()
  const [text, setText] = useState(params.code ? decodeURIComponent(params.code) : '')
  const [busy, setBusy] = useState(false)
  const [facts, setFacts] = useState<CertificateFacts | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)

  const check = (raw: string) => {
    const code = codeFrom(raw)
    setFacts(null)
    setError(null)
    const shape = checkCertCode(code)
    if (shape !== 'ok') {
      setFieldError(
        shape === 'typo'
          ? '编号有一位不对（可能抄错了），请核对后重新输入'
          : '证明编号是 16 位字母和数字，例如 K7QX-3MDP-W9TB-HR2A'
      )
      return
    }
    setFieldError(null)
    setText(formatCertCode(code))
    setBusy(true)
    verifyCertificate(code)
      .then(setFacts)
      .catch((err) => setError(messageOf(err)))
      .finally(() => setBusy(false))
  }

  useEffect(() => {
    if (params.code) check(decodeURIComponent(params.code))
  }, [params.code])

  return (
    <Page title='志愿服务证明核验' auth={false} back testId='page-volunteer-verify'>
      <View className='yl-vol__gap'>
        <ElderSwitch />
      </View>
      <Text className='yl-vol__line'>
        输入证明上的编号，看看这份证明是不是「银龄之家」出具的、写的是什么。不用登录。
      </Text>
      <View className='yl-vol__gap'>
        <Field
          label='证明编号'
          value={text}
          onInput={(v) => {
            setText(v)
            setFieldError(null)
          }}
          placeholder='例如 K7QX-3MDP-W9TB-HR2A'
          maxlength={40}
          error={fieldError}
          testId='verify-input'
        />
        <BigButton primary loading={busy} onClick={() => check(text)} testId='verify-submit'>
          核验
        </BigButton>
        <View className='yl-vol__gap'>
          <ScanButton onText={(t) => check(t)} />
        </View>
      </View>
      {error ? (
        <Notice tone='danger' title='没有核验通过' testId='verify-result'>
          <Text>{error}</Text>
        </Notice>
      ) : null}
      {facts ? (
        <View>
          <Notice tone='success' title='核验通过：这份证明是真实的' testId='verify-result'>
            <Text>请对照下面的内容，和您看到的证明是否一致。</Text>
          </Notice>
          <Card testId='verify-facts'>
            <InfoRow label='姓名'>
              <Text data-testid='verify-name'>{facts.name}</Text>
            </InfoRow>
            <InfoRow label='性别、出生年份'>
              <Text>
                {facts.gender}，{facts.birthYear}年
              </Text>
            </InfoRow>
            <InfoRow label='所在区县'>
              <Text>{facts.countyName}</Text>
            </InfoRow>
            {facts.volunteerNo ? (
              <InfoRow label='志愿者编号'>
                <Text data-testid='verify-volunteer-no'>{facts.volunteerNo}</Text>
              </InfoRow>
            ) : null}
            {facts.idMasked ? (
              <InfoRow label='身份证号（部分）'>
                <Text>{facts.idMasked}</Text>
              </InfoRow>
            ) : null}
            <InfoRow label='累计服务时长'>
              <Text data-testid='verify-total'>
                {hoursDecimal(facts.totalMinutes)} 小时（{hoursText(facts.totalMinutes)}）
              </Text>
            </InfoRow>
            <InfoRow label='服务项目'>
              {facts.items.map((i) => (
                <Text key={i.title} className='yl-vol__line'>
                  {i.title}（{i.serviceItem}）：
                  {i.firstDay === i.lastDay ? dayText(i.firstDay) : `${dayText(i.firstDay)} 至 ${dayText(i.lastDay)}`}，
                  {i.shifts} 次，{hoursDecimal(i.minutes)} 小时
                </Text>
              ))}
            </InfoRow>
            <InfoRow label='出具单位'>
              <Text>
                {facts.issuerName}
                {facts.issuerUnit ? `（${facts.issuerUnit}）` : ''}
              </Text>
            </InfoRow>
            <InfoRow label='出具日期'>
              <Text>{dayText(facts.issuedDay)}</Text>
            </InfoRow>
            <InfoRow label='证明编号'>
              <Text>{formatCertCode(facts.code)}</Text>
            </InfoRow>
          </Card>
          <Text className='yl-vol__muted'>依据{facts.regulation}出具。证明只记到出具那天的时长。</Text>
        </View>
      ) : null}
    </Page>
  )
}
