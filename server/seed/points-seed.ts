/**
 * Demo points: a year of history for every party member (so 践诺评星 has something to band), a plain-language
 * history for 张桂兰 (awards, a staff adjustment, a capped day, a redemption waiting for pick-up), and the
 * 积分兑换 catalogue of the bureau and of 肃州区. Written through the ledger's own functions, so every stored
 * balance equals the sum of its entries (npm run points:reconcile says so on a fresh database).
 */
import type { StoragePort } from '../storage/port'
import type { PersonDoc, RewardItemDoc } from '../storage/schema'
import { beijingTime, businessDay, addDays } from '../../types/time'
import { adjustPoints, award } from '../domain/points/points-ledger'
import { DEFAULT_POINTS_RULES } from '../domain/points/points-rules'
import { redeem } from '../domain/points/redemption'
import { BUREAU_ID } from './demo-data'
import { prng } from './prng'

const SEED_ACTOR = 'seed'

export function demoRewardItems(now: number): RewardItemDoc[] {
  const item = (
    _id: string,
    name: string,
    kind: RewardItemDoc['kind'],
    price: number,
    stock: number,
    perPersonLimit: number | null,
    orgUnitId: string,
    description: string
  ): RewardItemDoc => ({
    _id,
    name,
    description,
    kind,
    price,
    stock,
    redeemed: 0,
    perPersonLimit,
    orgUnitId,
    status: 'active',
    createdBy: SEED_ACTOR,
    createdAt: now,
    updatedAt: now
  })
  return [
    item('ri-zitie', '书法字帖', 'item', 15, 40, 2, BUREAU_ID, '楷书入门字帖一本，老年大学书法班用。'),
    item(
      'ri-haircut',
      '上门理发一次',
      'service',
      20,
      30,
      2,
      BUREAU_ID,
      '理发师按约定时间上门理发，兑换后工作人员会打电话约时间。'
    ),
    item('ri-glasses', '老花镜', 'item', 30, 20, 1, BUREAU_ID, '多种度数可选，领取时现场试戴。'),
    item('ri-cup', '保温杯', 'item', 40, 15, 1, BUREAU_ID, '不锈钢保温杯，500毫升。'),
    item('ri-bp', '电子血压计', 'item', 120, 2, 1, BUREAU_ID, '上臂式电子血压计，大字屏幕，语音播报。'),
    item(
      'ri-sz-massage',
      '社区理疗一次',
      'service',
      25,
      10,
      2,
      'org-sz',
      '肃州区老干部活动中心理疗室，按摩或艾灸一次。'
    )
  ]
}

const PAST_ACTIVITIES: [string, number][] = [
  ['重阳节座谈会', 5],
  ['主题党日：重温入党誓词', 5],
  ['学习贯彻全会精神宣讲会', 5],
  ['冬季健康讲座', 3],
  ['老年大学书法班', 2],
  ['太极拳晨练', 3],
  ['支部组织生活会', 5],
  ['防诈骗法律讲座', 3],
  ['迎新春文艺排练', 3]
]

export async function seedPoints(
  store: StoragePort,
  persons: PersonDoc[],
  now: number
): Promise<{ items: number; entries: number }> {
  const rules = DEFAULT_POINTS_RULES
  const today = businessDay(now)
  const rand = prng(20261201)
  const items = demoRewardItems(now)
  let entries = 0
  await store.transaction(async (tx) => {
    for (const i of items) await tx.put('rewardItems', i)
    // Party members: about two activities a month over the past year.
    for (const p of persons.filter((x) => x.partyMember && x._id !== 'p-zhangguilan')) {
      const count = 10 + Math.floor(rand() * 22)
      for (let n = 0; n < count; n++) {
        const [title, points] = PAST_ACTIVITIES[Math.floor(rand() * PAST_ACTIVITIES.length)]
        const day = addDays(today, -(1 + Math.floor(rand() * 330)))
        const r = await award(tx, {
          personId: p._id,
          amount: points,
          reason: `参加「${title}」`,
          source: { kind: 'checkin', id: `seed-${p._id}-${n}` },
          actorAccountId: SEED_ACTOR,
          at: beijingTime(day, '10:00'),
          rules
        })
        if (r.status !== 'already') entries += 1
      }
    }
    // 张桂兰: a readable history over the last three months.
    const zgl = 'p-zhangguilan'
    const plan: [number, string, number][] = [
      [-70, '重阳节座谈会', 5],
      [-64, '老年大学书法班', 2],
      [-57, '学习贯彻全会精神宣讲会', 5],
      [-50, '主题党日：重温入党誓词', 5],
      [-43, '冬季健康讲座', 3],
      [-36, '老年大学书法班', 2],
      [-29, '支部组织生活会', 5],
      [-22, '太极拳晨练', 3],
      [-15, '防诈骗法律讲座', 3],
      [-8, '老年大学书法班', 2],
      [-3, '主题党日：重温入党誓词', 5],
      [-3, '学习贯彻全会精神宣讲会', 5],
      [-3, '冬季健康讲座', 3],
      [-3, '支部组织生活会', 5]
    ]
    for (const [i, [offset, title, points]] of plan.entries()) {
      await award(tx, {
        personId: zgl,
        amount: points,
        reason: `参加「${title}」`,
        source: { kind: 'checkin', id: `seed-zgl-${i}` },
        actorAccountId: SEED_ACTOR,
        at: beijingTime(addDays(today, offset), `${String(8 + (i % 8)).padStart(2, '0')}:30`),
        rules
      })
      entries += 1
    }
    // Earlier in the year, so her 践诺评星 score has a band.
    for (let n = 0; n < 14; n++) {
      const [title, points] = PAST_ACTIVITIES[n % PAST_ACTIVITIES.length]
      await award(tx, {
        personId: zgl,
        amount: points,
        reason: `参加「${title}」`,
        source: { kind: 'checkin', id: `seed-zgl-early-${n}` },
        actorAccountId: SEED_ACTOR,
        at: beijingTime(addDays(today, -90 - n * 14), '09:30'),
        rules
      })
      entries += 1
    }
    await adjustPoints(tx, {
      entryId: 'adj:seed:zgl-1',
      personId: zgl,
      amount: 2,
      reason: '补录3月学习',
      staffAccountId: 'local:chenjing',
      actorAccountId: 'local:chenjing',
      at: beijingTime(addDays(today, -40), '16:00')
    })
    entries += 1
    const { redemption } = await redeem(tx, {
      itemId: 'ri-zitie',
      personId: zgl,
      actorAccountId: 'local:zhangguilan',
      at: beijingTime(addDays(today, -2), '10:15'),
      visible: () => true
    })
    void redemption
    entries += 1
  })
  return { items: items.length, entries }
}
