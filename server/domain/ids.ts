import { randomUUID } from 'node:crypto'

/** A random document id for records whose identity is not deterministic (audit entries, messages, ...). */
export function newId(prefix = ''): string {
  return prefix + randomUUID().replace(/-/g, '')
}
