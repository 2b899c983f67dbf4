// npm run screenshots: builds h5 if its sources changed, bundles scripts/screenshots.ts and runs it (see there).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'
import { ensureTaroBuild, root } from './build-stamp.mjs'

ensureTaroBuild('h5')
const outfile = path.join(root, 'build/screenshots.cjs')
await build({
  entryPoints: [path.join(root, 'scripts/screenshots.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'playwright-core', '@axe-core/playwright'],
  logLevel: 'warning'
})
const res = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, YL_H5_DIR: path.join(root, 'dist/h5') }
})
process.exit(res.status ?? 1)
