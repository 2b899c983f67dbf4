import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import TextBox from '@/components/TextBox'
import BigButton from '@/components/BigButton'
import ChoiceGroup from '@/components/ChoiceGroup'
import MultiChoice from '@/components/MultiChoice'
import Notice from '@/components/Notice'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { useSubmit } from '@/hooks/use-submit'
import { myProfile, saveProfile } from '@/services/volunteer'
import '../volunteer.scss'

/**
 * 我的特长 (银发人才库): the skills (from configuration), when one can serve in one's own words, and whether
 * one takes requests now. Joining is for people under the configured age; those already in keep editing.
 */
export default function ProfilePage() {
  const remote = useRemote(() => myProfile(), [])
  const { busy, notice, run } = useSubmit()
  const [skills, setSkills] = useState<string[]>([])
  const [availability, setAvailability] = useState('')
  const [available, setAvailable] = useState<'yes' | 'no'>('yes')
  const [skillError, setSkillError] = useState<string | null>(null)
  const p = remote.data
  useEffect(() => {
    if (!p?.profile) return
    setSkills(p.profile.skills)
    setAvailability(p.profile.availability)
    setAvailable(p.profile.available ? 'yes' : 'no')
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fills the form when the saved profile changes, never over what is being typed
  }, [p?.profile?.updatedAt])

  return (
    <Page title='我的特长' testId='page-volunteer-profile'>
      {remote.loading && !p ? <Loading /> : null}
      {remote.error ? <ErrorBlock message={remote.error} onRetry={() => void remote.reload()} /> : null}
      {p && !p.eligible ? (
        <View>
          <Notice tone='info' title='暂时不能登记特长' testId='profile-refusal'>
            <Text>{p.refusal}</Text>
          </Notice>
          <BigButton
            primary
            onClick={() => void Taro.navigateTo({ url: '/packages/volunteer/index/index' })}
            testId='profile-go-volunteer'
          >
            看看志愿活动
          </BigButton>
        </View>
      ) : null}
      {p && p.eligible ? (
        <View>
          <Card tone='muted'>
            <Text className='yl-vol__line'>
              登记到「银发人才库」后，工作人员能按特长找到您，请您参加合适的志愿服务和求助。
              {p.profile ? '' : `收录 ${p.intakeMaxAge} 岁以下的老同志。`}
            </Text>
          </Card>
          <MultiChoice
            label='我的特长（可以选几项）'
            choices={p.skillOptions}
            value={skills}
            onChange={(v) => {
              setSkills(v)
              setSkillError(null)
            }}
            error={skillError}
            testId='profile-skills'
          />
          {/* A sentence, not a word: a box that grows with it, so none of it is cut off (a one-line field clipped it). */}
          <TextBox
            label='什么时候有空'
            value={availability}
            onInput={setAvailability}
            placeholder='例如：周一到周五上午'
            maxlength={60}
            testId='profile-availability'
          />
          <ChoiceGroup
            label='现在能接受服务安排吗'
            choices={[
              { value: 'yes', label: '可以' },
              { value: 'no', label: '暂停一段时间' }
            ]}
            value={available}
            onChange={setAvailable}
            testId='profile-available'
          />
          <Notice notice={notice} testId='profile-result' />
          <BigButton
            primary
            loading={busy}
            testId='profile-save'
            onClick={() => {
              if (skills.length === 0) {
                setSkillError('请至少选一项特长')
                return
              }
              void run(
                () => saveProfile({ skills, availability: availability.trim(), available: available === 'yes' }),
                {
                  done: p.profile ? '已保存' : '已登记到银发人才库，谢谢您！',
                  onApplied: () => remote.reload()
                }
              )
            }}
          >
            {p.profile ? '保存' : '登记到银发人才库'}
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
