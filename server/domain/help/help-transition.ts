/**
 * Applies one step of the status machine inside a mutation's transaction: re-reads the request, checks the
 * step is legal from its current status, bumps `version` and appends the timeline event(s) whose `_id` derives
 * from the version. Two concurrent steps on one request write the same documents, so only one can commit
 * (first committer wins on CloudBase, the write mutex on SQLite); the other re-runs and meets the new status.
 */
import { AppError } from '../../core/app-error'
import { DuplicateIdError, TxConflictError, type Tx } from '../../storage/port'
import type { HelpEventDoc, HelpRequestDoc } from '../../storage/schema'
import { eventId, impliedAccept, nextStatus, type HelpEventKind } from './status-machine'

export interface Step {
  kind: Exclude<HelpEventKind, 'submitted'>
  actorAccountId: string
  actorLabel: string
  at: number
  note?: string | null
  assigneeLabel?: string | null
  /** Fields to change besides status, version and updatedAt (computed from the fresh document). */
  patch?: (doc: HelpRequestDoc) => Partial<HelpRequestDoc>
  /** Checks against the fresh document (e.g. that the caller still is the assignee); throws to refuse. */
  guard?: (doc: HelpRequestDoc) => void
}

/**
 * A timeline event's `_id` is taken when a concurrent step committed first. Where the database reports that
 * at insert time rather than at commit, it is the same conflict: run the transaction again (it will meet the
 * new status and answer accordingly).
 */
async function createEvent(tx: Tx, e: HelpEventDoc): Promise<void> {
  try {
    await tx.create('helpEvents', e)
  } catch (err) {
    if (err instanceof DuplicateIdError) throw new TxConflictError('transaction conflict on a help request')
    throw err
  }
}

export async function applyStep(
  tx: Tx,
  id: string,
  step: Step
): Promise<{ before: HelpRequestDoc; after: HelpRequestDoc }> {
  const before = await tx.get('helpRequests', id)
  if (!before) throw new AppError('NOT_FOUND')
  step.guard?.(before)
  const to = nextStatus(step.kind, before.status)
  let version = before.version
  const event = (
    kind: HelpEventDoc['kind'],
    from: HelpRequestDoc['status'],
    toStatus: HelpRequestDoc['status'],
    extra: Partial<HelpEventDoc> = {}
  ): HelpEventDoc => ({
    _id: eventId(id, version),
    requestId: id,
    version,
    at: step.at,
    kind,
    fromStatus: from,
    toStatus,
    actorAccountId: step.actorAccountId,
    subjectPersonId: before.personId,
    actorLabel: step.actorLabel,
    note: null,
    assigneeLabel: null,
    ...extra
  })
  const patch: Partial<HelpRequestDoc> = { ...(step.patch?.(before) ?? {}) }
  if (impliedAccept(step.kind, before.status)) {
    version += 1
    await createEvent(tx, event('accepted', before.status, 'accepted'))
    patch.acceptedAt = step.at
  }
  version += 1
  await createEvent(
    tx,
    event(step.kind, before.status, to, { note: step.note ?? null, assigneeLabel: step.assigneeLabel ?? null })
  )
  const after: HelpRequestDoc = { ...before, ...patch, status: to, version, updatedAt: step.at }
  await tx.put('helpRequests', after)
  return { before, after }
}
