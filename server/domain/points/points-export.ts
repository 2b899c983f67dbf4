/**
 * A branch's points for a period as an .xlsx workbook: a 汇总 sheet (one row per person: opening balance,
 * earned, spent, expired, closing balance) and a 明细 sheet (every entry in the period, in plain words).
 * Built on the server (exceljs never reaches the mini-program) through the shared export helper
 * (../export/xlsx.ts: formula-looking text stays text; times are date cells in Beijing time).
 */
import type { PersonDoc, PointsEntryDoc } from '../../storage/schema'
import { ENTRY_KIND_LABELS } from '../../../types/points-words'
import { DATE_TIME_FORMAT, beijingDateCell, newWorkbook, workbookBuffer } from '../export/xlsx'
import { classify } from './points-read'

export interface ExportInput {
  branchName: string
  from: string
  to: string
  persons: PersonDoc[]
  /** Every entry of these persons (any day): the opening balance needs the ones before `from`. */
  entries: PointsEntryDoc[]
  actorNames: Map<string, string>
}

export async function pointsWorkbook(input: ExportInput): Promise<{ buffer: Buffer; rows: number }> {
  const wb = await newWorkbook()
  const summary = wb.addWorksheet('汇总')
  summary.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '期初积分', key: 'opening', width: 12 },
    { header: '获得', key: 'earned', width: 10 },
    { header: '使用', key: 'spent', width: 10 },
    { header: '到期', key: 'expired', width: 10 },
    { header: '期末积分', key: 'closing', width: 12 }
  ]
  const detail = wb.addWorksheet('明细')
  detail.columns = [
    { header: '日期', key: 'day', width: 12 },
    { header: '时间', key: 'at', width: 20, style: { numFmt: DATE_TIME_FORMAT } },
    { header: '姓名', key: 'name', width: 12 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '事项', key: 'text', width: 40 },
    { header: '积分', key: 'amount', width: 8 },
    { header: '说明', key: 'note', width: 36 },
    { header: '经办人', key: 'actor', width: 14 }
  ]
  const byPerson = new Map<string, PointsEntryDoc[]>()
  for (const e of input.entries) {
    const list = byPerson.get(e.personId) ?? []
    list.push(e)
    byPerson.set(e.personId, list)
  }
  let rows = 0
  const persons = [...input.persons].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  for (const p of persons) {
    const list = (byPerson.get(p._id) ?? []).sort((a, b) => a.at - b.at)
    let opening = 0
    let earned = 0
    let spent = 0
    let expired = 0
    for (const e of list) {
      if (e.day < input.from) {
        opening += e.amount
        continue
      }
      if (e.day > input.to) continue
      const cls = classify(e)
      if (cls === 'earn') earned += e.amount
      else if (cls === 'spend') spent -= e.amount
      else expired -= e.amount
      detail.addRow({
        day: e.day,
        at: beijingDateCell(e.at),
        name: p.name,
        kind: ENTRY_KIND_LABELS[e.kind],
        text: e.reason,
        amount: e.amount,
        note: e.note ?? '',
        actor: input.actorNames.get(e.staffAccountId ?? e.actorAccountId) ?? ''
      })
      rows += 1
    }
    summary.addRow({ name: p.name, opening, earned, spent, expired, closing: opening + earned - spent - expired })
  }
  summary.addRow({})
  summary.addRow({ name: `${input.branchName}　${input.from} 至 ${input.to}` })
  for (const sheet of [summary, detail]) sheet.getRow(1).font = { bold: true }
  const buffer = await workbookBuffer(wb)
  return { buffer, rows }
}
