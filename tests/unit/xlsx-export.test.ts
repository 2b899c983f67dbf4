/** The shared .xlsx helper every export goes through: formula-looking text stays text; times are Beijing date cells. */
import ExcelJS from 'exceljs'
import { beijingDateCell, looksLikeFormula } from '../../server/domain/export/xlsx'
import { pointsWorkbook } from '../../server/domain/points/points-export'
import type { PersonDoc } from '../../server/storage/schema'
import { beijingTime } from '../../types/time'

describe('xlsx exports', () => {
  it('knows what a spreadsheet would take for a formula', () => {
    for (const t of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=cmd', '＝1+1']) expect(looksLikeFormula(t)).toBe(true)
    for (const t of ['张桂兰', '参加「=1」', '1-2', '']) expect(looksLikeFormula(t)).toBe(false)
  })

  it('writes Beijing wall-clock time into date cells', () => {
    const at = beijingTime('2026-12-02', '17:13')
    expect(beijingDateCell(at).toISOString()).toBe('2026-12-02T17:13:00.000Z')
  })

  it('writes the points export safely: formula-looking reasons and notes as text, times as dates', async () => {
    const at = beijingTime('2026-12-01', '09:05')
    const person = { _id: 'p1', name: '=HYPERLINK("http://evil.example","点我")' } as PersonDoc
    const entry = {
      _id: 'e1',
      personId: 'p1',
      kind: 'adjustment' as const,
      amount: 2,
      reason: '@SUM(A1)',
      source: null,
      day: '2026-12-01',
      at,
      actorAccountId: 'a',
      staffAccountId: null,
      note: '-1+1'
    }
    const { buffer } = await pointsWorkbook({
      branchName: '第一党支部',
      from: '2026-12-01',
      to: '2026-12-31',
      persons: [person],
      entries: [entry],
      actorNames: new Map()
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buffer as never)
    const row = wb.getWorksheet('明细')!.getRow(2)
    for (const col of [3, 5, 7]) {
      expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String)
      expect(row.getCell(col).numFmt).toBe('@')
    }
    expect(row.getCell(5).value).toBe('@SUM(A1)')
    expect((row.getCell(2).value as Date).toISOString()).toBe('2026-12-01T09:05:00.000Z')
    expect(wb.getWorksheet('汇总')!.getRow(2).getCell(1).numFmt).toBe('@')
  })
})
