/**
 * `npm run reliability -- [--ops 50000] [--seed N] [--target sqlite|cloudbase|http|all] [--retirees 24] [--volunteers 6]`
 *
 * The faults simulation at any size, outside jest. Prints the seed first (replay a failure with the same
 * --seed), then one summary per target, and the first violations if any; exits 1 on a violation.
 */
import { runFaults, describeRun, type Target } from './run-faults'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`))
  return eq?.slice(name.length + 3)
}

function int(name: string, fallback: number): number {
  const v = arg(name)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a whole number, got ${v}\n`)
    process.exit(2)
  }
  return n
}

async function main() {
  const seed = int('seed', Math.floor(Math.random() * 2 ** 31))
  const ops = int('ops', 50_000)
  const which = arg('target') ?? 'all'
  const targets: Target[] = which === 'all' ? ['sqlite', 'cloudbase', 'http'] : (which.split(',') as Target[])
  for (const t of targets) {
    if (!['sqlite', 'cloudbase', 'http'].includes(t)) {
      process.stderr.write(`--target must be sqlite, cloudbase, http or all, got ${t}\n`)
      process.exit(2)
    }
  }
  process.stdout.write(`reliability: seed ${seed} (replay with --seed ${seed}), ${ops} writes per target\n`)
  let failed = false
  for (const target of targets) {
    const result = await runFaults({
      seed,
      ops,
      target,
      retirees: int('retirees', 24),
      volunteers: int('volunteers', 6),
      checkEvery: int('check-every', 500),
      log: (line) => process.stdout.write(`${line}\n`)
    })
    process.stdout.write(`${describeRun(result)}\n`)
    for (const [name, n] of Object.entries(result.report.checked))
      process.stdout.write(`    ${String(n).padStart(7)}  ${name}\n`)
    if (result.report.violations.length) {
      failed = true
      process.stdout.write(`  VIOLATIONS:\n${result.report.violations.map((v) => `    ${v}`).join('\n')}\n`)
    }
  }
  process.exit(failed ? 1 : 0)
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
