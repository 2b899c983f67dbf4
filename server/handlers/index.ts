import type { HandlerTable } from '../core/context'
import { authHandlers } from './auth'
import { orgHandlers } from './org'
import { activityHandlers } from './activities'
import { pointsHandlers } from './points'
import { pointsStaffHandlers } from './points-staff'
import { pointsShopStaffHandlers } from './points-shop-staff'
import { helpHandlers } from './help'
import { helpStaffHandlers } from './help-staff'
import { helpTaskHandlers } from './help-tasks'
import { familyHandlers } from './family'
import { familyStaffHandlers } from './family-staff'
import { activityAdminHandlers } from './activity-admin'
import { signupHandlers } from './signups'
import { checkinHandlers } from './checkin'
import { messageHandlers } from './messages'
import { volunteerHandlers } from './volunteer'
import { volunteerTeamHandlers } from './volunteer-teams'
import { volunteerStaffHandlers } from './volunteer-staff'
import { volunteerShiftStaffHandlers } from './volunteer-shifts-staff'

/**
 * Every action's handler. Type-checking fails here until each action in types/actions has one. Files are split
 * by audience as the pages are (src/packages): the people the service is for, staff (`*-staff.ts`), volunteers
 * doing help tasks (`help-tasks.ts`). Who may call an action is in its contract entry, not here.
 */
export const handlers: HandlerTable = {
  ...authHandlers,
  ...orgHandlers,
  ...activityHandlers,
  ...pointsHandlers,
  ...pointsStaffHandlers,
  ...pointsShopStaffHandlers,
  ...helpHandlers,
  ...helpStaffHandlers,
  ...helpTaskHandlers,
  ...familyHandlers,
  ...familyStaffHandlers,
  ...activityAdminHandlers,
  ...signupHandlers,
  ...checkinHandlers,
  ...messageHandlers,
  ...volunteerHandlers,
  ...volunteerTeamHandlers,
  ...volunteerStaffHandlers,
  ...volunteerShiftStaffHandlers
}
