/**
 * In-app messages (站内消息): written inside the transaction of the event they report (a waitlist promotion, an
 * activity cancelled, a help request dispatched), so a message exists exactly when its event happened.
 */
import type { Tx } from '../../storage/port'
import { newId } from '../ids'

export interface MessageInput {
  /** To a roster person: every account of that person sees it. */
  toPersonId?: string
  /** To one account (a family member, a staff member). */
  toAccountId?: string
  title: string
  body: string
  link?: string
  at: number
  /** Deterministic id when the same event must not message twice (e.g. `promoted:<signupId>`). */
  id?: string
}

export async function sendMessage(tx: Tx, m: MessageInput): Promise<void> {
  await tx.put('messages', {
    _id: m.id ?? newId('msg_'),
    toPersonId: m.toPersonId ?? null,
    toAccountId: m.toAccountId ?? null,
    title: m.title,
    body: m.body,
    link: m.link ?? null,
    at: m.at,
    readAt: null
  })
}
