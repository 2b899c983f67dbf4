/**
 * A fingerprint of everything stored, to prove a refused call changed nothing. The processed-mutation records
 * (`mutations`) are left out: a refusal of a mutation is recorded there on purpose (so a replay gets the same
 * refusal); it is the idempotency record, not business data. Sessions are left out too (the HTTP host's login).
 */
import { createHash } from 'node:crypto'
import type { StoragePort } from '../../../server/storage/port'
import { COLLECTION_NAMES, type CollectionName } from '../../../server/storage/schema'
import { findAll } from '../sim/invariants'

const SKIP: CollectionName[] = ['mutations', 'sessions']

export async function stateDigest(store: StoragePort): Promise<string> {
  const hash = createHash('sha256')
  for (const c of COLLECTION_NAMES) {
    if (SKIP.includes(c)) continue
    hash.update(`${c}\n`)
    for (const doc of await findAll(store, c)) hash.update(`${JSON.stringify(doc)}\n`)
  }
  return hash.digest('hex')
}

/** Which collections differ between two moments (for a readable failure). */
export async function snapshot(store: StoragePort): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const c of COLLECTION_NAMES) {
    if (SKIP.includes(c)) continue
    out.set(c, JSON.stringify(await findAll(store, c)))
  }
  return out
}

export function changedCollections(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a.keys()].filter((c) => a.get(c) !== b.get(c))
}
