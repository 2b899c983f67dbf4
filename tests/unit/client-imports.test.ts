/**
 * The mini-program must not bundle zod: src/ may import runtime values only from the dependency-free contract
 * modules; action definitions (which carry zod schemas) are imported as types only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const SRC = path.join(__dirname, '../../src')
const RUNTIME_SAFE = new Set([
  'errors',
  'envelope',
  'roles',
  'proxy-actions',
  'renamed-actions',
  'time',
  'activity-types',
  'points-words',
  'help-rules',
  'volunteer-rules',
  'checkin-rules'
])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : []
  })
}

describe('client imports', () => {
  it('imports zod-bearing contract modules as types only', () => {
    const offenders: string[] = []
    for (const file of files(SRC)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'@contract\/([^']+)'/gm)) {
        if (m[1]) continue
        const mod = m[2]
        if (!RUNTIME_SAFE.has(mod)) offenders.push(`${path.relative(SRC, file)} imports @contract/${mod} at runtime`)
      }
      if (/from\s+'zod'/.test(text)) offenders.push(`${path.relative(SRC, file)} imports zod`)
    }
    expect(offenders).toEqual([])
  })

  it('keeps the runtime-safe contract modules free of dependencies other than dayjs', () => {
    for (const mod of RUNTIME_SAFE) {
      const text = readFileSync(path.join(__dirname, '../../types', `${mod}.ts`), 'utf8')
      const deps = [...text.matchAll(/from\s+'([^'.][^']*)'/g)].map((m) => m[1])
      expect(deps.filter((d) => !d.startsWith('dayjs'))).toEqual([])
      // Other contract modules only as types, or when they are runtime-safe themselves (proxy-actions.ts names
      // the zod-bearing action definitions, but only as types).
      const local = [...text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'\.\/([^']+)'/gm)]
        .filter((m) => !m[1])
        .map((m) => m[2])
      expect({ mod, imports: local.filter((d) => !RUNTIME_SAFE.has(d)) }).toEqual({ mod, imports: [] })
    }
  })
})
