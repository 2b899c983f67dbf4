// npm test: everything CI checks, in order, stopping at the first failure.
//   1. type-check (strict) of src/, types/, server/, tests/, scripts; lint (ESLint: typescript-eslint, react-hooks,
//      the import boundaries of docs/architecture.md) and the format check (Prettier)
//   2. the h5 build (for the e2e tests) and the weapp build (skipped when their sources are unchanged)
//   3. the WeChat compiler gate over dist/weapp (compile, code-quality items, size budgets)
//   4. the cloud function bundle
//   5. jest: unit, server (SQLite), contract (every adapter), e2e (Chromium on the h5 build)
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureTaroBuild, root } from './build-stamp.mjs'

function run(title, cmd, args) {
  process.stdout.write(`\n▶ ${title}\n`)
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (res.status !== 0) {
    process.stderr.write(`\n✗ ${title} failed\n`)
    process.exit(res.status ?? 1)
  }
}

const node = process.execPath
const bin = (name) => path.join(root, 'node_modules/.bin', name)

run('type-check', bin('tsc'), ['-p', '.', '--noEmit'])
run('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0'])
run('format check (prettier)', bin('prettier'), ['--check', '.', '--log-level=warn'])
process.stdout.write('\n▶ builds\n')
ensureTaroBuild('h5')
ensureTaroBuild('weapp')
run('WeChat compiler gate (check:weapp)', node, [path.join(root, 'scripts/check-weapp.mjs')])
run('cloud function bundle', node, [path.join(root, 'scripts/build-cloudfunction.mjs')])
run('jest', bin('jest'), ['--maxWorkers=2', ...process.argv.slice(2)])
