// npm run bench: every benchmark in turn; each prints its numbers and writes bench/results/<name>.json.
// Run on a quiet machine; docs/performance.md records the numbers and the machine.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { root } from './support/common.mjs'

const ALL = ['checkin-burst', 'signup-race', 'sync-replay', 'cold-start', 'h5-lighthouse']
const only = process.argv.slice(2)
for (const name of only.length ? only : ALL) {
  const file = path.join(root, 'bench', `${name}.mjs`)
  process.stdout.write(`\n▶ bench ${name}\n`)
  const res = spawnSync(process.execPath, [file], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) {
    process.stderr.write(`bench ${name} failed\n`)
    process.exit(res.status ?? 1)
  }
}
