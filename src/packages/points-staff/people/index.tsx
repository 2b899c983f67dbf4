import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '@/components/Page'
import Card from '@/components/Card'
import Field from '@/components/Field'
import BigButton from '@/components/BigButton'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { staffPeople } from '@/services/points'
import './index.scss'

/** Find a person in one's scope by name; their balance shows in the list, their ledger one tap further. */
export default function PeoplePage() {
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const people = useRemote(() => staffPeople(search || undefined), [search])
  return (
    <Page title='查积分' testId='page-points-people'>
      <Field
        label='姓名'
        value={q}
        onInput={setQ}
        placeholder='输入姓名中的字，例如：桂兰'
        maxlength={20}
        testId='people-q'
      />
      <BigButton onClick={() => setSearch(q.trim())} testId='people-search'>
        查找
      </BigButton>
      <View className='yl-pts__gap' />
      {people.loading && !people.data ? <Loading /> : null}
      {people.error ? <ErrorBlock message={people.error} onRetry={() => void people.reload()} /> : null}
      {people.data && people.data.items.length === 0 ? <Empty text='没有找到，请换个字再查。' /> : null}
      {people.data?.items.map((p) => (
        <Card
          key={p.id}
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/points-staff/person/index?id=${encodeURIComponent(p.id)}` })
          }
          ariaLabel={`${p.name}，${p.balance}分，查看明细`}
          testId={`person-${p.id}`}
        >
          <View className='yl-pts__row'>
            <Text className='yl-pts__title'>{p.name}</Text>
            <Text className='yl-pts__title'>{p.balance} 分</Text>
          </View>
          <Text className='yl-pts__label'>
            {p.orgUnitName}
            {p.branchName ? ` · ${p.branchName}` : ''}
          </Text>
        </Card>
      ))}
    </Page>
  )
}
