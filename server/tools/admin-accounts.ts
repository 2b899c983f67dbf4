/**
 * Making administrator accounts on a self-hosted deployment (`npm run admin:create`). The first one may be made
 * by whoever runs the command on the server, and only while the deployment has no administrator; every later
 * one needs an existing administrator's username and password (`--as`). Either way the new account must change
 * its password at first login (the person who typed it here is often not the person who will use it).
 */
import { DuplicateIdError, type StoragePort } from '../storage/port'
import type { AccountDoc } from '../storage/schema'
import { MIGRATIONS, stampIfEmpty } from '../storage/migrations'
import { hashPassword, verifyPassword } from '../hosts/local/passwords'
import { passwordProblem } from '../hosts/local/account-routes'

export const USERNAME_SHAPE = /^[a-z][a-z0-9_.-]{1,31}$/

/** Marks that the one unauthenticated bootstrap has been used; created in the same transaction as that admin. */
const BOOTSTRAP_ID = 'adminBootstrap'

export class AdminCreateError extends Error {}

export interface CreateAdminInput {
  username: string
  displayName?: string
  password: string
  /** An existing administrator vouching for the new one (required once any administrator exists). */
  as?: { username: string; password: string }
  now: number
}

async function localAdmins(store: StoragePort): Promise<AccountDoc[]> {
  const out: AccountDoc[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.find('accounts', {
      where: { kind: 'local' },
      orderBy: [['_id', 'asc']],
      limit: 1000,
      offset
    })
    out.push(...page.filter((a) => a.roles.includes('admin')))
    if (page.length < 1000) return out
  }
}

export async function createAdmin(
  store: StoragePort,
  input: CreateAdminInput
): Promise<{ accountId: string; bootstrap: boolean }> {
  if (!USERNAME_SHAPE.test(input.username))
    throw new AdminCreateError('用户名只能用小写字母开头，2–32 位小写字母、数字或 _ . -')
  const problem = passwordProblem(input.password)
  if (problem) throw new AdminCreateError(problem)
  await stampIfEmpty(store, MIGRATIONS, input.now)
  const accountId = `local:${input.username}`
  const bootstrap = (await localAdmins(store)).length === 0 && !(await store.get('settings', BOOTSTRAP_ID))
  if (!bootstrap) {
    if (!input.as) throw new AdminCreateError('已经有管理员了：请用 --as <管理员用户名> 并输入该管理员的密码')
    const actor = await store.get('accounts', `local:${input.as.username}`)
    if (!actor || !actor.roles.includes('admin') || !verifyPassword(input.as.password, actor.passwordHash)) {
      throw new AdminCreateError('管理员用户名或密码不对')
    }
    if (actor.mustChangePassword)
      throw new AdminCreateError(`管理员 ${input.as.username} 还没有改过初始密码：请先登录改密码`)
  }
  const account: AccountDoc = {
    _id: accountId,
    kind: 'local',
    displayName: input.displayName?.trim() || input.username,
    roles: ['admin'],
    personId: null,
    orgUnitId: null,
    phone: null,
    passwordHash: hashPassword(input.password),
    demo: null,
    createdAt: input.now,
    mustChangePassword: true
  }
  try {
    await store.transaction(async (tx) => {
      if (bootstrap) {
        // Two bootstraps at once: only one creates this document; the other fails here, before any account.
        await tx.create('settings', {
          _id: BOOTSTRAP_ID,
          value: { accountId },
          updatedAt: input.now,
          updatedBy: accountId
        })
      }
      await tx.create('accounts', account)
    })
  } catch (err) {
    if (err instanceof DuplicateIdError) {
      throw new AdminCreateError(
        bootstrap ? '另一个管理员刚刚建好了：请用 --as 再试' : `用户名 ${input.username} 已经有人用了`
      )
    }
    throw err
  }
  return { accountId, bootstrap }
}
