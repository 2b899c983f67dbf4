/**
 * Every write made while acting for an elder (代办) leaves an audit entry with the actor (who pressed) and the
 * subject (for whom), written by the router in the mutation's own transaction — whichever domain's handler
 * ran. "What was done for me" (family.doneForMe) reads these. Only ids and short enumerations of the input are
 * kept: free text and contact details stay in the record itself.
 */
import type { AuditDoc } from '../storage/schema'

const KEEP = /^(id|[a-z]+Id|category|urgency|stars|relation|type|kind|status)$/
const DROP = /address|phone|name/i

export function auditInput(input: unknown): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  if (typeof input !== 'object' || input === null) return out
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (!KEEP.test(k) || DROP.test(k)) continue
    if ((typeof v === 'string' && v.length <= 64) || typeof v === 'number' || typeof v === 'boolean') out[k] = v
  }
  return out
}

export function proxyAuditEntry(a: {
  mutationKey: string
  at: number
  actorAccountId: string
  subjectPersonId: string
  action: string
  input: unknown
  result: unknown
}): AuditDoc {
  const resultId =
    typeof a.result === 'object' && a.result !== null && typeof (a.result as { id?: unknown }).id === 'string'
      ? (a.result as { id: string }).id
      : null
  return {
    _id: `proxy:${a.mutationKey}`,
    at: a.at,
    actorAccountId: a.actorAccountId,
    subjectPersonId: a.subjectPersonId,
    action: a.action,
    target: 'proxy',
    detail: { input: auditInput(a.input), ...(resultId ? { resultId } : {}) }
  }
}
