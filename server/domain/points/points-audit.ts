/** The audit record of a points change made by staff or the admin (who, for whom, what, before and after). */
import type { AuditDoc } from '../../storage/schema'
import { newId } from '../ids'

export async function audit(
  tx: { create: (c: 'audit', d: AuditDoc) => Promise<void> },
  a: {
    at: number
    actor: string
    subject: string | null
    action: string
    target: string
    detail: Record<string, unknown>
  }
) {
  await tx.create('audit', {
    _id: newId('au_'),
    at: a.at,
    actorAccountId: a.actor,
    subjectPersonId: a.subject,
    action: a.action,
    target: a.target,
    detail: a.detail
  })
}
