/**
 * Every page of the app, read from src/app.config.ts (main package + subPackages), with the demo user who
 * opens it and the query it needs. The accessibility walker (tests/e2e/design-walk.test.ts) and
 * `npm run screenshots` (scripts/screenshots.ts) both visit exactly this list, so a page added to
 * app.config.ts is measured and photographed without touching either.
 *
 * Adding a page: nothing to do if its root already says who uses it (see userFor). A detail page that needs an
 * id from the demo data gets a line in PAGE_QUERY; a page whose user is not the root's gets a line in
 * PAGE_USERS; a dialog worth measuring gets a state in PAGE_STATES.
 */
import type { Page as PwPage } from 'playwright-core'

export type WalkUserKey = 'guest' | 'retiree' | 'volunteer' | 'family' | 'staff' | 'admin'

export interface WalkUser {
  key: WalkUserKey
  /** The 演示登录 account; null: not signed in. */
  account: string | null
  label: string
  /** 代办: after signing in, act for this bound elder (family only). */
  actingFor?: string
}

/** The demo users of server/seed/demo-data.ts. */
export const WALK_USERS: Record<WalkUserKey, WalkUser> = {
  guest: { key: 'guest', account: null, label: '未登录' },
  retiree: { key: 'retiree', account: 'local:zhangguilan', label: '老干部 张桂兰' },
  volunteer: { key: 'volunteer', account: 'local:wangjianguo', label: '志愿者 王建国' },
  family: {
    key: 'family',
    account: 'local:zhangxiaoyan',
    label: '家属 张晓燕（为张桂兰代办）',
    actingFor: 'p-zhangguilan'
  },
  staff: { key: 'staff', account: 'local:liufang', label: '工作人员 刘芳（市局）' },
  admin: { key: 'admin', account: 'local:admin', label: '管理员' }
}

/** Pages whose user is not the one their root implies. */
const PAGE_USERS: Record<string, WalkUserKey> = {
  'pages/login/index': 'guest',
  // The elder manages her own family members and reads what was done for her.
  'packages/family/members/index': 'retiree',
  'packages/family/done/index': 'retiree',
  'packages/help/tasks/index': 'volunteer',
  // Only an admin sees the editable rules.
  'packages/points-staff/rules/index': 'admin',
  'packages/help-staff/settings/index': 'admin'
}

/** Who opens a page: PAGE_USERS, else by its root (staff roots → staff, volunteer → volunteer, family → family). */
export function userFor(path: string): WalkUserKey {
  if (PAGE_USERS[path]) return PAGE_USERS[path]
  const root = path.split('/').slice(0, 2).join('/')
  if (/^packages\/(staff|[\w-]*-staff)$/.test(root)) return 'staff'
  if (/^packages\/volunteer/.test(root)) return 'volunteer'
  if (root === 'packages/family') return 'family'
  return 'retiree'
}

/** Query strings for pages that show one record (ids from the seeded demo data). */
const PAGE_QUERY: Record<string, string> = {
  'packages/activity/detail/index': 'id=a-phone-1',
  'packages/staff/activity/index': 'id=a-xuanjiang-0',
  'packages/staff/code/index': 'id=a-xuanjiang-0',
  'packages/staff/edit/index': 'id=a-phone-1',
  'packages/points-staff/person/index': 'id=p-zhangguilan',
  'packages/points-staff/item/index': 'id=ri-zitie',
  // 张桂兰's request that a volunteer is on (status, timeline and actions all show).
  'packages/help/detail/index': 'id=hr_seed00000000000000000000000d2b90',
  // A new request in 肃州区, waiting for dispatch.
  'packages/help-staff/assign/index': 'id=hr_seed00000000000000000000000e7f35',
  // 关爱空巢老人结对探访: today's shifts, a team-only activity; 王建国 leads its team.
  'packages/volunteer/activity/index': 'id=va-guanai',
  'packages/volunteer/team/index': 'id=vt-sz-guanai',
  'packages/volunteer-staff/activity/index': 'id=va-guanai',
  'packages/volunteer-staff/activity-edit/index': 'id=va-guanai',
  'packages/volunteer-staff/shift-edit/index': 'activityId=va-phone&id=vs-phone-d4',
  // Today's 上午班 (09:00–11:30): roster with check-ins, and its check-in code.
  'packages/volunteer-staff/shift/index': 'id=vs-guanai-d0-am',
  'packages/volunteer-staff/code/index': 'id=vs-guanai-d0-am&dir=in',
  'packages/volunteer-staff/team-edit/index': 'id=vt-sz-guanai'
}

/** A further state of a page worth measuring: a dialog open, an error shown. */
export interface PageState {
  /** For file names: short, ascii. */
  key: string
  name: string
  open(page: PwPage): Promise<void>
}

const v = (page: PwPage, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

const PAGE_STATES: Record<string, PageState[]> = {
  'pages/me/index': [
    {
      key: 'logout-dialog',
      name: '退出登录对话框',
      async open(page) {
        await v(page, 'logout').click()
        await page.locator('[role="dialog"]:visible').waitFor()
      }
    }
  ],
  'packages/staff/activity/index': [
    {
      // 代签 (with its reason) is for an activity that has begun: yesterday's 重阳节座谈会.
      key: 'proxy-checkin-dialog',
      name: '代签对话框（没写原因）',
      async open(page) {
        const url = page.url().replace(/\?id=[^&]*/, '?id=a-past-chongyang')
        await page.goto('about:blank')
        await page.goto(url)
        await page.locator('[data-testid^="proxy-p-"]:visible').first().click()
        await v(page, 'dialog-confirm').click()
        await page.locator('[role="dialog"]:visible').getByText('请写明原因').waitFor()
      }
    }
  ]
}

/** Pages visited once more by another user, where what they see differs (role-specific tiles, 代办). */
const EXTRA_VISITS: { path: string; user: WalkUserKey }[] = [
  { path: 'pages/index/index', user: 'family' },
  { path: 'pages/index/index', user: 'staff' },
  { path: 'pages/me/index', user: 'staff' },
  { path: 'packages/help/new/index', user: 'family' }
]

export interface WalkPage {
  /** As in app.config.ts, e.g. packages/activity/detail/index. */
  path: string
  /** What to open in h5: /#/<path>?<query>. */
  hash: string
  user: WalkUserKey
  states: PageState[]
  /** For file names and reports: path with slashes as dashes, plus the user when it is an extra visit. */
  name: string
}

interface AppConfigLike {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

/** Every page path in src/app.config.ts, main package first, in the order written there. */
export function appPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig ??= (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../src/app.config').default as AppConfigLike
  const subs = config.subPackages ?? config.subpackages ?? []
  return [...config.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

function walkPage(path: string, user: WalkUserKey, extra: boolean): WalkPage {
  const query = PAGE_QUERY[path]
  const base = path.replace(/\/index$/, '').replace(/\//g, '-')
  return {
    path,
    hash: `/#/${path}${query ? `?${query}` : ''}`,
    user,
    states: extra ? [] : (PAGE_STATES[path] ?? []),
    name: extra ? `${base}@${user}` : base
  }
}

/** Every page once with its own user, then the extra visits. */
export function walkPlan(): WalkPage[] {
  const pages = appPages()
  const plan = pages.map((p) => walkPage(p, userFor(p), false))
  for (const x of EXTRA_VISITS) if (pages.includes(x.path)) plan.push(walkPage(x.path, x.user, true))
  return plan
}

export type Mode = 'normal' | 'elder'
export const MODES: Mode[] = ['normal', 'elder']
export const MODE_LABEL: Record<Mode, string> = { normal: '普通', elder: '长辈版' }
