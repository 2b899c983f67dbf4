import type { HandlerTable } from '../core/context'
import { authHandlers } from './auth'
import { orgHandlers } from './org'
import { activityHandlers } from './activities'
import { pointsHandlers } from './points'
import { helpHandlers } from './help'
import { familyHandlers } from './family'
import { activityAdminHandlers } from './activity-admin'
import { signupHandlers } from './signups'
import { checkinHandlers } from './checkin'
import { messageHandlers } from './messages'
import { volunteerHandlers } from './volunteer'
import { volunteerStaffHandlers } from './volunteer-staff'

/** Every action's handler. Type-checking fails here until each action in types/actions has one. */
export const handlers: HandlerTable = {
  ...authHandlers,
  ...orgHandlers,
  ...activityHandlers,
  ...pointsHandlers,
  ...helpHandlers,
  ...familyHandlers,
  ...activityAdminHandlers,
  ...signupHandlers,
  ...checkinHandlers,
  ...messageHandlers,
  ...volunteerHandlers,
  ...volunteerStaffHandlers
}
