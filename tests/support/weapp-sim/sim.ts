/**
 * The built mini-program (dist/weapp) run in Node, page by page, to measure what each page sends through
 * setData: WeChat copies every setData from the logic layer to the view layer as a JSON string, and a single
 * call over 256 KB is refused on the phone (and everything near it is slow on an old Android).
 *
 * What is real: dist/weapp exactly as the WeChat compiler gets it (Taro's runtime, React, our pages, the
 * webpack chunks of the main package and the subpackages), the router and every handler of the `api` cloud
 * function over the CloudBase database stand-in seeded with the demo deployment, and JSON between the two (as
 * wx.cloud.callFunction serialises). What is faked: the WeChat client itself — `wx` (storage in a Map, every
 * other API answers success and does nothing), App/Page/Component registration, and a page instance whose
 * setData records the size of what it was given. Identity is the demo account of the user (the cloud entry
 * would derive it from the OPENID: `wx:<openid>`; the demo accounts are `local:` ones, so the router is called
 * with the account directly, exactly as server/hosts/cloudbase/cloud-main.ts calls it after that mapping).
 *
 * One process runs one user in one mode (the app launches once per process, as on a phone):
 *   node build/weapp-sim.cjs <dist/weapp dir> <user key> <normal|elder>
 * It prints one JSON line: per page, the number of setData calls, the largest one and the total, in bytes
 * (UTF-8 of the JSON), the words the page showed (a sample, to prove it rendered with data), and any error.
 *
 * A build made with TARO_APP_API_BASE (the mini-program against a self-hosted API) runs against a real HTTP
 * host instead: SIM_API_BASE is the base it was built with and SIM_API_TARGET where that address leads (as the
 * domain would resolve to the bureau's server); wx.request makes the real HTTP request there, wx.login hands out
 * the codes in SIM_WX_CODES one by one, and wx.cloud is not there to use. SIM_PAGES (comma-separated page
 * paths) limits the walk. The result then also lists every request the app made (path, with or without a bearer).
 */
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { createRouter } from '../../../server/core/router'
import { silentLogger } from '../../../server/core/logger'
import { FixedClock } from '../../../server/core/clock'
import { handlers } from '../../../server/handlers'
import { seedDemo } from '../../../server/seed/seed'
import { CloudbaseStorage } from '../../../server/storage/cloudbase/cloudbase-adapter'
import { MemoryCloudDb } from '../../../server/storage/cloudbase/memory-cloud-db'
import { chunkedStorage } from '../../../src/store/chunked-storage'
import { STORE_KEY } from '../../../src/store/store-key'
import { WALK_USERS, walkPlan, type WalkUserKey } from '../page-catalog'

export interface PageMeasure {
  path: string
  query: string
  calls: number
  maxBytes: number
  totalBytes: number
  /** Up to 12 distinct words the page's data holds (Chinese text), to show it rendered real content. */
  sample: string[]
  /** All the Chinese text the page's data held (up to 20,000 characters), for checks of what it showed. */
  text: string
  errors: string[]
}

export interface SimResult {
  user: WalkUserKey
  mode: 'normal' | 'elder'
  pages: PageMeasure[]
  apiCalls: number
  errors: string[]
  /** Builds against a self-hosted API only: every HTTP request the app made. */
  httpRequests?: { method: string; path: string; bearer: boolean; status: number }[]
}

const [, , distArg, userArg, modeArg] = process.argv
const DIST = path.resolve(distArg ?? 'dist/weapp')
const USER = (userArg ?? 'retiree') as WalkUserKey
const MODE = (modeArg ?? 'normal') as 'normal' | 'elder'
/** `big`: a large deployment first (hundreds of activities and messages), to show the long lists are paged. */
const BIG = process.argv[5] === 'big'
const BIG_COUNT = 400
/** Quiet for this long (no setData, no call in flight) = the page has settled. */
const SETTLE_MS = 250
const PAGE_TIMEOUT_MS = 8000

const HTTP_BASE = process.env.SIM_API_BASE ?? ''
const HTTP_TARGET = process.env.SIM_API_TARGET ?? ''
const WX_CODES = (process.env.SIM_WX_CODES ?? '').split(',').filter(Boolean)
const ONLY_PAGES = (process.env.SIM_PAGES ?? '').split(',').filter(Boolean)
const httpRequests: { method: string; path: string; bearer: boolean; status: number }[] = []

const processErrors: string[] = []
let pageErrors: string[] = []
const noteError = (e: unknown) => {
  const text = e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e)
  pageErrors.push(text)
  processErrors.push(text)
}
process.on('unhandledRejection', noteError)
process.on('uncaughtException', noteError)

// ---------------------------------------------------------------- the backend

const now = Date.now()
const db = new MemoryCloudDb()
const store = new CloudbaseStorage(db)
const router = createRouter(
  { store, clock: new FixedClock(now), secrets: { tokenKey: 'weapp-sim-token-key' }, log: silentLogger },
  handlers
)
let inFlight = 0
let apiCalls = 0
let lastActivity = Date.now()

// ---------------------------------------------------------------- the WeChat client

const storage = new Map<string, string>()
const noop = () => undefined

function succeed(opts: unknown, result: Record<string, unknown> = {}): Promise<unknown> {
  const o = (opts ?? {}) as { success?: (r: unknown) => void; complete?: (r: unknown) => void }
  const res = { errMsg: 'ok', ...result }
  setTimeout(() => {
    o.success?.(res)
    o.complete?.(res)
  })
  return Promise.resolve(res)
}

const wxApi: Record<string, unknown> = {
  getStorageSync: (k: string) => storage.get(k) ?? '',
  setStorageSync: (k: string, v: unknown) => void storage.set(k, typeof v === 'string' ? v : JSON.stringify(v)),
  removeStorageSync: (k: string) => void storage.delete(k),
  getStorageInfoSync: () => ({
    keys: [...storage.keys()],
    currentSize: Math.ceil([...storage].reduce((n, [k, v]) => n + k.length + v.length, 0) / 1024),
    limitSize: 10240
  }),
  getSystemInfoSync: () => ({
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    platform: 'android',
    system: 'Android 8.1',
    fontSizeSetting: MODE === 'elder' ? 24 : 16,
    SDKVersion: '3.6.0',
    language: 'zh_CN',
    version: '8.0.50'
  }),
  getAppBaseInfo: () => ({
    fontSizeSetting: MODE === 'elder' ? 24 : 16,
    SDKVersion: '3.6.0',
    language: 'zh_CN',
    version: '8.0.50'
  }),
  getWindowInfo: () => ({
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 24,
    safeArea: { top: 24, bottom: 812, left: 0, right: 375, width: 375, height: 788 }
  }),
  getDeviceInfo: () => ({ platform: 'android', system: 'Android 8.1', brand: 'sim', model: 'sim' }),
  getMenuButtonBoundingClientRect: () => ({ top: 28, bottom: 60, left: 281, right: 368, width: 87, height: 32 }),
  getNetworkType: (o: unknown) => succeed(o, { networkType: 'wifi' }),
  onNetworkStatusChange: noop,
  offNetworkStatusChange: noop,
  nextTick: (fn: () => void) => setTimeout(fn),
  canIUse: () => true,
  ...(HTTP_BASE ? { request: httpRequest, login: wxLogin } : {}),
  cloud: {
    init: noop,
    async callFunction(o: {
      name: string
      data: unknown
      success?: (r: unknown) => void
      fail?: (e: unknown) => void
    }) {
      if (HTTP_BASE) throw new Error('wx.cloud.callFunction called in a build against a self-hosted API')
      if (o.name !== 'api') throw new Error(`no cloud function ${o.name}`)
      inFlight += 1
      apiCalls += 1
      try {
        // As WeChat sends it: JSON both ways.
        const event = JSON.parse(JSON.stringify(o.data ?? {})) as Record<string, unknown>
        const body = Array.isArray(event.batch) ? { batch: event.batch } : event
        const result = JSON.parse(JSON.stringify(await router.handle(USER_ACCOUNT, body)))
        const res = { result, errMsg: 'cloud.callFunction:ok', requestID: randomUUID() }
        o.success?.(res)
        return res
      } finally {
        inFlight -= 1
        lastActivity = Date.now()
      }
    }
  }
}

interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  success?: (r: unknown) => void
  fail?: (e: unknown) => void
  complete?: (r: unknown) => void
}

/** wx.request as the phone does it: JSON bodies, JSON answers parsed (dataType json), any status is success. */
function httpRequest(o: RequestOptions) {
  inFlight += 1
  const method = (o.method ?? 'GET').toUpperCase()
  let url = o.url
  if (url.startsWith(HTTP_BASE)) url = HTTP_TARGET + url.slice(HTTP_BASE.length)
  const u = new URL(url)
  if (method === 'GET' && o.data && typeof o.data === 'object') {
    for (const [k, v] of Object.entries(o.data as Record<string, unknown>)) u.searchParams.set(k, String(v))
  }
  const headers = o.header ?? {}
  const bearer = Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'authorization' && /^Bearer \S+/.test(v))
  const done = (fn: (() => void) | undefined) => {
    inFlight -= 1
    lastActivity = Date.now()
    fn?.()
  }
  fetch(u, {
    method,
    headers,
    body: method === 'GET' ? undefined : typeof o.data === 'string' ? o.data : JSON.stringify(o.data ?? {})
  })
    .then(async (res) => {
      const text = await res.text()
      let data: unknown = text
      try {
        data = JSON.parse(text)
      } catch {
        // not JSON: handed over as text, as wx.request does
      }
      httpRequests.push({ method, path: u.pathname, bearer, status: res.status })
      const r = {
        data,
        statusCode: res.status,
        header: Object.fromEntries([...(res.headers as unknown as Iterable<[string, string]>)]),
        errMsg: 'request:ok'
      }
      done(() => {
        o.success?.(r)
        o.complete?.(r)
      })
    })
    .catch((err: Error) => {
      const e = { errMsg: `request:fail ${err.message}` }
      done(() => {
        o.fail?.(e)
        o.complete?.(e)
      })
    })
  return { abort: noop, onHeadersReceived: noop, offHeadersReceived: noop }
}

function wxLogin(o: { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }) {
  const code = WX_CODES.shift()
  setTimeout(() => {
    const r = code ? { code, errMsg: 'login:ok' } : { errMsg: 'login:fail no code left' }
    if (code) o.success?.(r)
    else o.fail?.(r)
    o.complete?.(r)
  })
}

/**
 * The WeChat APIs the app and Taro call, beyond those answered above. Taro copies `Object.keys(wx)` onto
 * Taro.*, so each must be listed to exist (as on a phone); each succeeds and does nothing.
 */
const MORE_APIS = [
  'canvasToTempFilePath',
  'chooseImage',
  'chooseMedia',
  'compressImage',
  'createInnerAudioContext',
  'createSelectorQuery',
  'getFileSystemManager',
  'makePhoneCall',
  'navigateBack',
  'navigateTo',
  'openDocument',
  'openSetting',
  'previewImage',
  'reLaunch',
  'redirectTo',
  'request',
  'saveImageToPhotosAlbum',
  'scanCode',
  'setClipboardData',
  'setKeepScreenOn',
  'switchTab',
  'showToast',
  'hideToast',
  'showModal',
  'showLoading',
  'hideLoading',
  'showActionSheet',
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'pageScrollTo',
  'vibrateShort',
  'stopPullDownRefresh',
  'getSetting',
  'authorize',
  'login',
  'getUpdateManager',
  'onAppShow',
  'onAppHide',
  'onError',
  'onUnhandledRejection',
  'onMemoryWarning',
  'reportAnalytics',
  'getLaunchOptionsSync',
  'getEnterOptionsSync'
]

function stubFor(key: string): unknown {
  if (/Sync$/.test(key)) return () => ({})
  if (/^(on|off)[A-Z]/.test(key)) return noop
  if (/^(create|get)[A-Z]\w*(Manager|Context|Query)$/.test(key))
    return () => new Proxy({}, { get: () => () => undefined })
  return (o: unknown) => succeed(o)
}
for (const k of MORE_APIS) if (!(k in wxApi)) wxApi[k] = stubFor(k)

const wx = new Proxy(wxApi, {
  get(target, key: string | symbol) {
    if (typeof key === 'symbol') return undefined
    if (key in target) return target[key]
    // Webpack keeps its chunk list on wx (wx.webpackJsonp): a plain property, unset until its first chunk.
    if (/webpack/i.test(key)) return undefined
    return stubFor(key)
  }
})

const USER_ACCOUNT = WALK_USERS[USER].account

// ---------------------------------------------------------------- App, Page, Component

type PageConfig = Record<string, unknown> & {
  onLoad?: (this: PageInstance, q: Record<string, string>) => void
  onShow?: (this: PageInstance) => void
  onReady?: (this: PageInstance) => void
  onHide?: (this: PageInstance) => void
  onUnload?: (this: PageInstance) => void
}
interface PageInstance {
  route: string
  __route__: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, cb?: () => void): void
  [k: string]: unknown
}

let appConfig: Record<string, unknown> | null = null
let registering = ''
const pageConfigs = new Map<string, PageConfig>()
let stack: PageInstance[] = []
let measure: PageMeasure | null = null

const g = globalThis as Record<string, unknown>
g.wx = wx
g.App = (c: Record<string, unknown>) => void (appConfig = c)
g.Page = (c: PageConfig) => void pageConfigs.set(registering, c)
g.Component = noop
g.Behavior = (b: unknown) => b
g.getApp = () => appConfig
g.getCurrentPages = () => stack
g.requirePlugin = () => new Proxy({}, { get: () => noop })

const CJK = /[\u4e00-\u9fa5][\u4e00-\u9fa5\w·：，。、（）\d]{1,15}/g

function collectWords(data: unknown, out: Set<string>): void {
  if (out.size >= 12) return
  if (typeof data === 'string') {
    for (const m of data.match(CJK) ?? []) if (out.size < 12) out.add(m)
  } else if (Array.isArray(data)) for (const d of data) collectWords(d, out)
  else if (data && typeof data === 'object') for (const v of Object.values(data)) collectWords(v, out)
}

function makeInstance(route: string, query: Record<string, string>, config: PageConfig): PageInstance {
  const inst = Object.create(config) as PageInstance
  inst.route = route
  inst.__route__ = route
  inst.options = query
  inst.data = {}
  inst.getTabBar = () => ({ setData: noop, data: {} })
  inst.selectComponent = () => null
  inst.createSelectorQuery = () => new Proxy({}, { get: () => () => undefined })
  inst.setData = (data, cb) => {
    const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8')
    lastActivity = Date.now()
    if (measure) {
      measure.calls += 1
      measure.totalBytes += bytes
      measure.maxBytes = Math.max(measure.maxBytes, bytes)
      const words = new Set(measure.sample)
      collectWords(data, words)
      measure.sample = [...words]
      if (measure.text.length < 20_000)
        measure.text = `${measure.text} ${(JSON.stringify(data).match(CJK) ?? []).join(' ')}`.slice(0, 20_000)
    }
    // The view layer applies the paths; the logic layer's copy is what Taro reads back.
    Object.assign(inst.data, data)
    if (cb) setTimeout(cb)
  }
  return inst
}

async function settle(): Promise<void> {
  const start = Date.now()
  lastActivity = Date.now()
  while (Date.now() - start < PAGE_TIMEOUT_MS) {
    await new Promise((r) => setTimeout(r, 50))
    if (inFlight === 0 && Date.now() - lastActivity >= SETTLE_MS) return
  }
}

function loadScript(file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(file)
}

/** Published through the handlers as staff would (so every derived record exists), and messages to 张桂兰. */
async function addLargeDeployment(): Promise<void> {
  const day = 86400_000
  for (let i = 0; i < BIG_COUNT; i++) {
    const startAt = now + (2 + (i % 60)) * day + (i % 8) * 3600_000
    const created = await router.call('local:chenjing', {
      action: 'activity.staff.create',
      mutationId: randomUUID().replace(/-/g, ''),
      payload: {
        title: `社区书画交流第${i + 1}期：写春联、画梅花，欢迎带上作品`,
        type: '文体活动',
        place: '肃州区老干部活动中心二楼书画室',
        startAt,
        endAt: startAt + 2 * 3600_000,
        signupDeadline: startAt - day,
        capacity: 40,
        audience: { kind: 'all' },
        orgUnitId: 'org-sz',
        description: '带上笔墨，和老同志们一起交流。'.repeat(8)
      }
    })
    if (!created.ok) throw new Error(`activity.staff.create: ${created.code} ${created.message}`)
    const published = await router.call('local:chenjing', {
      action: 'activity.staff.publish',
      mutationId: randomUUID().replace(/-/g, ''),
      payload: { id: (created.data as { id: string }).id }
    })
    if (!published.ok) throw new Error(`activity.staff.publish: ${published.code} ${published.message}`)
  }
  await store.transaction(async (tx) => {
    for (let i = 0; i < BIG_COUNT; i++) {
      await tx.put('messages', {
        _id: `big-m-${i}`,
        toPersonId: 'p-zhangguilan',
        toAccountId: null,
        title: '活动提醒',
        body: `您报名的第${i + 1}个活动明天上午九点开始，请按时到场签到。`,
        link: null,
        at: now - i * 3600_000,
        readAt: null
      })
    }
  })
}

async function main(): Promise<void> {
  await seedDemo(store, { now, passwordHash: () => 'scrypt$x$y' })
  if (BIG) await addLargeDeployment()
  // The phone's saved state: 长辈版 on or off, and (family) the elder being acted for.
  const user = WALK_USERS[USER]
  const state = {
    state: {
      token: null,
      me: null,
      actingFor: user.actingFor ? { personId: user.actingFor, name: '' } : null,
      elderMode: MODE === 'elder',
      elderModeChosen: true,
      outbox: [],
      rejected: []
    },
    version: 3
  }
  if (user.actingFor) {
    const person = await store.get('persons', user.actingFor)
    state.state.actingFor = { personId: user.actingFor, name: String((person as { name?: string } | null)?.name ?? '') }
  }
  const kv = {
    get: (k: string) => storage.get(k) ?? null,
    set: (k: string, v: string) => void storage.set(k, v),
    remove: (k: string) => void storage.delete(k)
  }
  chunkedStorage(kv).setItem(STORE_KEY, JSON.stringify(state))

  registering = 'app'
  loadScript(path.join(DIST, 'app.js'))
  if (!appConfig) throw new Error('app.js did not call App()')
  const app = appConfig as { onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void }
  app.onLaunch?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 })
  await settle()

  const pages: PageMeasure[] = []
  for (const visit of walkPlan().filter(
    (p) => p.user === USER && (ONLY_PAGES.length === 0 || ONLY_PAGES.includes(p.path))
  )) {
    const queryText = visit.hash.includes('?') ? visit.hash.slice(visit.hash.indexOf('?') + 1) : ''
    const query = Object.fromEntries(new URLSearchParams(queryText))
    measure = {
      path: visit.path,
      query: queryText,
      calls: 0,
      maxBytes: 0,
      totalBytes: 0,
      sample: [],
      text: '',
      errors: []
    }
    pageErrors = measure.errors
    try {
      registering = visit.path
      if (!pageConfigs.has(visit.path)) loadScript(path.join(DIST, `${visit.path}.js`))
      const config = pageConfigs.get(visit.path)
      if (!config) throw new Error(`${visit.path}.js did not call Page()`)
      const inst = makeInstance(visit.path, query, config)
      stack = [inst]
      config.onLoad?.call(inst, query)
      config.onShow?.call(inst)
      config.onReady?.call(inst)
      await settle()
      config.onHide?.call(inst)
      config.onUnload?.call(inst)
      await new Promise((r) => setTimeout(r, 20))
    } catch (e) {
      noteError(e)
    }
    pages.push(measure)
    measure = null
  }
  const result: SimResult = {
    user: USER,
    mode: MODE,
    pages,
    apiCalls,
    errors: processErrors.filter((e) => !pages.some((p) => p.errors.includes(e))),
    ...(HTTP_BASE ? { httpRequests } : {})
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
