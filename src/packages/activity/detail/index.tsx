import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatClock, formatDateTime, formatDay } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import { placesText } from '@/components/ActivityCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { getActivity } from '@/services/activities'
import './index.scss'
import { a11y } from '@/components/a11y'

export default function ActivityDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => getActivity(id), [id])
  const a = detail.data
  return (
    <Page testId='page-activity-detail'>
      {detail.loading && !a ? <Loading /> : null}
      {detail.error ? <ErrorBlock message={detail.error} onRetry={() => void detail.reload()} /> : null}
      {a ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-detail__title' data-testid='activity-title'>
            {a.title}
          </Text>
          <View className='yl-detail__tags'>
            <StatusTag tone='neutral'>{a.type}</StatusTag>
            {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
            {a.mySignup === 'signed' ? <StatusTag tone='success'>您已报名</StatusTag> : null}
            {a.mySignup === 'waitlisted' ? <StatusTag tone='warning'>您在候补名单上</StatusTag> : null}
            {a.myCheckin ? <StatusTag tone='success'>已签到 {formatClock(a.myCheckin.at)}</StatusTag> : null}
          </View>
          <Card>
            <InfoRow label='时间' testId='activity-time'>
              <Text>
                {formatDay(a.startAt)} {formatClock(a.startAt)}–{formatClock(a.endAt)}
              </Text>
            </InfoRow>
            <InfoRow label='地点'>
              <Text>{a.place}</Text>
            </InfoRow>
            <InfoRow label='名额'>
              <Text>
                {placesText(a)}
                {a.waitlistCount ? `（候补 ${a.waitlistCount} 人）` : ''}
              </Text>
            </InfoRow>
            <InfoRow label='报名截止'>
              <Text>{formatDateTime(a.signupDeadline)}</Text>
            </InfoRow>
            <InfoRow label='签到时间'>
              <Text>{formatClock(a.checkinOpensAt)} 起可以签到</Text>
            </InfoRow>
            <InfoRow label='参加对象'>
              <Text>{a.audienceLabel}</Text>
            </InfoRow>
            <InfoRow label='积分'>
              <Text>签到后得 {a.points} 分</Text>
            </InfoRow>
            <InfoRow label='主办'>
              <Text>{a.orgUnitName}</Text>
            </InfoRow>
          </Card>
          <Card>
            <Text className='yl-detail__desc'>{a.description}</Text>
          </Card>
          {a.contactPhone ? (
            <BigButton variant='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: a.contactPhone! })}>
              有问题？打电话 {a.contactPhone}
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
