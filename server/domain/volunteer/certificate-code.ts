/**
 * Random, unguessable certificate verification codes (format and check symbol: types/volunteer-rules.ts).
 * Uniform over the 31-symbol alphabet (rejection sampling over crypto-random bytes).
 */
import { randomBytes } from 'node:crypto'
import { CERT_ALPHABET, CERT_RANDOM_LENGTH, certCheckSymbol } from '../../../types/volunteer-rules'

export function newCertCode(): string {
  const n = CERT_ALPHABET.length
  const limit = 256 - (256 % n)
  let body = ''
  while (body.length < CERT_RANDOM_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte >= limit) continue
      body += CERT_ALPHABET[byte % n]
      if (body.length === CERT_RANDOM_LENGTH) break
    }
  }
  return body + certCheckSymbol(body)
}
