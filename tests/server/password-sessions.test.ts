/**
 * A forced password change holds the account to that change everywhere (photos too), and a changed password
 * ends every other session of the account at once: whoever knew the old one is signed out.
 */
import { startHost, post, type RunningHost } from '../support/http'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'

let host: RunningHost
beforeAll(async () => {
  host = await startHost()
  await host.store.transaction(async (tx) => tx.update('accounts', 'local:liufang', { mustChangePassword: true }))
})
afterAll(() => host.stop())

const login = async () =>
  (await post(`${host.url}/api/auth/login`, { username: 'liufang', password: DEMO_PASSWORD })).json.data.token as string
const whoami = async (token: string) =>
  (await post(`${host.url}/api`, { action: 'auth.whoami', payload: {} }, token)).json

it('an account that must change its password cannot upload a photo either', async () => {
  const token = await login()
  const res = await fetch(`${host.url}/api/upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
    body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
  })
  const env = await res.json()
  expect(env).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' })
})

it('changing the password ends the other sessions and keeps the one that changed it', async () => {
  const phone = await login()
  const desk = await login()
  const changed = await post(
    `${host.url}/api/auth/password`,
    { oldPassword: DEMO_PASSWORD, newPassword: 'a-new-secret-9' },
    desk
  )
  expect(changed.json).toEqual({ ok: true, data: { changed: true } })
  expect(await whoami(desk)).toMatchObject({ ok: true, data: { accountId: 'local:liufang' } })
  // The old session is gone: that caller is nobody now.
  expect(await whoami(phone)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await host.store.count('sessions', { accountId: 'local:liufang' })).toBe(1)
})
