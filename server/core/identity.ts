/**
 * Who is calling. Hosts authenticate (a WeChat OPENID from cloud.getWXContext(), or a local session token) and
 * hand the router an account id; everything else — roles, the roster person, the staff scope — is loaded here
 * from the account record. Nothing in a payload can change it.
 */
import type { Role } from '../../types/roles'
import type { StoragePort } from '../storage/port'

export interface Identity {
  accountId: string
  /** false: a WeChat user whose account is not bound to the roster yet (may only whoami / activate). */
  registered: boolean
  displayName: string
  roles: Role[]
  personId: string | null
  /** Staff scope. */
  orgUnitId: string | null
}

export async function loadIdentity(store: Pick<StoragePort, 'get'>, accountId: string): Promise<Identity> {
  const account = await store.get('accounts', accountId)
  if (!account) {
    return { accountId, registered: false, displayName: '微信用户', roles: [], personId: null, orgUnitId: null }
  }
  return {
    accountId,
    registered: true,
    displayName: account.displayName,
    roles: account.roles,
    personId: account.personId,
    orgUnitId: account.orgUnitId
  }
}

export function hasRole(identity: Identity | null, ...roles: Role[]): boolean {
  return !!identity && identity.roles.some((r) => roles.includes(r))
}

export const isStaff = (identity: Identity | null) => hasRole(identity, 'staff', 'admin')
