/**
 * Old names of actions renamed to the `<domain>.staff.<verb>` rule (docs/architecture.md, "Names"). A phone may
 * still hold writes queued under an old name when the app is upgraded, and an old app may call the new server:
 * for one release the router answers an old name as the new one (its idempotency record is kept under the new
 * name, and a record the previous release made under the old name still answers a replay), and the app renames
 * what its outbox kept (src/store, persisted version 3) so its pages show those writes as 待同步. Remove after
 * the release that follows the rename. Dependency-free: the mini-program reads it.
 */
import type { ActionName } from './actions'

export const RENAMED_ACTIONS: Readonly<Record<string, ActionName>> = {
  'person.issueActivationCode': 'person.staff.issueActivationCode',
  'activity.manageList': 'activity.staff.list',
  'activity.create': 'activity.staff.create',
  'activity.update': 'activity.staff.update',
  'activity.publish': 'activity.staff.publish',
  'activity.cancel': 'activity.staff.cancel',
  'activity.roster': 'activity.staff.roster',
  'activity.checkinCode': 'activity.staff.checkinCode',
  'activity.exportAttendance': 'activity.staff.exportAttendance',
  'points.setRules': 'points.staff.setRules',
  'help.queue': 'help.staff.queue',
  'help.accept': 'help.staff.accept',
  'help.return': 'help.staff.return',
  'help.suggestAssignees': 'help.staff.suggestAssignees',
  'help.assign': 'help.staff.assign',
  'help.settingsUpdate': 'help.staff.settingsUpdate',
  'family.staffBindings': 'family.staff.bindings',
  'family.searchPersons': 'family.staff.searchPersons',
  'checkin.staffScan': 'checkin.staff.scan',
  'checkin.proxy': 'checkin.staff.proxy',
  'volunteer.desk': 'volunteer.staff.desk',
  'volunteer.teamSave': 'volunteer.staff.teamSave',
  'volunteer.activitySave': 'volunteer.staff.activitySave',
  'volunteer.activityPublish': 'volunteer.staff.activityPublish',
  'volunteer.shiftSave': 'volunteer.staff.shiftSave',
  'volunteer.shiftCancel': 'volunteer.staff.shiftCancel',
  'volunteer.shiftRoster': 'volunteer.staff.shiftRoster',
  'volunteer.shiftCode': 'volunteer.staff.shiftCode',
  'volunteer.staffScan': 'volunteer.staff.scan',
  'volunteer.staffMark': 'volunteer.staff.mark',
  'volunteer.correctHours': 'volunteer.staff.correctHours',
  'volunteer.confirmHours': 'volunteer.staff.confirmHours',
  'volunteer.settleShift': 'volunteer.staff.settleShift',
  'volunteer.searchPool': 'volunteer.staff.searchPool',
  'volunteer.settingsUpdate': 'volunteer.staff.settingsUpdate'
}

/** The action's current name: an old name maps to the new one, anything else is returned as it is. */
export function currentActionName(name: string): string {
  return Object.prototype.hasOwnProperty.call(RENAMED_ACTIONS, name) ? RENAMED_ACTIONS[name] : name
}
