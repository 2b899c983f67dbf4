/** 积分: reads straight through the transport, writes through the outbox (see services/api.ts). */
import type { PointsRules } from '@contract/actions'
import type { StaffAwardKind } from '@contract/points-words'
import { mutate, query } from './api'

export const pointsSummary = () => query('points.summary', {})
export const pointsHistory = (cursor?: string) => query('points.history', cursor ? { cursor } : {})
export const pointsRules = () => query('points.rules', {})
export const catalogue = () => query('points.catalogue', {})
export const myRedemptions = () => query('points.myRedemptions', {})
export const leaderboard = () => query('points.leaderboard', {})

export const redeemItem = (itemId: string, name: string) =>
  mutate('points.redeem', { itemId }, { label: `兑换「${name}」` })
export const cancelRedemption = (code: string, name: string) =>
  mutate('points.cancelRedemption', { code }, { label: `取消兑换「${name}」` })
export const setLeaderboardOptIn = (optIn: boolean) =>
  mutate('points.setLeaderboardOptIn', { optIn }, { label: optIn ? '参加积分榜' : '退出积分榜' })

// ----- staff -----
export const staffPeople = (q?: string) => query('points.staff.people', q ? { q } : {})
export const staffLedger = (personId: string) => query('points.staff.ledger', { personId })
export const staffAdjust = (personId: string, name: string, amount: number, reason: string) =>
  mutate('points.staff.adjust', { personId, amount, reason }, { label: `调整「${name}」的积分` })
export const staffAward = (
  input: { personId: string; kind: StaffAwardKind; title: string; day: string; amount?: number },
  name: string
) => mutate('points.staff.award', input, { label: `为「${name}」记积分` })
export const staffItems = () => query('points.staff.items', {})
export const staffSaveItem = (input: {
  id?: string
  name: string
  description: string
  kind: 'item' | 'service'
  price: number
  addStock: number
  perPersonLimit: number | null
  orgUnitId: string
  active: boolean
}) => mutate('points.staff.saveItem', input, { label: `保存兑换物品「${input.name}」` })
export const staffRedemption = (code: string) => query('points.staff.redemption', { code })
export const staffFulfil = (code: string, name: string) =>
  mutate('points.staff.fulfil', { code }, { label: `核销「${name}」` })
export const staffPending = () => query('points.staff.pending', {})
export const staffExport = (branchId: string, from: string, to: string) =>
  query('points.staff.export', { branchId, from, to })
export const staffStars = (branchId: string, year: number) => query('points.staff.stars', { branchId, year })
export const staffSetStarExempt = (personId: string, name: string, year: number, exempt: boolean, reason: string) =>
  mutate(
    'points.staff.setStarExempt',
    { personId, year, exempt, reason },
    { label: `${exempt ? '免评' : '恢复评星'}「${name}」` }
  )
export const staffSetLeaderboard = (branchId: string, enabled: boolean) =>
  mutate('points.staff.setLeaderboard', { branchId, enabled }, { label: enabled ? '打开支部积分榜' : '关闭支部积分榜' })
export const setRules = (rules: PointsRules) => mutate('points.staff.setRules', { rules }, { label: '修改积分规则' })
