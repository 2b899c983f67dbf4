/**
 * `npm run release:database`: makes a CloudBase environment's database what the `api` function expects, with
 * @cloudbase/manager-node (the management API, not the function's wx-server-sdk):
 * - every collection in schema.ts exists;
 * - the indexes: one per field in INDEXES, and the composite ones below where a query filters and sorts
 *   (field order: equality filters first, then the sort field, as MongoDB wants);
 * - the security rule of every collection is ADMINONLY: no mini-program client may read or write it directly,
 *   all access goes through the `api` function (which has admin rights).
 * Each step first looks at what is there and changes only what differs, so a second run changes nothing.
 * `--dry-run` prints every step it would take without any network.
 */
import { COLLECTION_NAMES, INDEXES, type CollectionName } from '../storage/schema'

type Dir = 1 | -1
export interface IndexSpec {
  name: string
  keys: [string, Dir][]
}

/** Filter-and-sort queries of the handlers (server/handlers, server/domain), one index each. */
export const COMPOSITE_INDEXES: Partial<Record<CollectionName, [string, Dir][][]>> = {
  activities: [
    [
      ['status', 1],
      ['startAt', 1]
    ],
    [
      ['orgUnitId', 1],
      ['startAt', 1]
    ]
  ],
  signups: [
    [
      ['personId', 1],
      ['createdAt', -1]
    ]
  ],
  audit: [
    [
      ['subjectPersonId', 1],
      ['at', -1]
    ]
  ],
  familyBindings: [
    [
      ['accountId', 1],
      ['status', 1],
      ['createdAt', 1]
    ],
    [
      ['personId', 1],
      ['status', 1],
      ['createdAt', 1]
    ]
  ],
  messages: [
    [
      ['toAccountId', 1],
      ['at', -1]
    ],
    [
      ['toPersonId', 1],
      ['at', -1]
    ]
  ],
  pointsLedger: [
    [
      ['personId', 1],
      ['at', -1]
    ]
  ],
  rewardItems: [
    [
      ['status', 1],
      ['orgUnitId', 1],
      ['price', 1]
    ]
  ],
  redemptions: [
    [
      ['personId', 1],
      ['createdAt', -1]
    ],
    [
      ['status', 1],
      ['createdAt', 1]
    ]
  ],
  persons: [
    [
      ['orgUnitId', 1],
      ['name', 1]
    ],
    [
      ['branchId', 1],
      ['partyMember', 1],
      ['name', 1]
    ]
  ],
  helpRequests: [
    [
      ['personId', 1],
      ['createdAt', -1]
    ],
    [
      ['assigneeAccountId', 1],
      ['createdAt', -1]
    ],
    [
      ['orgUnitId', 1],
      ['status', 1],
      ['createdAt', 1]
    ]
  ],
  helpEvents: [
    [
      ['requestId', 1],
      ['version', 1]
    ]
  ],
  volunteerActivities: [
    [
      ['orgUnitId', 1],
      ['updatedAt', -1]
    ]
  ],
  volunteerShifts: [
    [
      ['activityId', 1],
      ['startAt', 1]
    ],
    [
      ['status', 1],
      ['startAt', 1]
    ]
  ],
  shiftSignups: [
    [
      ['personId', 1],
      ['createdAt', -1]
    ]
  ],
  hoursLedger: [
    [
      ['personId', 1],
      ['seq', -1]
    ]
  ]
}

const indexName = (keys: [string, Dir][]) => `idx_${keys.map(([f, d]) => `${f}_${d === 1 ? 'asc' : 'desc'}`).join('_')}`

export function indexPlan(c: CollectionName): IndexSpec[] {
  const out: IndexSpec[] = INDEXES[c].map((f) => ({ name: indexName([[f, 1]]), keys: [[f, 1]] as [string, Dir][] }))
  for (const keys of COMPOSITE_INDEXES[c] ?? []) out.push({ name: indexName(keys), keys })
  return out
}

/** The part of @cloudbase/manager-node's CloudBase object this uses (tests give a fake of it). */
export interface DatabaseManager {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>
    createCollection(name: string): Promise<unknown>
    describeCollection(name: string): Promise<{ Indexes?: { Name: string }[] }>
    updateCollection(
      name: string,
      info: {
        CreateIndexes: {
          IndexName: string
          MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] }
        }[]
      }
    ): Promise<unknown>
  }
  permission: {
    describeResourcePermission(o: {
      resourceType: 'collection'
      resources: string[]
    }): Promise<{ Data: { PermissionList: { Resource?: string; Permission?: string }[] } }>
    modifyResourcePermission(o: {
      resourceType: 'collection'
      resource: string
      permission: 'ADMINONLY'
    }): Promise<unknown>
  }
}

export interface ReleaseDatabaseResult {
  steps: string[]
  changed: number
}

/** With `manager` null it is a dry run: every step printed, nothing looked up, nothing changed. */
export async function releaseDatabase(
  manager: DatabaseManager | null,
  print: (line: string) => void = () => undefined
): Promise<ReleaseDatabaseResult> {
  const steps: string[] = []
  let changed = 0
  const step = (line: string) => {
    steps.push(line)
    print(line)
  }
  for (const c of COLLECTION_NAMES) {
    const plan = indexPlan(c)
    if (!manager) {
      step(`[dry run] collection ${c}: create if missing`)
      for (const ix of plan)
        step(
          `[dry run]   index ${ix.name} (${ix.keys.map(([f, d]) => `${f} ${d === 1 ? 'asc' : 'desc'}`).join(', ')}): create if missing`
        )
      step(`[dry run]   security rule: ADMINONLY (clients may not read or write; only the api function)`)
      continue
    }
    if (!(await manager.database.checkCollectionExists(c)).Exists) {
      await manager.database.createCollection(c)
      changed += 1
      step(`collection ${c}: created`)
    } else step(`collection ${c}: exists`)
    const have = new Set(((await manager.database.describeCollection(c)).Indexes ?? []).map((i) => i.Name))
    const missing = plan.filter((ix) => !have.has(ix.name))
    if (missing.length) {
      await manager.database.updateCollection(c, {
        CreateIndexes: missing.map((ix) => ({
          IndexName: ix.name,
          MgoKeySchema: {
            MgoIsUnique: false,
            MgoIndexKeys: ix.keys.map(([f, d]) => ({ Name: f, Direction: String(d) }))
          }
        }))
      })
      changed += missing.length
      step(`  indexes created: ${missing.map((ix) => ix.name).join(', ')}`)
    } else step(`  indexes: all ${plan.length} present`)
    const rules = (await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: [c] }))
      .Data.PermissionList
    if (rules.find((r) => r.Resource === c)?.Permission !== 'ADMINONLY') {
      await manager.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: c,
        permission: 'ADMINONLY'
      })
      changed += 1
      step(`  security rule: set to ADMINONLY`)
    } else step(`  security rule: ADMINONLY`)
  }
  step(changed ? `done: ${changed} changes` : 'done: nothing to change')
  return { steps, changed }
}
