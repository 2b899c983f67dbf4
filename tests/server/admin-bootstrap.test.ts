/**
 * The first administrator of a self-hosted deployment: `admin:create` (the bundled command, run as a process,
 * passwords on stdin) works once on an empty deployment without credentials, and afterwards only with an
 * existing administrator's username and password. The new account must change its password before anything
 * else: the host refuses every other call with PASSWORD_CHANGE_REQUIRED until it has.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import { systemClock } from '../../server/core/clock'
import { silentLogger } from '../../server/core/logger'
import { createLocalHost, listen } from '../../server/hosts/local/http-host'
import { hashPassword } from '../../server/hosts/local/passwords'
import { SqliteStorage } from '../../server/storage/sqlite/sqlite-adapter'
import { currentVersion, latestVersion, MIGRATIONS } from '../../server/storage/migrations'
import { seedDemo } from '../../server/seed/seed'
import { DEMO_PASSWORD } from '../../server/seed/demo-password'
import { DEFAULT_NOW } from '../support/harness'
import { ROOT, buildServerOnce, cleanEnv } from '../support/serve-process'
import { ADAPTERS } from '../support/adapters'
import { AdminCreateError, createAdmin } from '../../server/tools/admin-accounts'

jest.setTimeout(60_000)

let dir: string
beforeAll(() => buildServerOnce())
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yl-admin-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function adminCreate(args: string[], stdin: string, dataDir = dir) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build/admin-create.cjs'), ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: cleanEnv({ YINLING_DATA_DIR: dataDir })
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

async function withHost<T>(run: (url: string) => Promise<T>): Promise<T> {
  const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
  const server: Server = createLocalHost({
    store,
    clock: systemClock,
    secrets: { tokenKey: 'k'.repeat(40) },
    log: silentLogger,
    demo: false
  })
  const url = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`
  try {
    return await run(url)
  } finally {
    await new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()))
    await store.close()
  }
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('npm run admin:create', () => {
  it("makes the first administrator once on an empty deployment, then only with an administrator's password", async () => {
    const first = adminCreate(['wangli', '--name', '王丽'], 'first-secret-1\n')
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(first.out).toContain('第一个管理员')

    // The same again, with no administrator vouching: refused, nothing made.
    const again = adminCreate(['intruder'], 'intruder-secret\n')
    expect(again.code).toBe(1)
    expect(again.err).toContain('--as')
    // A wrong password for the administrator: refused.
    const wrong = adminCreate(['intruder', '--as', 'wangli'], 'not-her-password\nintruder-secret\n')
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('密码不对')
    // The right one, but she has not changed her first password yet: refused too.
    const early = adminCreate(['zhaoqiang', '--as', 'wangli'], 'first-secret-1\nsecond-secret-2\n')
    expect(early.code).toBe(1)
    expect(early.err).toContain('改过初始密码')

    const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
    expect((await store.find('accounts')).map((a) => a._id)).toEqual(['local:wangli'])
    // The deployment got its data version when it was made (so serve does not ask for an upgrade).
    expect(await currentVersion(store)).toBe(latestVersion(MIGRATIONS))
    await store.close()

    await withHost(async (url) => {
      const login = await post(`${url}/api/auth/login`, { username: 'wangli', password: 'first-secret-1' })
      expect(login.json.data.mustChangePassword).toBe(true)
      const token = login.json.data.token
      const blocked = await post(`${url}/api`, { action: 'auth.whoami', payload: {} }, token)
      expect(blocked.status).toBe(403)
      expect(blocked.json.code).toBe('PASSWORD_CHANGE_REQUIRED')
      // The change itself: the old password must be right, the new one long enough and different.
      expect(
        (await post(`${url}/api/auth/password`, { oldPassword: 'nope', newPassword: 'a-new-secret-9' }, token)).json
          .code
      ).toBe('LOGIN_FAILED')
      expect(
        (await post(`${url}/api/auth/password`, { oldPassword: 'first-secret-1', newPassword: 'short' }, token)).json
          .code
      ).toBe('PASSWORD_TOO_WEAK')
      expect(
        (
          await post(
            `${url}/api/auth/password`,
            { oldPassword: 'first-secret-1', newPassword: 'first-secret-1' },
            token
          )
        ).json.code
      ).toBe('PASSWORD_TOO_WEAK')
      expect(
        (await post(`${url}/api/auth/password`, { oldPassword: 'first-secret-1', newPassword: 'a-new-secret-9' })).json
          .code
      ).toBe('UNAUTHENTICATED')
      const changed = await post(
        `${url}/api/auth/password`,
        { oldPassword: 'first-secret-1', newPassword: 'a-new-secret-9' },
        token
      )
      expect(changed.json).toEqual({ ok: true, data: { changed: true } })
      const who = await post(`${url}/api`, { action: 'auth.whoami', payload: {} }, token)
      expect(who.json.data).toMatchObject({ accountId: 'local:wangli', roles: ['admin'], displayName: '王丽' })
      expect(
        (await post(`${url}/api/auth/login`, { username: 'wangli', password: 'a-new-secret-9' })).json.data
          .mustChangePassword
      ).toBe(false)
    })

    // Now she may vouch for a second administrator, who must change the password too.
    const second = adminCreate(['zhaoqiang', '--as', 'wangli'], 'a-new-secret-9\nsecond-secret-2\n')
    expect(second.err).toBe('')
    expect(second.code).toBe(0)
    expect(second.out).not.toContain('第一个管理员')
    await withHost(async (url) => {
      const login = await post(`${url}/api/auth/login`, { username: 'zhaoqiang', password: 'second-secret-2' })
      expect(login.json.data.mustChangePassword).toBe(true)
      expect((await post(`${url}/api`, { action: 'auth.whoami', payload: {} }, login.json.data.token)).json.code).toBe(
        'PASSWORD_CHANGE_REQUIRED'
      )
    })
  })

  it('is refused for a deployment that has administrators, when the one vouching is not an administrator', async () => {
    const store = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
    await seedDemo(store, { now: DEFAULT_NOW, passwordHash: () => hashPassword(DEMO_PASSWORD) })
    await store.close()
    // 陈静 is staff with the demo password, not an administrator.
    const staff = adminCreate(['newadmin', '--as', 'chenjing'], `${DEMO_PASSWORD}\nnew-admin-secret\n`)
    expect(staff.code).toBe(1)
    expect(staff.err).toContain('管理员用户名或密码不对')
    const none = adminCreate(['newadmin'], 'new-admin-secret\n')
    expect(none.code).toBe(1)
    const check = new SqliteStorage({ filename: path.join(dir, 'yinling.db') })
    expect(await check.get('accounts', 'local:newadmin')).toBeNull()
    await check.close()
  })

  it('refuses a short password and a bad username', () => {
    expect(adminCreate(['wangli'], 'short\n').err).toContain('至少要 10 位')
    expect(adminCreate(['Wang Li'], 'long-enough-pw\n').err).toContain('用户名')
  })
})

describe.each(ADAPTERS)('the bootstrap on $name', ({ make }) => {
  it('lets only one of two simultaneous first administrators through', async () => {
    const { store, cleanup } = await make()
    try {
      const attempt = (username: string) =>
        createAdmin(store, { username, password: `${username}-secret-1`, now: DEFAULT_NOW })
      const results = await Promise.allSettled([attempt('alice'), attempt('bobby')])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      expect(refused.reason).toBeInstanceOf(AdminCreateError)
      expect((await store.find('accounts')).filter((a) => a.roles.includes('admin'))).toHaveLength(1)
    } finally {
      await cleanup()
    }
  })
})
