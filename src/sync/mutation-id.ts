/**
 * Client-made mutation ids: time-ordered and random. The server scopes them by account, so they only need to
 * be unique per phone; 80 random bits make a clash practically impossible.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

export function newMutationId(now: number = Date.now(), random: () => number = Math.random): string {
  let id = now.toString(36)
  for (let i = 0; i < 14; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return id
}
