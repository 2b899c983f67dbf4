/**
 * The outbox's storage budget, through the app's real store, persistence and sync engine (`mutate()`), over
 * a stand-in of WeChat's storage with its limits (1 MB per key, 10 MB in all, usage reported in KB). The
 * phone is offline the whole time, so every write stays queued until the budget refuses new ones.
 */
import { budgetOf, budgetWords, STATE_BUDGET_BYTES, WARN_RATIO, type StorageUsage } from '../../src/sync/storage-budget'

const LIMIT = 10 * 1024 * 1024
const kv = new Map<string, string>()
const sizes = new Map<string, number>()
let total = 0
const used = () => total
let platformRefusals = 0

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => kv.get(k) ?? '',
    setStorageSync: (k: string, v: string) => {
      const size = Buffer.byteLength(k) + Buffer.byteLength(v)
      if (Buffer.byteLength(v) > 1024 * 1024 || total - (sizes.get(k) ?? 0) + size > LIMIT) {
        platformRefusals += 1
        throw new Error('setStorageSync:fail exceed storage max size 10Mb')
      }
      total += size - (sizes.get(k) ?? 0)
      sizes.set(k, size)
      kv.set(k, v)
    },
    removeStorageSync: (k: string) => {
      total -= sizes.get(k) ?? 0
      sizes.delete(k)
      kv.delete(k)
    },
    getStorageInfoSync: () => ({
      keys: [...kv.keys()],
      currentSize: Math.ceil(used() / 1024),
      limitSize: LIMIT / 1024
    }),
    request: () => Promise.reject({ errMsg: 'request:fail' }),
    onNetworkStatusChange: () => undefined
  }
}))

describe('the outbox storage budget', () => {
  beforeAll(() => {
    process.env.TARO_ENV = 'h5'
  })
  afterAll(async () => {
    // Empty the outbox so the engine's retry timer is not set again.
    const { useAppStore } = await import('../../src/store')
    const { syncEngine } = await import('../../src/sync')
    useAppStore.setState({ outbox: [] })
    await syncEngine.flush()
  })

  it('warns from 80%, refuses new writes in words at the limit, never loses a queued one, and takes writes again after a sync', async () => {
    const { mutate } = await import('../../src/services/api')
    const { useAppStore, STORE_KEY, appStorage } = await import('../../src/store')
    const { storageUsage } = await import('../../src/sync/storage-usage')
    const { ERRORS } = await import('../../types/errors')
    useAppStore.setState({ me: { accountId: 'local:zhangguilan' } as never, token: 't' })

    // A long help request (about 40 KB of text each, so the test needs ~100 writes rather than thousands).
    const big = (n: number) => ({
      category: '其他',
      description: `第${n}件：${'需要帮助'.repeat(3300)}`,
      address: '肃州区',
      phone: '13909371001'
    })
    const levels: string[] = []
    let queued = 0
    let refusal: { code: string; message: string } | null = null
    for (let n = 0; n < 400 && !refusal; n++) {
      const outcome = await mutate('help.create', big(n) as never, { label: `求助 ${n}` })
      if (outcome.status === 'queued') queued += 1
      else if (outcome.status === 'rejected') refusal = { code: outcome.code, message: outcome.message }
      else throw new Error('applied while offline')
      levels.push(budgetOf(storageUsage()).level)
    }

    // Refused in words, after a warning, before the platform ever refused a write.
    expect(refusal).toEqual({ code: 'STORAGE_FULL', message: ERRORS.STORAGE_FULL.message })
    expect(levels.indexOf('warn')).toBeGreaterThan(0)
    expect(levels.indexOf('warn')).toBeLessThan(levels.indexOf('full') === -1 ? levels.length : levels.indexOf('full'))
    expect(platformRefusals).toBe(0)
    expect(appStorage.writeFailed(STORE_KEY)).toBe(false)
    expect(budgetWords(budgetOf(storageUsage()))).toMatch(/立即同步/)

    // Every queued write is in the persisted state, oldest first: read back as the app does after a restart.
    const persisted = JSON.parse(appStorage.getItem(STORE_KEY) as string) as { state: { outbox: { label: string }[] } }
    expect(persisted.state.outbox).toHaveLength(queued)
    expect(persisted.state.outbox.map((i) => i.label)).toEqual(Array.from({ length: queued }, (_, n) => `求助 ${n}`))
    expect(queued).toBeGreaterThan(50)

    // Half of them reach the server: there is room again.
    const outbox = useAppStore.getState().outbox
    useAppStore.getState().settleOutbox(
      outbox.slice(0, Math.ceil(outbox.length / 2)).map((i) => i.id),
      []
    )
    expect((await mutate('help.create', big(999) as never, { label: '求助 999' })).status).toBe('queued')
    expect(used()).toBeLessThan(LIMIT)
  })
})

describe('budget levels', () => {
  const usage = (stateBytes: number, extra: Partial<StorageUsage> = {}): StorageUsage => ({
    stateBytes,
    platformBytes: null,
    platformLimitBytes: null,
    writeFailed: false,
    ...extra
  })

  it('is ok, then warns at 80% of the state budget, then is full', () => {
    expect(budgetOf(usage(1000)).level).toBe('ok')
    expect(budgetOf(usage(Math.ceil(STATE_BUDGET_BYTES * WARN_RATIO))).level).toBe('warn')
    expect(budgetOf(usage(STATE_BUDGET_BYTES)).level).toBe('full')
    expect(budgetWords(budgetOf(usage(Math.ceil(STATE_BUDGET_BYTES * 0.85))))).toBe(
      '手机里待同步的事情快存满了（已用 85%）。请尽快连上网络，点「立即同步」。'
    )
  })

  it('counts what the platform reports over all keys, with room for a second copy of the state', () => {
    // 6 MB of other keys + 1 MB of state: a rewrite needs 8 MB, 84% of 9.5 MB.
    expect(
      budgetOf(usage(1024 * 1024, { platformBytes: 7 * 1024 * 1024, platformLimitBytes: 10 * 1024 * 1024 })).level
    ).toBe('warn')
    expect(
      budgetOf(usage(1024 * 1024, { platformBytes: 9 * 1024 * 1024, platformLimitBytes: 10 * 1024 * 1024 })).level
    ).toBe('full')
  })

  it('is full while the last write failed', () => {
    expect(budgetOf(usage(10, { writeFailed: true }))).toMatchObject({ level: 'full', freeBytes: 0 })
  })
})
