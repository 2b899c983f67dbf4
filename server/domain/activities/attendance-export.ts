/**
 * The attendance list as an .xlsx workbook (exceljs, server side only), returned base64-encoded inside the
 * envelope: both hosts answer JSON, and a list of a few hundred rows is a few tens of KB.
 *
 * Written through the shared export helper (../export/xlsx.ts): text that looks like a formula stays text, and
 * the check-in time is a real date cell in Beijing time.
 */
import type { ActivityRoster, AttendanceExport } from '../../../types/actions/activities'
import { CHECKIN_METHOD_LABELS } from '../../../types/activity-types'
import { businessDay, formatClock, formatDateTime } from '../../../types/time'
import { DATE_TIME_FORMAT, beijingDateCell, newWorkbook, workbookBuffer } from '../export/xlsx'

const SIGNUP_LABELS = { signed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const

export async function attendanceWorkbook(roster: ActivityRoster, now: number): Promise<AttendanceExport> {
  const a = roster.activity
  const wb = await newWorkbook(now)
  const ws = wb.addWorksheet('签到表', { views: [{ state: 'frozen', ySplit: 4 }] })
  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'name', width: 12 },
    { key: 'unit', width: 18 },
    { key: 'branch', width: 26 },
    { key: 'signup', width: 10 },
    { key: 'checkin', width: 10 },
    { key: 'at', width: 20, style: { numFmt: DATE_TIME_FORMAT } },
    { key: 'method', width: 14 },
    { key: 'note', width: 32 }
  ]
  ws.mergeCells('A1:I1')
  ws.getCell('A1').value = `${a.title} 签到表`
  ws.getCell('A1').font = { bold: true, size: 16 }
  ws.mergeCells('A2:I2')
  ws.getCell('A2').value =
    `时间：${formatDateTime(a.startAt)}–${formatClock(a.endAt)}　地点：${a.place}　主办：${a.orgUnitName}`
  ws.mergeCells('A3:I3')
  ws.getCell('A3').value =
    `报名 ${roster.signedCount} 人，候补 ${roster.waitlistCount} 人，签到 ${roster.checkedInCount} 人。导出时间：${formatDateTime(now)}`
  const header = ws.addRow(['序号', '姓名', '区县', '党支部', '报名', '签到', '签到时间', '签到方式', '备注'])
  header.font = { bold: true }
  let no = 0
  for (const e of roster.entries) {
    no += 1
    const notes = [
      e.checkin?.walkIn ? '现场报名' : null,
      e.checkin?.offline ? '离线补传' : null,
      e.checkin?.reason ? `代签原因：${e.checkin.reason}` : null,
      e.checkin?.by ? `操作人：${e.checkin.by}` : null,
      e.signup === 'waitlisted' && e.waitlistPosition ? `候补第 ${e.waitlistPosition} 位` : null
    ].filter(Boolean)
    ws.addRow([
      no,
      e.name,
      e.orgUnitName,
      e.branchName ?? '',
      SIGNUP_LABELS[e.signup],
      e.checkin ? '已签到' : '未签到',
      e.checkin ? beijingDateCell(e.checkin.at) : '',
      e.checkin ? CHECKIN_METHOD_LABELS[e.checkin.method] : '',
      notes.join('；')
    ])
  }
  const buffer = await workbookBuffer(wb)
  const safeTitle = a.title.replace(/[\\/:*?"<>|\s]+/g, '')
  return {
    filename: `${safeTitle}-签到表-${businessDay(a.startAt)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
    rows: no
  }
}
