import { CODE_STEP_MS, issueCode, stepOf, verifyCode } from '../../server/domain/tokens/rotating-code'

const KEY = 'unit-test-key'
const T = 1_800_000_000_000 - (1_800_000_000_000 % CODE_STEP_MS) // the start of a step

describe('rotating signed codes', () => {
  it('accepts a code in its own step and one step either side', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a-1' }, T)
    for (const at of [T - CODE_STEP_MS, T, T + CODE_STEP_MS - 1, T + 2 * CODE_STEP_MS - 1]) {
      expect(verifyCode(KEY, token, 'activity', at)).toEqual({
        ok: true,
        target: { kind: 'activity', id: 'a-1' },
        step: stepOf(T)
      })
    }
  })

  it('refuses it as expired a minute after it appeared, and as not yet valid two steps before', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a-1' }, T)
    expect(verifyCode(KEY, token, 'activity', T + 2 * CODE_STEP_MS)).toMatchObject({ ok: false, reason: 'expired' })
    expect(verifyCode(KEY, token, 'activity', T - 2 * CODE_STEP_MS)).toMatchObject({
      ok: false,
      reason: 'not-yet-valid'
    })
  })

  it('says when the screen must show the next code', () => {
    expect(issueCode(KEY, { kind: 'person', id: 'p-1' }, T + 12_345).refreshAt).toBe(T + CODE_STEP_MS)
  })

  it('refuses a code made with another key, or with any character changed', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a-1' }, T)
    expect(verifyCode('another-key', token, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
    const parts = token.split('.')
    const tamperedId = [...parts.slice(0, 2), 'a-2', ...parts.slice(3)].join('.')
    expect(verifyCode(KEY, tamperedId, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
    const laterStep = [...parts.slice(0, 3), (stepOf(T) + 1).toString(36), parts[4]].join('.')
    expect(verifyCode(KEY, laterStep, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
    const mac = parts[4]
    const flipped = [...parts.slice(0, 4), (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)].join('.')
    expect(verifyCode(KEY, flipped, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
  })

  it('keeps kinds apart: a personal code never passes as an activity code', () => {
    const { token } = issueCode(KEY, { kind: 'person', id: 'p-zhangguilan' }, T)
    expect(verifyCode(KEY, token, 'activity', T)).toMatchObject({ ok: false, reason: 'wrong-kind' })
    const swapped = token.replace('.person.', '.activity.')
    expect(verifyCode(KEY, swapped, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
  })

  it('handles ids with dots and refuses malformed text', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a.b.c' }, T)
    expect(verifyCode(KEY, token, 'activity', T)).toMatchObject({ ok: true, target: { id: 'a.b.c' } })
    for (const bad of [
      '',
      'hello',
      'YL1.activity',
      `YL2${token.slice(3)}`,
      `${token}x`,
      token.replace(/\.[^.]+$/, '.!!'),
      '签到码'
    ]) {
      expect(verifyCode(KEY, bad, 'activity', T)).toMatchObject({ ok: false, reason: 'malformed' })
    }
  })

  it('refuses everything, and issues nothing, without a key', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a-1' }, T)
    expect(verifyCode('', token, 'activity', T)).toMatchObject({ ok: false, reason: 'forged' })
    expect(() => issueCode('', { kind: 'activity', id: 'a-1' }, T)).toThrow(/token key/)
  })

  it('trims what was pasted', () => {
    const { token } = issueCode(KEY, { kind: 'activity', id: 'a-1' }, T)
    expect(verifyCode(KEY, `  ${token}\n`, 'activity', T).ok).toBe(true)
  })

  it('accepts any of several kinds when asked for them, and says which it was (a shift’s check-in or check-out code)', () => {
    const kinds = ['shift-in', 'shift-out']
    for (const kind of kinds) {
      const { token } = issueCode(KEY, { kind, id: 'vs-1' }, T)
      expect(verifyCode(KEY, token, kinds, T)).toEqual({ ok: true, target: { kind, id: 'vs-1' }, step: stepOf(T) })
    }
    const person = issueCode(KEY, { kind: 'person', id: 'p-1' }, T).token
    expect(verifyCode(KEY, person, kinds, T)).toMatchObject({
      ok: false,
      reason: 'wrong-kind',
      target: { kind: 'person' }
    })
    const swapped = issueCode(KEY, { kind: 'shift-in', id: 'vs-1' }, T).token.replace('.shift-in.', '.shift-out.')
    expect(verifyCode(KEY, swapped, kinds, T)).toMatchObject({ ok: false, reason: 'forged' })
  })
})
