// Shared helpers for the benchmarks: percentiles, the machine they ran on, and result files.
import os from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The repository root: benchmarks run from it (npm run bench). */
export const root = process.cwd()

export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export function summary(ms) {
  const s = [...ms].sort((a, b) => a - b)
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1])
  }
}

export const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d

export function machine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`
  }
}

export function report(name, result) {
  const dir = path.join(root, 'bench/results')
  mkdirSync(dir, { recursive: true })
  const body = { name, at: new Date().toISOString(), machine: machine(), ...result }
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`)
  process.stdout.write(`\n== ${name} ==\n${JSON.stringify(result, null, 2)}\n`)
  return body
}
