/**
 * The activity form's state, as staff fill it in (days, clock times, words), and its translation to the
 * contract's fields (instants in Beijing time). Kept free of Taro so it is tested on its own.
 */
import type { ActivityDetail, ActivityFields, Audience, OrgUnitInfo } from '@contract/actions'
import { ACTIVITY_TYPES, type ActivityType } from '@contract/activity-types'
import { addDays, beijingTime, businessDay, formatClock } from '@contract/time'

export type DeadlineChoice = 'start' | '1h' | '1d' | '3d' | 'keep'
export const DEADLINE_LABELS: Record<Exclude<DeadlineChoice, 'keep'>, string> = {
  start: '开始时',
  '1h': '开始前 1 小时',
  '1d': '开始前 1 天',
  '3d': '开始前 3 天'
}
const DEADLINE_MS: Record<Exclude<DeadlineChoice, 'keep'>, number> = {
  start: 0,
  '1h': 3600_000,
  '1d': 24 * 3600_000,
  '3d': 3 * 24 * 3600_000
}

export interface FormState {
  title: string
  type: ActivityType
  description: string
  place: string
  day: string
  start: string
  end: string
  deadline: DeadlineChoice
  keptDeadline: number | null
  capacity: string
  points: string
  audience: Audience['kind']
  audienceUnit: string
  audienceBranch: string
  orgUnitId: string
  opensBeforeMin: number
  allowWalkIn: boolean
  contactPhone: string
}

/** The units a staff member may use: their own and the ones below it. */
export function unitsInScope(units: OrgUnitInfo[], ownUnitId: string | null, admin: boolean): OrgUnitInfo[] {
  if (admin) return units
  return units.filter((u) => u.id === ownUnitId || u.parentId === ownUnitId)
}

export function emptyForm(unit: OrgUnitInfo | undefined, now: number): FormState {
  return {
    title: '',
    type: ACTIVITY_TYPES[0],
    description: '',
    place: '',
    day: addDays(businessDay(now), 1),
    start: '09:00',
    end: '11:00',
    deadline: '1h',
    keptDeadline: null,
    capacity: '',
    points: '',
    audience: unit?.kind === 'county' ? 'county' : 'all',
    audienceUnit: unit?.kind === 'county' ? unit.id : '',
    audienceBranch: '',
    orgUnitId: unit?.id ?? '',
    opensBeforeMin: 30,
    allowWalkIn: true,
    contactPhone: unit?.liaisonPhone ?? ''
  }
}

export function formFromActivity(a: ActivityDetail): FormState {
  const offset = a.startAt - a.signupDeadline
  const preset = (Object.keys(DEADLINE_MS) as Exclude<DeadlineChoice, 'keep'>[]).find((k) => DEADLINE_MS[k] === offset)
  return {
    title: a.title,
    type: a.type,
    description: a.description,
    place: a.place,
    day: businessDay(a.startAt),
    start: formatClock(a.startAt),
    end: formatClock(a.endAt),
    deadline: preset ?? 'keep',
    keptDeadline: preset ? null : a.signupDeadline,
    capacity: a.capacity === null ? '' : String(a.capacity),
    points: a.customPoints === null ? '' : String(a.customPoints),
    audience: a.audience.kind,
    audienceUnit: a.audience.kind === 'county' ? a.audience.orgUnitId : '',
    audienceBranch: a.audience.kind === 'branch' ? a.audience.branchId : '',
    orgUnitId: a.orgUnitId,
    opensBeforeMin: a.checkinOpensBeforeMin,
    allowWalkIn: a.allowWalkIn,
    contactPhone: a.contactPhone ?? ''
  }
}

export type FormErrors = Partial<Record<keyof FormState, string>>

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN)

export function toFields(f: FormState): { ok: true; fields: ActivityFields } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {}
  const title = f.title.trim()
  if (!title) errors.title = '请填写活动名称'
  else if (title.length > 60) errors.title = '活动名称请少于 60 个字'
  const place = f.place.trim()
  if (!place) errors.place = '请填写地点'
  const startAt = beijingTime(f.day, f.start)
  const endAt = beijingTime(f.day, f.end)
  if (!(endAt > startAt)) errors.end = '结束时间要晚于开始时间'
  let capacity: number | null = null
  if (f.capacity.trim()) {
    capacity = whole(f.capacity)
    if (!(capacity >= 1 && capacity <= 5000)) errors.capacity = '名额请填 1 到 5000 之间的整数，不限名额就空着'
  }
  let points: number | null = null
  if (f.points.trim()) {
    points = whole(f.points)
    if (!(points >= 0 && points <= 100)) errors.points = '积分请填 0 到 100 之间的整数，按类型默认就空着'
  }
  const phone = f.contactPhone.trim()
  if (phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone)) errors.contactPhone = '电话号码格式不对，例如 0937-2612101'
  let audience: Audience = { kind: 'all' }
  if (f.audience === 'county') {
    if (!f.audienceUnit) errors.audience = '请选择区县'
    audience = { kind: 'county', orgUnitId: f.audienceUnit }
  } else if (f.audience === 'branch') {
    if (!f.audienceBranch) errors.audience = '请选择党支部'
    audience = { kind: 'branch', branchId: f.audienceBranch }
  } else if (f.audience === 'party') {
    audience = { kind: 'party' }
  }
  if (!f.orgUnitId) errors.orgUnitId = '请选择主办单位'
  if (f.description.length > 2000) errors.description = '说明请少于 2000 字'
  const signupDeadline =
    f.deadline === 'keep' && f.keptDeadline !== null
      ? f.keptDeadline
      : startAt - DEADLINE_MS[f.deadline === 'keep' ? '1h' : f.deadline]
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    fields: {
      title,
      type: f.type,
      description: f.description.trim(),
      place,
      startAt,
      endAt,
      signupDeadline: Math.min(signupDeadline, endAt),
      capacity,
      points,
      audience,
      orgUnitId: f.orgUnitId,
      checkinOpensBeforeMin: f.opensBeforeMin,
      allowWalkIn: f.allowWalkIn,
      contactPhone: phone || null
    }
  }
}
