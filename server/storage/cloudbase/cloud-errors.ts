/**
 * How the CloudBase adapter reads a failure of the wx-server-sdk database client. Checked against the real
 * SDK (3.0.4): outside a transaction every failure arrives as an Error with `errCode` (CloudBase's number,
 * -501001 also for network errors such as "socket hang up", "ESOCKETTIMEDOUT", "getaddrinfo ENOTFOUND" and HTTP
 * 5xx, which the SDK folds into -501001 with the cause in the message); inside runTransaction an answer with a
 * `code` string ("EXCEED_REQUEST_LIMIT", "DATABASE_TRANSACTION_CONFLICT") or the request library's own error
 * (`code: 'ESOCKETTIMEDOUT'`, or the HTTP status as a number) comes through unwrapped. docs/cloudbase.md has the table; each row has a test in
 * tests/server/cloudbase-errors.test.ts, driven through the real SDK.
 */

export type CloudFailure = 'duplicate' | 'conflict' | 'missing' | 'unavailable' | 'rate-limited' | 'other'

interface Row {
  kind: CloudFailure
  errCodes?: number[]
  codes?: string[]
  /** Matched against `message`/`errMsg`. */
  text?: RegExp
}

/** In order: the first row that matches wins. */
export const CLOUD_FAILURES: Row[] = [
  { kind: 'duplicate', errCodes: [-502001], text: /duplicate key|DuplicateWrite|E11000/i },
  { kind: 'conflict', codes: ['DATABASE_TRANSACTION_CONFLICT'], text: /transaction conflict|WriteConflict/i },
  { kind: 'missing', text: /does not exist/i },
  {
    kind: 'rate-limited',
    errCodes: [-501003, -501004],
    codes: ['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT', 'LimitExceeded', 'RequestLimitExceeded']
  },
  {
    kind: 'unavailable',
    errCodes: [-501001, -501002],
    codes: [
      'SYS_ERR',
      'SERVER_TIMEOUT',
      'ECONNRESET',
      'ESOCKETTIMEDOUT',
      'ETIMEDOUT',
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EPIPE',
      'ENETUNREACH',
      'EHOSTUNREACH',
      'ENETDOWN',
      'EHOSTDOWN'
    ],
    text: /socket hang up|ESOCKETTIMEDOUT|ETIMEDOUT|ECONNRESET|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/
  }
]

export function classifyCloudFailure(err: unknown): CloudFailure {
  if (err === null || typeof err !== 'object') return 'other'
  const e = err as { errCode?: unknown; code?: unknown; message?: unknown; errMsg?: unknown }
  const text = `${typeof e.message === 'string' ? e.message : ''} ${typeof e.errMsg === 'string' ? e.errMsg : ''}`
  // The SDK's request layer rejects a non-200 answer with the HTTP status as `code` (inside transactions).
  if (typeof e.code === 'number')
    return e.code === 429 ? 'rate-limited' : e.code >= 500 && e.code < 600 ? 'unavailable' : 'other'
  for (const row of CLOUD_FAILURES) {
    const byErrCode = typeof e.errCode === 'number' && (row.errCodes ?? []).includes(e.errCode)
    const byCode = typeof e.code === 'string' && (row.codes ?? []).includes(e.code)
    const byText = row.text ? row.text.test(text) : false
    // A duplicate is -502001 *and* an E11000 message: -502001 alone is any failed database request.
    const hit =
      row.kind === 'duplicate' ? byText && (byErrCode || e.errCode === undefined) : byErrCode || byCode || byText
    if (hit) return row.kind
  }
  return 'other'
}

export function failureDetail(err: unknown): string {
  const e = err as { errCode?: unknown; code?: unknown; message?: unknown; errMsg?: unknown }
  return [e?.errCode ?? e?.code, e?.errMsg ?? e?.message]
    .filter((x) => x !== undefined)
    .join(' ')
    .slice(0, 300)
}
