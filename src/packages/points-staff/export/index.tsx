import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { businessDay } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import StatusTag from '@/components/StatusTag'
import { messageOf } from '@/services/api'
import { staffExport } from '@/services/points'
import BranchPicker from '../branch-picker'
import { saveXlsx } from './save-xlsx'
import './index.scss'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A branch's points for a period as an Excel workbook (汇总 + 明细), made on the server. */
export default function ExportPage() {
  const today = businessDay(Date.now())
  const [branch, setBranch] = useState('')
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const run = async () => {
    if (!branch) return setResult({ ok: false, text: '请先选一个党支部' })
    if (!DAY.test(from) || !DAY.test(to)) return setResult({ ok: false, text: '日期请写成 2026-01-01 这样' })
    setBusy(true)
    setResult(null)
    try {
      const r = await staffExport(branch, from, to)
      const text = await saveXlsx(r.filename, r.base64)
      setResult({ ok: true, text: `${text}（明细 ${r.rows} 条）` })
    } catch (err) {
      setResult({ ok: false, text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title='导出积分表' testId='page-points-export'>
      <BranchPicker value={branch} onChange={(id) => setBranch(id)} />
      <Field label='从哪天' value={from} onInput={setFrom} maxlength={10} testId='export-from' />
      <Field label='到哪天' value={to} onInput={setTo} maxlength={10} testId='export-to' />
      <BigButton primary loading={busy} onClick={() => void run()} testId='export-run'>
        导出 Excel
      </BigButton>
      <View className='yl-pts__gap' />
      {result ? (
        <Card tone='highlight' testId='export-result'>
          <StatusTag tone={result.ok ? 'success' : 'danger'}>{result.ok ? '已导出' : '没有导出'}</StatusTag>
          <Text className='yl-pts__line'>{result.text}</Text>
        </Card>
      ) : null}
      <Text className='yl-pts__label'>
        表里有两页：“汇总”是每人的期初、获得、使用、期末积分；“明细”是每一条积分记录。
      </Text>
    </Page>
  )
}
