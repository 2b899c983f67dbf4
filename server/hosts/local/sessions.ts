/**
 * Local-host sessions: a random bearer token; only its SHA-256 is stored, so a copied database does not hand
 * out live sessions. (On CloudBase there are no sessions: identity is the OPENID WeChat attaches to the call.)
 */
import { createHash, randomBytes } from 'node:crypto'
import type { StoragePort } from '../../storage/port'

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(store: StoragePort, accountId: string, now: number): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await store.transaction(async (tx) => {
    await tx.create('sessions', { _id: digest(token), accountId, createdAt: now, expiresAt: now + SESSION_TTL_MS })
  })
  return token
}

/** The account id behind a bearer token, or null if it is unknown or expired. */
export async function accountForToken(store: StoragePort, token: string | null, now: number): Promise<string | null> {
  if (!token || token.length > 100) return null
  const session = await store.get('sessions', digest(token))
  if (!session || session.expiresAt < now) return null
  return session.accountId
}

export async function endSession(store: StoragePort, token: string): Promise<void> {
  await store.transaction(async (tx) => tx.remove('sessions', digest(token)))
}

/**
 * Ends every session of an account except the one whose token is `keep` (the one that just changed the
 * password): a changed password must lock out whoever else knew the old one, at once.
 */
export async function endOtherSessions(store: StoragePort, accountId: string, keep: string | null): Promise<number> {
  const kept = keep ? digest(keep) : null
  let ended = 0
  for (;;) {
    const batch = (await store.find('sessions', { where: { accountId }, limit: 200 })).filter((s) => s._id !== kept)
    if (batch.length === 0) return ended
    await store.transaction(async (tx) => {
      for (const s of batch) await tx.remove('sessions', s._id)
    })
    ended += batch.length
  }
}
