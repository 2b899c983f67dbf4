import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PointsRules } from '@contract/actions'
import { ACTIVITY_TYPES } from '@contract/activity-types'
import { starText } from '@contract/points-words'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { pointsRules } from '@/services/points'
import './index.scss'

/** The star bands in words: '60–69 分：★'. */
export function bandLines(bands: PointsRules['starBands']): string[] {
  return bands.map((b, i) => {
    const next = bands[i + 1]
    return `${next ? `${b.min}–${next.min - 1} 分` : `${b.min} 分及以上`}：${starText(b.stars)}`
  })
}

/** 积分规则 in plain language, from the rules in force (configuration, not code). */
export default function PointsRulesPage() {
  const remote = useRemote(() => pointsRules(), [])
  const isAdmin = useAppStore((s) => !!s.me?.roles.includes('admin'))
  const r = remote.data?.rules
  return (
    <Page title='积分规则' testId='page-points-rules'>
      {remote.loading && !r ? <Loading /> : null}
      {remote.error && !r ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {r ? (
        <View>
          <Section title='怎样得积分'>
            <Card>
              <Text className='yl-pts__line'>参加活动并签到，就能得积分：</Text>
              {ACTIVITY_TYPES.map((t) => (
                <Text key={t} className='yl-pts__line' data-testid={`rule-type-${t}`}>
                  · {t}：{r.byType[t]} 分
                </Text>
              ))}
              <Text className='yl-pts__label'>有的活动另有规定，以活动页上写的积分为准。</Text>
            </Card>
            <Card>
              <Text className='yl-pts__line'>
                行动不便、由工作人员送学上门的，记 {r.staffAward.songxue} 分；参加没有签到的其他活动，由工作人员记{' '}
                {r.staffAward.participation} 分。
              </Text>
            </Card>
            <Card>
              <Text className='yl-pts__line' data-testid='rule-shift'>
                参加志愿服务，每个班次签到签退后记 {r.volunteerShift}{' '}
                分（有的活动另有规定）；服务时长另外记在「我的时长」里。
              </Text>
            </Card>
            <Card>
              <Text className='yl-pts__line' data-testid='rule-cap'>
                {r.dailyCap === null
                  ? '每天得分不设上限。'
                  : `每人每天最多得 ${r.dailyCap} 分，超过的部分不再计分，明细里会写明。`}
              </Text>
            </Card>
          </Section>
          <Section title='怎样用积分'>
            <Card>
              <Text className='yl-pts__line'>
                积分可以兑换物品和服务。兑换后会给您一个取件码，凭取件码到工作人员处领取。
              </Text>
              <Text className='yl-pts__line'>领取之前可以取消，积分会退回。</Text>
              <Text className='yl-pts__line' data-testid='rule-expiry'>
                {r.expiry.enabled
                  ? `每年得的积分，到第 ${r.expiry.afterYears} 年年底还没用的会到期清零。`
                  : '积分长期有效，不会过期。'}
              </Text>
            </Card>
          </Section>
          <Section title='践诺评星（党员）'>
            <Card>
              <Text className='yl-pts__line'>党员按一年里得到的积分评星（兑换用掉的不扣）：</Text>
              {bandLines(r.starBands).map((l) => (
                <Text key={l} className='yl-pts__line'>
                  · {l}
                </Text>
              ))}
              <Text className='yl-pts__label'>身体不便的同志，可由工作人员办理免评。</Text>
            </Card>
          </Section>
          <Section title='排名'>
            <Card>
              <Text className='yl-pts__line'>积分不公开排名。支部打开积分榜后，也只显示自愿参加的人。</Text>
            </Card>
          </Section>
          {isAdmin ? (
            <BigButton
              variant='secondary'
              onClick={() => void Taro.navigateTo({ url: '/packages/points-staff/rules/index' })}
              testId='edit-rules'
            >
              修改积分规则
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
