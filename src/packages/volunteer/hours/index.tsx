import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDay, startOfBusinessDay } from '@contract/time'
import { hoursText } from '@contract/volunteer-rules'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { myHours } from '@/services/volunteer'
import { useAppStore } from '@/store'
import '../volunteer.scss'

/** With + / − and, for screen readers, the words are the same (加 / 减 are implied by the sign). */
const signed = (m: number) => `${m >= 0 ? '+' : '−'}${hoursText(Math.abs(m))}`

/** 我的时长: the total and every entry of the hours ledger (credits and staff corrections), in plain words. */
export default function HoursPage() {
  const remote = useRemote(() => myHours(), [])
  const actingFor = useAppStore((s) => s.actingFor)
  const h = remote.data
  return (
    <Page title={actingFor ? `${actingFor.name}的志愿服务时长` : '我的志愿服务时长'} testId='page-volunteer-hours'>
      {remote.loading && !h ? <Loading /> : null}
      {remote.error ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {h ? (
        <View>
          <Card tone='highlight'>
            <Text className='yl-vol__label'>累计</Text>
            <Text className='yl-vol__hero' data-testid='hours-total'>
              {hoursText(h.totalMinutes)}
            </Text>
            <Text className='yl-vol__line'>参加了 {h.shifts} 个班次</Text>
          </Card>
          <BigButton
            primary
            onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/certificate/index' })}
            testId='hours-certificate'
          >
            开具志愿服务证明
          </BigButton>
          <Section title='明细'>
            {h.items.length === 0 ? <Empty text='还没有时长记录。参加志愿服务、签到签退后，这里会记下来。' /> : null}
            {h.items.length ? (
              <Card>
                {h.items.map((i) => (
                  <View key={i.id} className='yl-vol__row' data-testid='hours-item'>
                    <View className='yl-vol__row-main'>
                      <View className='yl-vol__row-head'>
                        <Text className='yl-vol__line yl-vol__row-text'>{i.text}</Text>
                        <Text className={`yl-vol__amount${i.minutes < 0 ? ' yl-vol__amount--minus' : ''}`}>
                          {signed(i.minutes)}
                        </Text>
                      </View>
                      <Text className='yl-vol__muted'>{formatDay(startOfBusinessDay(i.day))}</Text>
                      {i.notes.map((n) => (
                        <Text key={n} className='yl-vol__muted'>
                          说明：{n}
                        </Text>
                      ))}
                    </View>
                  </View>
                ))}
              </Card>
            ) : null}
          </Section>
        </View>
      ) : null}
    </Page>
  )
}
