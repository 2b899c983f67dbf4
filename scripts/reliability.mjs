// npm run reliability -- --ops 50000 --seed N [--target sqlite|cloudbase|http|all]
// Bundles the faults simulation (tests/reliability/sim) with esbuild and runs it outside jest, at any size.
// See docs/sync-and-reliability.md.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'build/reliability.cjs')
await build({
  entryPoints: [path.join(root, 'tests/reliability/sim/cli.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3'],
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning'
})
const res = spawnSync(process.execPath, ['--enable-source-maps', out, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit'
})
process.exit(res.status ?? 1)
