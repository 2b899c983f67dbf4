import type { ActionName, Actions } from './actions'

/** The actions whose contract entry says `proxy: true`. */
export type ProxyActionName = { [A in ActionName]: Actions[A]['proxy'] extends true ? A : never }[ActionName]

/**
 * 代办: every action a bound family member may do for an elder — the one list of them. It repeats the `proxy: true`
 * of the entries in types/actions so that the mini-program can read it without bundling zod; the `satisfies`
 * below makes the type-check fail until the two agree both ways (tests/unit/proxy-actions.test.ts checks the
 * values as well). The router refuses `actingFor` on any other action (PROXY_NOT_ALLOWED); the client sends
 * `actingFor` only with these (src/services/api.ts); the authorization table checks its 代办 columns against it.
 */
export const PROXY_ACTIONS = {
  'activity.list': true,
  'activity.get': true,
  'points.summary': true,
  'points.history': true,
  'points.catalogue': true,
  'points.myRedemptions': true,
  'help.rules': true,
  'help.create': true,
  'help.mine': true,
  'help.get': true,
  'help.withdraw': true,
  'help.rate': true,
  'help.revealContact': true,
  'signup.create': true,
  'signup.cancel': true,
  'signup.mine': true,
  'volunteer.teams': true,
  'volunteer.team': true,
  'volunteer.joinTeam': true,
  'volunteer.leaveTeam': true,
  'volunteer.activities': true,
  'volunteer.activity': true,
  'volunteer.signup': true,
  'volunteer.cancelSignup': true,
  'volunteer.mine': true,
  'volunteer.hours': true,
  'volunteer.issueCertificate': true
} as const satisfies Record<ProxyActionName, true>

/** May `action` be done for an elder (代办)? */
export function mayActFor(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROXY_ACTIONS, action)
}
