import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import Notice from '@/components/Notice'
import ShiftCard from '@/components/ShiftCard'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { a11y } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { publishVolunteerActivity, staffShiftUrl, volunteerActivity } from '@/services/volunteer'
import '../staff.scss'

/** Staff: one volunteer activity — publish it, change it, add shifts, open a shift's roster. */
export default function StaffVolunteerActivityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const remote = useRemote(() => volunteerActivity(id), [id])
  const { busy, notice, run } = useSubmit()
  const [showPast, setShowPast] = useState(false)
  const a = remote.data
  const now = Date.now()
  const coming = a?.shifts.filter((s) => s.endAt >= now - 24 * 3600_000) ?? []
  const past = a?.shifts.filter((s) => s.endAt < now - 24 * 3600_000).reverse() ?? []
  return (
    <Page testId='page-vstaff-activity'>
      {remote.loading && !a ? <Loading /> : null}
      {remote.error ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {a ? (
        <View>
          <Text {...a11y({ role: 'heading', level: 1 })} className='yl-vol__h1' data-testid='vstaff-title'>
            {a.title}
          </Text>
          <View className='yl-vol__tags'>
            {a.status === 'draft' ? <StatusTag tone='warning'>草稿</StatusTag> : null}
            {a.status === 'published' ? <StatusTag tone='success'>已发布</StatusTag> : null}
            {a.status === 'cancelled' ? <StatusTag tone='danger'>已取消</StatusTag> : null}
            <StatusTag tone='neutral'>{a.serviceItem}</StatusTag>
            {a.teamOnly ? <StatusTag tone='info'>只面向队员</StatusTag> : null}
          </View>
          <Notice notice={notice} testId='vstaff-result' />
          {a.status === 'draft' ? (
            <BigButton
              primary
              loading={busy}
              testId='vstaff-publish'
              onClick={() =>
                void run(() => publishVolunteerActivity(a.id, a.title), {
                  done: '已发布，志愿者现在可以报名了',
                  onApplied: () => remote.reload()
                })
              }
            >
              发布
            </BigButton>
          ) : null}
          <Card>
            <InfoRow label='主办'>
              <Text>
                {a.orgUnitName}
                {a.teamName ? ` · ${a.teamName}` : ''}
              </Text>
            </InfoRow>
            <InfoRow label='积分'>
              <Text>
                每个班次 {a.points} 分{a.customPoints === null ? '（按积分规则）' : '（本活动规定）'}
              </Text>
            </InfoRow>
          </Card>
          {a.description ? (
            <Card>
              <Text className='yl-vol__desc'>{a.description}</Text>
            </Card>
          ) : null}
          <BigButton
            variant='secondary'
            testId='vstaff-edit'
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/volunteer-staff/activity-edit/index?id=${encodeURIComponent(a.id)}`
              })
            }
          >
            修改活动信息
          </BigButton>

          <Section title={`班次（${coming.length}）`}>
            {coming.length === 0 ? <Text className='yl-vol__muted'>还没有班次。发布前请至少添加一个。</Text> : null}
            {coming.map((s) => (
              <ShiftCard
                key={s.id}
                shift={s}
                showTitle={false}
                onClick={() => void Taro.navigateTo({ url: staffShiftUrl(s.id) })}
                testId={`vstaff-shift-${s.id}`}
              />
            ))}
            {a.status !== 'cancelled' ? (
              <BigButton
                variant='secondary'
                testId='vstaff-add-shift'
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/volunteer-staff/shift-edit/index?activityId=${encodeURIComponent(a.id)}`
                  })
                }
              >
                ＋ 添加班次
              </BigButton>
            ) : null}
          </Section>
          {past.length ? (
            <Section title={`已结束的班次（${past.length}）`}>
              {showPast ? (
                past.map((s) => (
                  <ShiftCard
                    key={s.id}
                    shift={s}
                    showTitle={false}
                    onClick={() => void Taro.navigateTo({ url: staffShiftUrl(s.id) })}
                  />
                ))
              ) : (
                <BigButton variant='plain' onClick={() => setShowPast(true)} testId='vstaff-show-past'>
                  看已结束的班次
                </BigButton>
              )}
            </Section>
          ) : null}
        </View>
      ) : null}
    </Page>
  )
}
