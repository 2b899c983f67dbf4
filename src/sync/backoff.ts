/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^attempt)). */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 2000,
  capMs = 5 * 60_000
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.max(500, Math.floor(random() * ceiling))
}
