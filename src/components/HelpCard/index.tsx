import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HelpCard as Card } from '@contract/actions'
import { HELP_PERIOD_LABELS, HELP_STATUS_LABELS, type HelpStatus } from '@contract/help-rules'
import { formatClock, formatDateTime, formatDay, startOfBusinessDay } from '@contract/time'
import CardFrame from '../Card'
import StatusTag, { type Tone } from '../StatusTag'
import './index.scss'

export const helpUrl = (id: string) => `/packages/help/detail/index?id=${encodeURIComponent(id)}`

export const HELP_STATUS_TONE: Record<HelpStatus, Tone> = {
  submitted: 'warning',
  accepted: 'info',
  assigned: 'info',
  in_progress: 'info',
  completed: 'success',
  rated: 'success',
  withdrawn: 'neutral',
  returned: 'danger'
}

export function preferredText(c: Pick<Card, 'preferredDay' | 'preferredPeriod'>): string {
  if (!c.preferredDay)
    return c.preferredPeriod === 'any' ? '尽快' : `尽快（最好${HELP_PERIOD_LABELS[c.preferredPeriod]}）`
  const day = formatDay(startOfBusinessDay(c.preferredDay))
  return c.preferredPeriod === 'any' ? day : `${day} ${HELP_PERIOD_LABELS[c.preferredPeriod]}`
}

export function HelpStatusTags({ card }: { card: Pick<Card, 'status' | 'urgency' | 'overdue'> }) {
  return (
    <View className='yl-help-card__tags'>
      <StatusTag tone={HELP_STATUS_TONE[card.status]}>{HELP_STATUS_LABELS[card.status]}</StatusTag>
      {card.urgency === 'urgent' ? <StatusTag tone='danger'>紧急</StatusTag> : null}
      {card.overdue ? <StatusTag tone='danger'>超时未受理</StatusTag> : null}
    </View>
  )
}

/** A help request in a list: status in words, what, for whom, when; one tap opens it. No contact details. */
export default function HelpCard({ card, showPerson = false }: { card: Card; showPerson?: boolean }) {
  return (
    <CardFrame
      tone={card.overdue ? 'highlight' : 'default'}
      onClick={() => void Taro.navigateTo({ url: helpUrl(card.id) })}
      ariaLabel={`${card.category}，${HELP_STATUS_LABELS[card.status]}${card.urgency === 'urgent' ? '，紧急' : ''}${card.overdue ? '，超时未受理' : ''}`}
      testId={`help-${card.id}`}
    >
      <HelpStatusTags card={card} />
      <Text className='yl-help-card__title'>
        {card.category}
        {showPerson ? ` · ${card.personName}` : ''}
      </Text>
      <Text className='yl-help-card__line'>{card.summary}</Text>
      <Text className='yl-help-card__line'>希望时间：{preferredText(card)}</Text>
      {showPerson ? <Text className='yl-help-card__line'>地点：{card.addressMasked}</Text> : null}
      {card.assigneeName ? <Text className='yl-help-card__line'>办理人：{card.assigneeName}</Text> : null}
      <Text className='yl-help-card__meta'>
        {formatDateTime(card.createdAt)} 提交 · 编号 {card.no}
        {card.acceptDueAt ? ` · 应在 ${formatDay(card.acceptDueAt)} ${formatClock(card.acceptDueAt)} 前受理` : ''}
      </Text>
    </CardFrame>
  )
}
