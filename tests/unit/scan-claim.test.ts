import { resolveScan, OFFLINE_GRACE_MS } from '../../server/domain/checkin/scan-claim'
import { CODE_STEP_MS, issueCode } from '../../server/domain/tokens/rotating-code'
import { AppError } from '../../server/core/app-error'

const KEY = 'k'
const T = 1_800_000_000_000 - (1_800_000_000_000 % CODE_STEP_MS)
const code = (at = T) => issueCode(KEY, { kind: 'activity', id: 'a-1' }, at).token

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.code
    throw err
  }
  return 'OK'
}

describe('what an offline scan may claim', () => {
  it('judges a current code at the server clock (a phone whose clock is behind still checks in online)', () => {
    const phoneBehind = T - 10 * 60_000
    expect(resolveScan(KEY, code(), 'activity', T + 5_000, phoneBehind)).toEqual({
      target: { kind: 'activity', id: 'a-1' },
      at: T,
      offline: false
    })
    expect(resolveScan(KEY, code(), 'activity', T + 5_000, T + 4_000).at).toBe(T + 4_000)
  })

  it('accepts a queued scan hours later when the code was valid at the claimed scan time', () => {
    const scannedAt = T + 10_000
    const r = resolveScan(KEY, code(), 'activity', scannedAt + 6 * 3600_000, scannedAt)
    expect(r).toMatchObject({ at: scannedAt, offline: true })
  })

  it('refuses it when it arrives more than 24 hours after the scan', () => {
    expect(codeOf(() => resolveScan(KEY, code(), 'activity', T + OFFLINE_GRACE_MS + 60_000, T))).toBe('SYNC_TOO_LATE')
  })

  it('refuses a claimed time the code was not valid at', () => {
    // The code is older than the claimed scan: a photo of an old code.
    expect(codeOf(() => resolveScan(KEY, code(), 'activity', T + 3600_000, T + 10 * 60_000))).toBe('TOKEN_EXPIRED')
    // The code is newer than the claimed scan: the phone's clock is wrong.
    expect(codeOf(() => resolveScan(KEY, code(), 'activity', T + 3600_000, T - 10 * 60_000))).toBe('SCAN_TIME_INVALID')
  })

  it('refuses a scan time in the future', () => {
    expect(codeOf(() => resolveScan(KEY, code(), 'activity', T, T + 10 * 60_000))).toBe('SCAN_TIME_INVALID')
  })

  it('refuses a forged code whatever time it claims', () => {
    const forged = issueCode('not-the-key', { kind: 'activity', id: 'a-1' }, T).token
    expect(codeOf(() => resolveScan(KEY, forged, 'activity', T, T))).toBe('TOKEN_INVALID')
    expect(codeOf(() => resolveScan(KEY, forged, 'activity', T + 3600_000, T))).toBe('TOKEN_INVALID')
  })
})
