/**
 * The local host's account endpoints beyond plain login: WeChat login (self-hosted mini-program), the forced
 * password change of an account an administrator made, and the gate that holds such an account to that change.
 */
import { AppError } from '../../core/app-error'
import type { Logger } from '../../core/context'
import type { StoragePort } from '../../storage/port'
import { hashPassword, verifyPassword } from './passwords'
import { createSession, endOtherSessions } from './sessions'
import { code2Session } from './wechat-login'
import type { WechatSettings } from './serve-config'

export const MIN_PASSWORD_LENGTH = 10

/** POST /api/auth/wechat { code } -> { token }: a session for `wx:<openid>` (bound to the roster or not yet). */
export async function wechatLogin(
  store: StoragePort,
  wechat: WechatSettings | undefined,
  body: unknown,
  now: number,
  log: Logger
) {
  const { code } = (body ?? {}) as { code?: unknown }
  const { openid } = await code2Session(wechat, code, log)
  return { token: await createSession(store, `wx:${openid}`, now) }
}

/** Whether the account must change its password before anything else (made by admin:create). */
export async function mustChangePassword(store: StoragePort, accountId: string | null): Promise<boolean> {
  if (!accountId?.startsWith('local:')) return false
  const account = await store.get('accounts', accountId)
  return account?.mustChangePassword === true
}

export function passwordProblem(password: string, previous?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) return `新密码至少要 ${MIN_PASSWORD_LENGTH} 位`
  if (previous !== undefined && password === previous) return '新密码不能和原密码一样'
  return null
}

/**
 * POST /api/auth/password { oldPassword, newPassword } (signed in with a local account). Every other session of
 * the account ends; the one that made the change (`token`) stays signed in.
 */
export async function changePassword(
  store: StoragePort,
  accountId: string | null,
  body: unknown,
  now: number,
  token: string | null
): Promise<{ changed: true }> {
  if (!accountId) throw new AppError('UNAUTHENTICATED')
  const { oldPassword, newPassword } = (body ?? {}) as { oldPassword?: unknown; newPassword?: unknown }
  if (
    typeof oldPassword !== 'string' ||
    typeof newPassword !== 'string' ||
    oldPassword.length > 200 ||
    newPassword.length > 200
  ) {
    throw new AppError('VALIDATION')
  }
  const account = await store.get('accounts', accountId)
  if (!account || account.kind !== 'local' || !verifyPassword(oldPassword, account.passwordHash))
    throw new AppError('LOGIN_FAILED', '原密码不对，请重新输入')
  const problem = passwordProblem(newPassword, oldPassword)
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', `${problem}，请重新输入`)
  const passwordHash = hashPassword(newPassword)
  await store.transaction(async (tx) => {
    await tx.update('accounts', accountId, { passwordHash, mustChangePassword: false, passwordChangedAt: now })
  })
  await endOtherSessions(store, accountId, token)
  return { changed: true }
}
