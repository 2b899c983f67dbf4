/** A small seeded PRNG (mulberry32) with the helpers the simulations use. The same seed, the same choices. */
export interface Rng {
  (): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(xs: readonly T[]): T
  shuffle<T>(xs: T[]): T[]
  /** A new independent stream, e.g. one per client, so adding a client does not change the others' choices. */
  fork(label: string): Rng
}

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }) as Rng
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1))
  next.chance = (p) => next() < p
  next.pick = (xs) => xs[Math.floor(next() * xs.length)]
  next.shuffle = (xs) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[xs[i], xs[j]] = [xs[j], xs[i]]
    }
    return xs
  }
  next.fork = (label) => createRng((seed ^ hash(label)) >>> 0)
  return next
}

/** A seed from the environment (RELIABILITY_SEED) or a fresh one; suites print it so a failure can be replayed. */
export function seedFromEnv(name = 'RELIABILITY_SEED'): number {
  const given = process.env[name]
  if (given !== undefined && given !== '') {
    const n = Number(given)
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${given}`)
    return n >>> 0
  }
  return Math.floor(Math.random() * 2 ** 31)
}
