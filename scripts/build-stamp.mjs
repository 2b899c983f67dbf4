// Skips a Taro build whose inputs have not changed since the last one: a hash of src/, types/, config/ and the
// lockfile is kept beside the output. A fresh clone (no stamp) always builds.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const INPUTS = [
  'src',
  'types',
  'config',
  'babel.config.js',
  'package-lock.json',
  'project.config.json',
  'tsconfig.json'
]

function walk(p, out) {
  if (!existsSync(p)) return
  const st = statSync(p)
  if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f), out)
  else out.push(p)
}

export function inputHash(env = {}) {
  const files = []
  for (const i of INPUTS) walk(path.join(root, i), files)
  const h = createHash('sha256')
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(readFileSync(f))
  h.update(JSON.stringify(env))
  return h.digest('hex')
}

/**
 * Builds `target` (h5 | weapp) with Taro unless dist/<target> is up to date. `out` (e.g. 'weapp-selfhost') builds
 * into dist/<out> instead, and `env` overrides the build settings (TARO_APP_API_BASE, TARO_APP_CLOUD_ENV) for it,
 * so a variant build never replaces the default dist/<target>.
 */
export function ensureTaroBuild(target, { force = false, out = target, env: overrides = {} } = {}) {
  const env = {
    TARO_APP_API_BASE: process.env.TARO_APP_API_BASE ?? '',
    TARO_APP_CLOUD_ENV: process.env.TARO_APP_CLOUD_ENV ?? '',
    ...overrides
  }
  const stamp = path.join(root, 'dist', `.${out}.stamp`)
  const hash = inputHash({ target, ...env })
  const marker = target === 'h5' ? 'index.html' : 'app.json'
  if (
    !force &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash &&
    existsSync(path.join(root, 'dist', out, marker))
  ) {
    process.stdout.write(`dist/${out} is up to date\n`)
    return
  }
  process.stdout.write(`building dist/${out} …\n`)
  const res = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', target],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        ...(out === target ? {} : { TARO_OUTPUT_ROOT: `dist/${out}` })
      }
    }
  )
  if (res.status !== 0 || !existsSync(path.join(root, 'dist', out, marker))) {
    process.stderr.write(`${res.stdout}${res.stderr}`)
    throw new Error(`taro build --type ${target} failed`)
  }
  writeFileSync(stamp, hash)
}
