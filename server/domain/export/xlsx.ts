/**
 * The one way the server writes .xlsx exports (exceljs, loaded on first use: only staff exports need it, and in
 * the cloud function CloudBase installs it rather than the bundle carrying it).
 *
 * - **Formula injection**: every string goes in as a text cell, and one that a spreadsheet could take for a
 *   formula (starting with = + - @, or a tab or carriage return before one) also gets the Text number format
 *   '@', so opening, editing or re-saving the file never runs it. A name like "=HYPERLINK(…)" typed into a
 *   free-text field shows as those characters.
 * - **Times** are real date cells showing Beijing wall-clock time (Excel dates carry no time zone).
 */
import type { Cell, Workbook, Worksheet } from 'exceljs'
import { inBusinessTz } from '../../../types/time'

/** Could a spreadsheet read this text as a formula? */
export function looksLikeFormula(text: string): boolean {
  return /^[\t\r]*[=+\-@＝＋－＠]/.test(text)
}

/** An instant as a date cell value showing Beijing time (its UTC fields are the wall clock in Beijing). */
export function beijingDateCell(at: number): Date {
  return new Date(at + inBusinessTz(at).utcOffset() * 60_000)
}

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm'
export const DATE_FORMAT = 'yyyy-mm-dd'

export async function newWorkbook(created?: number): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '银龄之家'
  if (created !== undefined) wb.created = new Date(created)
  return wb
}

/** Makes one cell safe: strings that look like formulas become explicit text. */
export function guardCell(cell: Cell): void {
  const v = cell.value
  if (typeof v === 'string' && looksLikeFormula(v)) {
    cell.numFmt = '@'
  } else if (v && typeof v === 'object' && 'formula' in v) {
    // No export writes formulas; anything that does is a bug, never a user's text.
    throw new Error('exports never write formulas')
  }
}

/** Guards every cell of every sheet, then writes the workbook. Every export ends here. */
export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  wb.eachSheet((ws: Worksheet) =>
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, guardCell))
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
