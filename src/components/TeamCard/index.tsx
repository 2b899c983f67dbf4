import { Text, View } from '@tarojs/components'
import type { TeamCard as Team } from '@contract/actions'
import { MEMBERSHIP_LABELS } from '@contract/volunteer-rules'
import StatusTag, { type Tone } from '../StatusTag'
import './index.scss'

const TONE = { pending: 'warning', member: 'success', left: 'neutral', rejected: 'neutral' } as const satisfies Record<
  string,
  Tone
>

/** A team's kind, the reader's place in it, and requests waiting (for those who decide them), in words. */
export function TeamTags({ team }: { team: Team }) {
  return (
    <View className='yl-team__tags'>
      <StatusTag tone='neutral'>{team.kind}</StatusTag>
      {team.myStatus ? <StatusTag tone={TONE[team.myStatus]}>{MEMBERSHIP_LABELS[team.myStatus]}</StatusTag> : null}
      {team.pendingCount ? <StatusTag tone='warning'>{team.pendingCount} 人申请加入</StatusTag> : null}
    </View>
  )
}

export function TeamLines({ team }: { team: Team }) {
  return (
    <>
      <Text className='yl-team__line'>
        {team.orgUnitName} · {team.memberCount} 名队员
      </Text>
      {team.leaderName ? <Text className='yl-team__line'>队长：{team.leaderName}</Text> : null}
    </>
  )
}
