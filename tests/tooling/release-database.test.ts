/**
 * release:database against a fake of the CloudBase management API (@cloudbase/manager-node's database and
 * permission calls, keeping state like the console would): the first run creates what is missing, a second run
 * changes nothing, and a half-prepared environment gets only what it lacks.
 */
import { COLLECTION_NAMES, type CollectionName } from '../../server/storage/schema'
import { indexPlan, releaseDatabase, type DatabaseManager } from '../../server/tools/release-database'

function fakeManager() {
  const collections = new Map<string, Set<string>>()
  const rules = new Map<string, string>()
  const writes: string[] = []
  const manager: DatabaseManager = {
    database: {
      checkCollectionExists: async (name) => ({ Exists: collections.has(name) }),
      createCollection: async (name) => {
        if (collections.has(name)) throw new Error(`ResourceInUse: collection ${name} exists`)
        writes.push(`create ${name}`)
        collections.set(name, new Set(['_id_']))
        // A new collection's rule in the console defaults to "creator may read and write".
        rules.set(name, 'PRIVATE')
      },
      describeCollection: async (name) => {
        const ix = collections.get(name)
        if (!ix) throw new Error(`ResourceNotFound: ${name}`)
        return { Indexes: [...ix].map((Name) => ({ Name })) }
      },
      updateCollection: async (name, info) => {
        for (const ix of info.CreateIndexes) {
          if (collections.get(name)!.has(ix.IndexName)) throw new Error(`index ${ix.IndexName} exists`)
          expect(ix.MgoKeySchema.MgoIndexKeys.every((k) => k.Direction === '1' || k.Direction === '-1')).toBe(true)
          collections.get(name)!.add(ix.IndexName)
          writes.push(`index ${name}.${ix.IndexName}`)
        }
      }
    },
    permission: {
      describeResourcePermission: async ({ resources }) => ({
        Data: {
          PermissionList: resources.filter((r) => rules.has(r)).map((r) => ({ Resource: r, Permission: rules.get(r) }))
        }
      }),
      modifyResourcePermission: async ({ resource, permission }) => {
        writes.push(`rule ${resource} ${permission}`)
        rules.set(resource, permission)
      }
    }
  }
  return { manager, collections, rules, writes }
}

const allIndexes = (c: CollectionName) => indexPlan(c).map((ix) => ix.name)

describe('release:database', () => {
  it('creates every collection, its indexes and a closed rule; a second run changes nothing', async () => {
    const fake = fakeManager()
    const first = await releaseDatabase(fake.manager)
    expect([...fake.collections.keys()].sort()).toEqual([...COLLECTION_NAMES].sort())
    for (const c of COLLECTION_NAMES) {
      expect([...fake.collections.get(c)!].sort()).toEqual(['_id_', ...allIndexes(c)].sort())
      expect(fake.rules.get(c)).toBe('ADMINONLY')
    }
    const indexCount = COLLECTION_NAMES.reduce((n, c) => n + allIndexes(c).length, 0)
    expect(first.changed).toBe(COLLECTION_NAMES.length * 2 + indexCount)

    fake.writes.length = 0
    const second = await releaseDatabase(fake.manager)
    expect(second.changed).toBe(0)
    expect(fake.writes).toEqual([])
    expect(second.steps[second.steps.length - 1]).toBe('done: nothing to change')
  })

  it('on a half-prepared environment adds only what is missing', async () => {
    const fake = fakeManager()
    fake.collections.set('helpRequests', new Set(['_id_', 'idx_personId_asc']))
    fake.rules.set('helpRequests', 'READONLY')
    fake.collections.set('messages', new Set(['_id_', ...allIndexes('messages')]))
    fake.rules.set('messages', 'ADMINONLY')
    await releaseDatabase(fake.manager)
    expect(fake.writes).not.toContain('create helpRequests')
    expect(fake.writes).not.toContain('create messages')
    expect(fake.writes).not.toContain('index helpRequests.idx_personId_asc')
    expect(fake.writes).toContain('index helpRequests.idx_orgUnitId_asc_status_asc_createdAt_asc')
    expect(fake.writes).toContain('rule helpRequests ADMINONLY')
    expect(fake.writes.filter((w) => w.includes(' messages'))).toEqual([])
  })

  it('plans a composite index for each filter-and-sort query named, on fields the collection has', () => {
    for (const c of COLLECTION_NAMES) {
      const names = allIndexes(c)
      expect(new Set(names).size).toBe(names.length)
    }
    expect(allIndexes('messages')).toEqual(
      expect.arrayContaining(['idx_toAccountId_asc_at_desc', 'idx_toPersonId_asc_at_desc'])
    )
  })

  it('dry run (no manager) lists every step and calls nothing', async () => {
    const lines: string[] = []
    const res = await releaseDatabase(null, (l) => lines.push(l))
    expect(res.changed).toBe(0)
    expect(lines.filter((l) => l.includes('security rule: ADMINONLY'))).toHaveLength(COLLECTION_NAMES.length)
  })
})
