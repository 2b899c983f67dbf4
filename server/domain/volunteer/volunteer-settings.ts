/**
 * Volunteer settings as configuration (`settings/volunteer`; the defaults while it is absent): the 银发人才库
 * intake age limit. The skills list is the one the help work keeps in its settings (one list for the pool, the
 * help categories and the shifts' wanted skills); points per shift are a points rule (`volunteerShift`).
 */
import { DEFAULT_INTAKE_MAX_AGE } from '../../../types/volunteer-rules'
import type { RulesReader } from '../points/points-rules'

export const VOLUNTEER_SETTINGS_ID = 'volunteer'

export interface VolunteerSettings {
  /** People younger than this may join the pool ("under 75"). */
  intakeMaxAge: number
}

export async function loadVolunteerSettings(reader: RulesReader): Promise<VolunteerSettings> {
  const doc = await reader.get('settings', VOLUNTEER_SETTINGS_ID)
  const age = doc?.value?.intakeMaxAge
  return {
    intakeMaxAge:
      typeof age === 'number' && Number.isInteger(age) && age >= 50 && age <= 100 ? age : DEFAULT_INTAKE_MAX_AGE
  }
}

/** Full years of age on a business day ('YYYY-MM-DD'); null when the birth date is not a date. */
export function ageOn(birthDate: string, day: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!b || !d) return null
  let age = Number(d[1]) - Number(b[1])
  if (`${d[2]}${d[3]}` < `${b[2]}${b[3]}`) age -= 1
  return age
}

/** Why a person may not join the pool, in words; null if they may. */
export function intakeRefusal(age: number | null, settings: VolunteerSettings): string | null {
  if (age === null || age < settings.intakeMaxAge) return null
  return `银发人才库收录 ${settings.intakeMaxAge} 岁以下的老同志，您今年 ${age} 岁，暂时不能登记特长。您仍然可以加入志愿服务队、报名志愿服务。`
}
