/**
 * 志愿服务: reads through query(), writes through the outbox (mutate()). Viewing, shift sign-ups, team requests
 * and certificates go out for the elder while a family member acts for them (代办); scanning and the skills
 * profile are always the caller's own, and so is everything staff do (types/proxy-actions.ts decides).
 */
import type { ShiftFields, TeamFields, VolunteerActivityFields } from '@contract/actions'
import type { ShiftDirection } from '@contract/volunteer-rules'
import { mutate, query } from './api'

export const volunteerActivities = () => query('volunteer.activities', {})
export const volunteerActivity = (id: string) => query('volunteer.activity', { id })
export const myShifts = () => query('volunteer.mine', {})
export const myHours = () => query('volunteer.hours', {})
export const teams = () => query('volunteer.teams', {})
export const team = (id: string) => query('volunteer.team', { id })

export const signUpShift = (shiftId: string, title: string) =>
  mutate('volunteer.signup', { shiftId }, { label: `报名志愿服务${title}` })
export const cancelShift = (shiftId: string, title: string) =>
  mutate('volunteer.cancelSignup', { shiftId }, { label: `取消志愿服务${title}` })
export const joinTeam = (teamId: string, name: string, note = '') =>
  mutate('volunteer.joinTeam', { teamId, note }, { label: `申请加入「${name}」` })
export const leaveTeam = (teamId: string, name: string) =>
  mutate('volunteer.leaveTeam', { teamId }, { label: `退出「${name}」` })
export const issueCertificate = (personId?: string) =>
  mutate('volunteer.issueCertificate', personId ? { personId } : {}, { label: '开具志愿服务证明' })

/** Public: works without logging in. */
export const verifyCertificate = (code: string) => query('volunteer.verifyCertificate', { code })

export const myProfile = () => query('volunteer.profile', {})
export const saveProfile = (input: { skills: string[]; availability: string; available: boolean }) =>
  mutate('volunteer.saveProfile', input, { label: '保存我的特长' })

// Team leaders and staff: always as themselves.
export const decideJoin = (teamId: string, personId: string, name: string, approve: boolean, reason = '') =>
  mutate(
    'volunteer.decideJoin',
    { teamId, personId, approve, reason },
    { label: `${approve ? '同意' : '不同意'} ${name} 入队` }
  )

export const volunteerDesk = () => query('volunteer.staff.desk', {})
export const saveTeam = (fields: TeamFields, id?: string) =>
  mutate('volunteer.staff.teamSave', { id, fields }, { label: `${id ? '修改' : '新建'}队伍「${fields.name}」` })
export const saveVolunteerActivity = (fields: VolunteerActivityFields, id?: string) =>
  mutate(
    'volunteer.staff.activitySave',
    { id, fields },
    { label: `${id ? '修改' : '新建'}志愿活动「${fields.title}」` }
  )
export const publishVolunteerActivity = (id: string, title: string) =>
  mutate('volunteer.staff.activityPublish', { id }, { label: `发布志愿活动「${title}」` })
export const saveShift = (activityId: string, fields: ShiftFields, shiftId?: string) =>
  mutate('volunteer.staff.shiftSave', { activityId, shiftId, fields }, { label: `${shiftId ? '修改' : '添加'}班次` })
export const cancelShiftAsStaff = (shiftId: string, reason: string) =>
  mutate('volunteer.staff.shiftCancel', { shiftId, reason }, { label: '取消班次' })
export const shiftRoster = (shiftId: string) => query('volunteer.staff.shiftRoster', { shiftId })
export const shiftCode = (shiftId: string, direction: ShiftDirection) =>
  query('volunteer.staff.shiftCode', { shiftId, direction })
export const staffScanShift = (shiftId: string, direction: ShiftDirection, token: string, scannedAt: number) =>
  mutate(
    'volunteer.staff.scan',
    { shiftId, direction, token, scannedAt },
    { label: direction === 'in' ? '为志愿者扫码签到' : '为志愿者扫码签退' }
  )
export const staffMarkShift = (
  shiftId: string,
  personId: string,
  name: string,
  direction: ShiftDirection,
  reason: string,
  at?: number
) =>
  mutate(
    'volunteer.staff.mark',
    { shiftId, personId, direction, reason, at },
    { label: `${direction === 'in' ? '代签到' : '代签退'}：${name}` }
  )
export const correctHours = (shiftId: string, personId: string, name: string, minutes: number, reason: string) =>
  mutate('volunteer.staff.correctHours', { shiftId, personId, minutes, reason }, { label: `更正时长：${name}` })
export const confirmHours = (shiftId: string, personId: string, name: string) =>
  mutate('volunteer.staff.confirmHours', { shiftId, personId }, { label: `核对无误：${name}` })
export const searchPool = (input: { skill?: string; orgUnitId?: string; q?: string; availableOnly?: boolean }) =>
  query('volunteer.staff.searchPool', input)
export const volunteerSettings = () => query('volunteer.settings', {})
export const updateVolunteerSettings = (intakeMaxAge: number) =>
  mutate('volunteer.staff.settingsUpdate', { intakeMaxAge }, { label: '修改志愿服务设置' })

export const volunteerActivityUrl = (id: string) => `/packages/volunteer/activity/index?id=${encodeURIComponent(id)}`
export const teamUrl = (id: string) => `/packages/volunteer/team/index?id=${encodeURIComponent(id)}`
export const staffShiftUrl = (id: string) => `/packages/volunteer-staff/shift/index?id=${encodeURIComponent(id)}`
