/**
 * Activity history for the demo: a talk three days ago that 张桂兰 and 王建国 attended (one scanned, one was
 * 代签 by staff) and 李德明 signed up for but missed. Written through the same pool and ledger functions the
 * handlers use, so counters, sign-ups, check-ins and points agree.
 */
import type { StoragePort } from '../storage/port'
import type { ActivityDoc } from '../storage/schema'
import { addDays, beijingTime, businessDay } from '../../types/time'
import { join, openPool } from '../domain/capacity/capacity-pool'
import { activityPool, checkinId, counterId, newSignup } from '../domain/activities/activity-pool'
import { awardPoints } from '../domain/points/points-ledger'
import { activityPoints, loadPointsRules } from '../domain/points/points-rules'
import { BUREAU_ID, ORG_UNITS } from './demo-data'

export function pastActivities(now: number): ActivityDoc[] {
  const day = addDays(businessDay(now), -3)
  const startAt = beijingTime(day, '09:30')
  return [
    {
      _id: 'a-past-chongyang',
      title: '重阳节座谈会',
      type: '组织生活',
      description: '局领导与老同志座谈，听取对老干部工作的意见建议。',
      place: '市委老干部局三楼会议室',
      startAt,
      endAt: startAt + 2 * 3600_000,
      signupDeadline: startAt - 3600_000,
      capacity: 60,
      points: null,
      audience: { kind: 'all' },
      orgUnitId: BUREAU_ID,
      status: 'published',
      checkinOpensBeforeMin: 30,
      allowWalkIn: false,
      contactPhone: ORG_UNITS[0].liaisonPhone,
      cancelReason: null,
      createdBy: 'local:liufang',
      createdAt: startAt - 10 * 24 * 3600_000,
      updatedAt: startAt - 10 * 24 * 3600_000
    }
  ]
}

const ATTENDED: {
  personId: string
  account: string
  method: 'scan' | 'proxy'
  reason: string | null
  minutes: number
}[] = [
  { personId: 'p-zhangguilan', account: 'local:zhangguilan', method: 'scan', reason: null, minutes: -12 },
  {
    personId: 'p-wangjianguo',
    account: 'local:liufang',
    method: 'proxy',
    reason: '手机没电，本人到场，工作人员代签',
    minutes: -5
  }
]

export async function seedActivityHistory(store: StoragePort, now: number): Promise<void> {
  for (const activity of pastActivities(now)) {
    await store.transaction(async (tx) => {
      await tx.put('activities', activity)
      await openPool(tx, counterId(activity._id), activity.capacity)
      const signupAt = activity.startAt - 5 * 24 * 3600_000
      for (const personId of ['p-zhangguilan', 'p-wangjianguo', 'p-lideming']) {
        await join(tx, activityPool(activity._id), {
          holderId: `${activity._id}:${personId}`,
          now: signupAt,
          waitlist: true,
          create: newSignup(activity._id, personId, 'seed', signupAt)
        })
      }
      for (const a of ATTENDED) {
        const at = activity.startAt + a.minutes * 60_000
        await tx.create('checkins', {
          _id: checkinId(activity._id, a.personId),
          activityId: activity._id,
          personId: a.personId,
          method: a.method,
          at,
          scannedAt: at,
          actorAccountId: a.account,
          reason: a.reason,
          walkIn: false
        })
        await awardPoints(tx, {
          personId: a.personId,
          amount: activityPoints(activity, await loadPointsRules(tx)),
          reason: `参加「${activity.title}」`,
          source: { kind: 'checkin', id: activity._id },
          actorAccountId: a.account,
          at
        })
      }
    })
  }
}
