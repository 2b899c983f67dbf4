/** 我的活动 in three groups an older reader expects: 要参加的, 参加过的, 取消和错过的. */
import type { MySignup } from '@contract/actions'

export interface MineGroups {
  upcoming: MySignup[]
  attended: MySignup[]
  other: MySignup[]
}

export function groupMine(items: MySignup[], now: number): MineGroups {
  const upcoming: MySignup[] = []
  const attended: MySignup[] = []
  const other: MySignup[] = []
  for (const i of items) {
    if (i.checkin) attended.push(i)
    else if (i.status !== 'cancelled' && i.activity.status === 'published' && i.activity.endAt >= now) upcoming.push(i)
    else other.push(i)
  }
  upcoming.sort((a, b) => a.activity.startAt - b.activity.startAt)
  attended.sort((a, b) => b.activity.startAt - a.activity.startAt)
  other.sort((a, b) => b.activity.startAt - a.activity.startAt)
  return { upcoming, attended, other }
}
