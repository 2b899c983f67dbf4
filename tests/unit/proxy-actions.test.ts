/**
 * 代办 is decided by the contract alone: types/proxy-actions.ts (zod-free, read by the mini-program) lists exactly
 * the entries of ACTIONS marked `proxy: true`, and the client sends `actingFor` with those actions and no other.
 */
import { ACTIONS, type ActionName } from '../../types/actions'
import { PROXY_ACTIONS, mayActFor } from '../../types/proxy-actions'
import { ROLES } from '../../types/roles'

const sent: { action: string; actingFor?: string }[] = []
const submitted: { action: string; actingFor: string | null }[] = []

jest.mock('@/store', () => ({
  useAppStore: {
    getState: () => ({
      actingFor: { personId: 'p-zhangguilan', name: '张桂兰' },
      me: { accountId: 'wx:seed-family-1' },
      signOut: () => undefined
    })
  }
}))
jest.mock('@/services/transport', () => ({
  NetworkError: class NetworkError extends Error {},
  transport: () => ({
    send: async (call: { action: string; actingFor?: string }) => (sent.push(call), { ok: true, data: {} })
  })
}))
jest.mock('@/sync', () => ({
  syncEngine: {
    submit: async (item: { action: string; actingFor: string | null }) => (
      submitted.push(item),
      { status: 'applied', data: {} }
    )
  }
}))
jest.mock('@/sync/mutation-id', () => ({ newMutationId: () => 'm-00000001' }))

const NAMES = Object.keys(ACTIONS) as ActionName[]

describe('the 代办 table', () => {
  it('lists exactly the actions whose contract entry says proxy: true', () => {
    expect(Object.keys(PROXY_ACTIONS).sort()).toEqual(NAMES.filter((a) => ACTIONS[a].proxy === true).sort())
    for (const a of NAMES) expect({ a, proxy: typeof ACTIONS[a].proxy }).toEqual({ a, proxy: 'boolean' })
    expect(mayActFor('signup.create')).toBe(true)
    expect(mayActFor('points.redeem')).toBe(false)
    expect(mayActFor('toString')).toBe(false)
  })

  it('gives every action its access: public, signed-in, or a non-empty set of known roles', () => {
    for (const a of NAMES) {
      const { access } = ACTIONS[a]
      const ok =
        access === 'public' ||
        access === 'signed-in' ||
        (Array.isArray(access) && access.length > 0 && access.every((r) => (ROLES as readonly string[]).includes(r)))
      expect({ a, ok }).toEqual({ a, ok: true })
    }
  })
})

describe('the client while a family member acts for an elder', () => {
  it('sends actingFor with exactly the 代办 actions, reads and writes alike', async () => {
    const { query, mutate } = await import('../../src/services/api')
    for (const a of NAMES) {
      // The payload does not matter here: the transport and the outbox are stand-ins that record the call.
      if (ACTIONS[a].kind === 'query') await query(a as never, {} as never)
      else await mutate(a as never, {} as never, { label: a })
    }
    const withElder = [
      ...sent.filter((c) => c.actingFor === 'p-zhangguilan'),
      ...submitted.filter((c) => c.actingFor === 'p-zhangguilan')
    ].map((c) => c.action)
    expect(sent.length + submitted.length).toBe(NAMES.length)
    expect(withElder.sort()).toEqual(Object.keys(PROXY_ACTIONS).sort())
    expect(submitted.filter((c) => !mayActFor(c.action)).every((c) => c.actingFor === null)).toBe(true)
    expect(sent.filter((c) => !mayActFor(c.action)).every((c) => !('actingFor' in c))).toBe(true)
  })
})
