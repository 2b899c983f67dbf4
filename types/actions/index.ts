import type { z } from 'zod'
import type { ActionKind, ActionSpec } from '../define'
import { authActions } from './auth'
import { orgActions } from './org'
import { activityActions } from './activities'
import { pointsActions } from './points'
import { helpActions } from './help'
import { familyActions } from './family'
import { signupActions } from './signups'
import { checkinActions } from './checkin'
import { messageActions } from './messages'
import { volunteerActions } from './volunteer'

/**
 * Every action of the `api` function. Adding a domain: define its actions in a file beside this one and spread
 * them here; the server's handler table then fails to type-check until each new action has a handler.
 */
export const ACTIONS = {
  ...authActions,
  ...orgActions,
  ...activityActions,
  ...pointsActions,
  ...helpActions,
  ...familyActions,
  ...signupActions,
  ...checkinActions,
  ...messageActions,
  ...volunteerActions
} as const

export type Actions = typeof ACTIONS
export type ActionName = keyof Actions

/** What the client sends (before defaults are applied). */
export type ActionInput<A extends ActionName> = z.input<Actions[A]['input']>
/** What the handler receives (after validation and defaults). */
export type ActionParsed<A extends ActionName> = z.output<Actions[A]['input']>
export type ActionOutput<A extends ActionName> =
  Actions[A] extends ActionSpec<z.ZodType, infer O, ActionKind> ? O : never

export type MutationName = { [A in ActionName]: Actions[A]['kind'] extends 'mutation' ? A : never }[ActionName]
export type QueryName = Exclude<ActionName, MutationName>

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}

export type { Me, PersonSummary } from './auth'
export type { OrgUnitInfo } from './org'
export type {
  ActivityCard,
  ActivityDetail,
  ActivityFields,
  ActivityRoster,
  ActivityType,
  AttendanceExport,
  Audience,
  CheckinMethod,
  ManagedActivity,
  RosterEntry,
  RotatingCode
} from './activities'
export type { MySignup, SignupResult, SignupStatus } from './signups'
export type { CheckinResult } from './checkin'
export type { MessageItem } from './messages'
export type {
  HistoryItem,
  HistoryMonth,
  LedgerPerson,
  PointsRules,
  PointsSummary,
  RedemptionView,
  RewardItemView,
  StarInfo,
  StarRow
} from './points'
export type {
  AssigneeCandidate,
  HelpCan,
  HelpCard,
  HelpChange,
  HelpDetail,
  HelpEventView,
  HelpQueue,
  HelpRules,
  HelpSettingsView,
  VolunteerTasks
} from './help'
export type { DoneForMeItem, ElderBinding, FamilyMemberBinding, PersonHit } from './family'
export type {
  CertificateFacts,
  CertificateItem,
  CertificateView,
  FlaggedHours,
  HoursItem,
  HoursView,
  ManagedVolunteerActivity,
  MyAttendance,
  MyShifts,
  PoolHit,
  ProfilePage,
  RosterLine,
  ShiftCard,
  ShiftFields,
  ShiftRoster,
  ShiftScanResult,
  ShiftSignupResult,
  TeamCard,
  TeamDetail,
  TeamFields,
  TeamMemberView,
  VolunteerActivityCard,
  VolunteerActivityDetail,
  VolunteerActivityFields,
  VolunteerDesk,
  VolunteerProfileView,
  VolunteerSettingsView
} from './volunteer'
