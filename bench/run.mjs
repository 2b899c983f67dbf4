// npm run bench [-- name …]: every benchmark in turn; each prints its numbers and writes
// bench/results/<name>.json. TypeScript benchmarks are bundled with esbuild first (they use server code).
// Run on a quiet machine; docs/performance.md records the numbers and the machine.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { root } from './support/common.mjs'
import { buildServer } from '../scripts/build-server.mjs'

const ALL = ['checkin-burst', 'signup-race', 'sync-replay', 'cold-start', 'h5-lighthouse']
const only = process.argv.slice(2)
await buildServer()
for (const name of only.length ? only : ALL) {
  let file = path.join(root, 'bench', `${name}.mjs`)
  if (!existsSync(file)) {
    file = path.join(root, 'build/bench', `${name}.cjs`)
    await build({
      entryPoints: [path.join(root, 'bench', `${name}.ts`)],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3', 'playwright-core'],
      alias: { '@': path.join(root, 'src'), '@contract': path.join(root, 'types') },
      logLevel: 'warning'
    })
  }
  process.stdout.write(`\n▶ bench ${name}\n`)
  const res = spawnSync(process.execPath, [file], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) {
    process.stderr.write(`bench ${name} failed\n`)
    process.exit(res.status ?? 1)
  }
}
