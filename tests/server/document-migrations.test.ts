/**
 * Versioned document migrations on a copy of the demo deployment, on every adapter (SQLite, the CloudBase
 * stand-in, and CloudBase through the real wx-server-sdk): a field renamed and a field added, paged through
 * in small pages, the schema version recorded, a second run changing nothing, and a run that dies half-way
 * finished by running it again without rewriting a document twice.
 */
import { runMigrations, schemaVersion, type DocMigration } from '../../server/storage/migrations/document-migrations'
import { ADAPTERS_WITH_REAL_SDK } from '../support/adapters'
import { makeHarness, type Harness } from '../support/harness'

jest.setTimeout(120_000)

type Json = Record<string, unknown>

function renameFormerUnit(onEach: () => void = () => undefined): DocMigration<'persons'> {
  return {
    version: 1,
    collection: 'persons',
    description: 'persons.formerUnit → persons.workUnit',
    up(doc) {
      if (!('formerUnit' in doc)) return null
      onEach()
      const { formerUnit, ...rest } = doc
      return { ...rest, workUnit: formerUnit } as never
    }
  }
}

const addChannel: DocMigration<'messages'> = {
  version: 2,
  collection: 'messages',
  description: 'messages.channel (default in-app)',
  up: (doc) => ('channel' in doc ? null : ({ ...doc, channel: 'in-app' } as never))
}

describe.each(ADAPTERS_WITH_REAL_SDK)('document migrations on $name', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  const all = async (c: 'persons' | 'messages') => (await h.store.find(c, { limit: 1000 })) as unknown as Json[]

  it('renames and adds fields on every stored document, records the version, and a second run changes nothing', async () => {
    const before = await all('persons')
    const messages = (await all('messages')).length
    expect(before.length).toBeGreaterThan(10)
    const lines: string[] = []
    const first = await runMigrations(h.store, [renameFormerUnit(), addChannel], {
      now: h.clock.now(),
      pageSize: 7,
      log: (l) => lines.push(l)
    })
    expect(first).toEqual({ from: 0, to: 2, changed: { 1: before.length, 2: messages } })
    expect(await schemaVersion(h.store)).toBe(2)
    const after = await all('persons')
    for (const p of after) {
      expect(p).not.toHaveProperty('formerUnit')
      expect(p.workUnit).toBe(before.find((b) => b._id === p._id)!.formerUnit)
    }
    expect((await all('messages')).every((m) => m.channel === 'in-app')).toBe(true)
    expect(lines).toHaveLength(2)

    const second = await runMigrations(h.store, [renameFormerUnit(), addChannel], { now: h.clock.now(), pageSize: 7 })
    expect(second).toEqual({ from: 2, to: 2, changed: {} })
  })

  it('finishes a run that died half-way when run again, rewriting no document twice', async () => {
    const total = (await all('persons')).length
    let rewritten = 0
    const dying = renameFormerUnit(() => {
      if (rewritten === 5) throw new Error('the function timed out')
      rewritten += 1
    })
    await expect(runMigrations(h.store, [dying], { now: h.clock.now(), pageSize: 4 })).rejects.toThrow('timed out')
    expect(await schemaVersion(h.store)).toBe(0)
    const again = await runMigrations(h.store, [renameFormerUnit()], { now: h.clock.now(), pageSize: 4 })
    expect(again.changed).toEqual({ 1: total - 5 })
    expect(await schemaVersion(h.store)).toBe(1)
    expect((await all('persons')).every((p) => 'workUnit' in p && !('formerUnit' in p))).toBe(true)
  })

  it('refuses migrations whose versions have gaps', async () => {
    await expect(runMigrations(h.store, [addChannel], { now: h.clock.now() })).rejects.toThrow('expected 1')
  })
})
