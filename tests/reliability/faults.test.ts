/**
 * Nothing lost, nothing doubled: phones with the real sync engine make thousands of real writes through a
 * network that drops, duplicates, reorders and fails them, on both storage adapters and through the real HTTP
 * host; after the network heals and everything syncs, the server's records are checked (sim/invariants.ts).
 *
 * The seed is printed; RELIABILITY_SEED=<n> replays it. `npm run reliability -- --ops 50000 --seed <n>` runs more.
 */
import { seedFromEnv } from './sim/prng'
import { describeRun, runFaults, type Target } from './sim/run-faults'

jest.setTimeout(300_000)

const seed = seedFromEnv()
// 5,600 writes in all: 2,500 on each adapter through the router, 600 through the HTTP host; and 400 on CloudBase
// through the real wx-server-sdk client (each write there is several signed HTTP requests to the local wire).
const RUNS: [Target, number][] = [
  ['sqlite', 2500],
  ['cloudbase', 2500],
  ['http', 600],
  ['cloudbase-sdk', 400]
]

describe('faults: every write applied exactly once, nothing lost, ledgers balance', () => {
  it.each(RUNS)('on %s, %i writes', async (target, ops) => {
    const result = await runFaults({ seed, ops, target, checkEvery: 200 })
    process.stdout.write(`${describeRun(result)}\n`)
    expect(result.report.violations).toEqual([])
    expect(result.ops).toBeGreaterThanOrEqual(ops)
    // The run really was hostile, and really did things.
    for (const kind of ['drop-request', 'drop-response', 'duplicate', 'delay', 'server-error', 'offline'] as const)
      expect(result.faults[kind]).toBeGreaterThan(0)
    // Every area's writes were applied, volunteer shifts (sign-ups and scans) among them.
    const areas = new Set(Object.keys(result.outcomes.appliedBy).map((a) => a.split('.')[0]))
    expect([...areas].sort()).toEqual(expect.arrayContaining(['checkin', 'help', 'points', 'signup', 'volunteer']))
    expect(result.restarts).toBeGreaterThan(0)
    expect(result.outcomes.applied).toBeGreaterThan(ops / 4)
    expect(Object.keys(result.report.checked).length).toBeGreaterThanOrEqual(15)
  })
})
