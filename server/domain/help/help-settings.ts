/**
 * Help settings: response-time targets, the skills list of the pool and which skills suit a category. One
 * document (`helpSettings/help`); while it does not exist the defaults in types/help-rules.ts apply.
 */
import {
  DEFAULT_CATEGORY_SKILLS,
  DEFAULT_HELP_TARGETS,
  DEFAULT_SKILLS,
  HELP_CATEGORIES,
  type HelpCategory
} from '../../../types/help-rules'
import type { StoragePort } from '../../storage/port'

export const HELP_SETTINGS_ID = 'help'

export interface HelpSettings {
  acceptWorkingDays: number
  urgentAcceptMinutes: number
  skills: string[]
  categorySkills: Record<HelpCategory, string[]>
}

export function defaultHelpSettings(): HelpSettings {
  return {
    ...DEFAULT_HELP_TARGETS,
    skills: [...DEFAULT_SKILLS],
    categorySkills: Object.fromEntries(HELP_CATEGORIES.map((c) => [c, [...DEFAULT_CATEGORY_SKILLS[c]]])) as Record<
      HelpCategory,
      string[]
    >
  }
}

export async function loadHelpSettings(store: Pick<StoragePort, 'get'>): Promise<HelpSettings> {
  const doc = await store.get('helpSettings', HELP_SETTINGS_ID)
  const d = defaultHelpSettings()
  if (!doc) return d
  return {
    acceptWorkingDays: doc.acceptWorkingDays,
    urgentAcceptMinutes: doc.urgentAcceptMinutes,
    skills: doc.skills?.length ? doc.skills : d.skills,
    categorySkills: { ...d.categorySkills, ...doc.categorySkills }
  }
}

/** Does a volunteer with these skills suit a request of this category? */
export function skillsMatch(skills: readonly string[], category: HelpCategory, settings: HelpSettings): string[] {
  const wanted = settings.categorySkills[category] ?? []
  return skills.filter((s) => wanted.includes(s))
}
