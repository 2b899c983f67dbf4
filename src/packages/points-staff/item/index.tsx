import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import Page from '@/components/Page'
import Field from '@/components/Field'
import TextBox from '@/components/TextBox'
import BigButton from '@/components/BigButton'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { orgUnits } from '@/services/org'
import { staffItems, staffSaveItem } from '@/services/points'
import Notice from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import './index.scss'

const toInt = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number.parseInt(s, 10) : NaN)

/** Add or change a catalogue item. Stock changes by an amount, so redemptions made meanwhile still count. */
export default function ItemEditPage() {
  const { params } = useRouter()
  const id = params.id
  const myUnit = useAppStore((s) => s.me?.orgUnit?.id ?? '')
  const data = useRemote(() => Promise.all([id ? staffItems() : Promise.resolve({ items: [] }), orgUnits()]), [id])
  const existing = data.data?.[0].items.find((i) => i.id === id)
  const units = (data.data?.[1] ?? []).filter((u) => u.id === myUnit || u.parentId === myUnit)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [kind, setKind] = useState<'item' | 'service'>('item')
  const [price, setPrice] = useState('')
  const [addStock, setAddStock] = useState('')
  const [limit, setLimit] = useState('1')
  const [unit, setUnit] = useState(myUnit)
  const [active, setActive] = useState(true)
  const submit = useSubmit()
  const setError = (text: string) => submit.setNotice({ tone: 'danger', text })
  useEffect(() => {
    if (!existing) return
    setName(existing.name)
    setDescription(existing.description)
    setKind(existing.kind)
    setPrice(String(existing.price))
    setAddStock('0')
    setLimit(existing.perPersonLimit === null ? '' : String(existing.perPersonLimit))
    setUnit(existing.orgUnitId)
    setActive(existing.active)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fills the form when another item loads, never over what is being typed
  }, [existing?.id])

  const save = async () => {
    const p = toInt(price)
    const s = addStock.trim() === '' ? 0 : toInt(addStock)
    const l = limit.trim() === '' ? null : toInt(limit)
    if (!name.trim()) return setError('请填写名称')
    if (!(p >= 1)) return setError('所需积分要填 1 以上的整数')
    if (Number.isNaN(s)) return setError('库存变化请填整数，减少时写负数')
    if (l !== null && !(l >= 1 && l <= 100)) return setError('每人限兑次数填 1 到 100，不限就空着')
    if ((existing?.stock ?? 0) + s < 0) return setError(`库存不能少于 0：现有 ${existing?.stock ?? 0}`)
    const back = () => void Taro.navigateBack()
    await submit.run(
      () =>
        staffSaveItem({
          id,
          name: name.trim(),
          description: description.trim(),
          kind,
          price: p,
          addStock: s,
          perPersonLimit: l,
          orgUnitId: unit || myUnit,
          active
        }),
      { onApplied: back, onQueued: back }
    )
  }
  return (
    <Page title={id ? '修改兑换物品' : '添加兑换物品'} testId='page-points-item'>
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorBlock message={data.error} onRetry={() => void data.reload()} /> : null}
      {data.data ? (
        <View>
          <Field
            label='名称'
            value={name}
            onInput={setName}
            placeholder='例如：老花镜'
            maxlength={60}
            testId='item-name'
          />
          <View className='yl-pts__choices'>
            {(['item', 'service'] as const).map((k) => (
              <BigButton
                key={k}
                block={false}
                variant={kind === k ? 'primary' : 'plain'}
                onClick={() => setKind(k)}
                ariaLabel={`${k === 'item' ? '物品' : '服务'}${kind === k ? '，已选' : ''}`}
              >
                {kind === k ? '✓ ' : ''}
                {k === 'item' ? '物品' : '服务'}
              </BigButton>
            ))}
          </View>
          {/* Up to 300 characters: a box that grows with them (a one-line field cut them off). */}
          <TextBox
            label='说明'
            value={description}
            onInput={setDescription}
            placeholder='例如：领取时现场试戴'
            maxlength={300}
          />
          <Field label='所需积分' value={price} onInput={setPrice} type='number' maxlength={6} testId='item-price' />
          <Field
            label={existing ? `库存增加多少（现有 ${existing.stock}，减少写负数）` : '库存数量'}
            value={addStock}
            onInput={setAddStock}
            maxlength={7}
            testId='item-stock'
          />
          <Field
            label='每人最多兑换几次（不限就空着）'
            value={limit}
            onInput={setLimit}
            type='number'
            maxlength={3}
            testId='item-limit'
          />
          {units.length > 1 ? (
            <View>
              <Text className='yl-pts__line'>在哪里领取</Text>
              <View className='yl-pts__choices'>
                {units.map((u) => (
                  <BigButton
                    key={u.id}
                    block={false}
                    variant={unit === u.id ? 'primary' : 'plain'}
                    onClick={() => setUnit(u.id)}
                    ariaLabel={`${u.name}${unit === u.id ? '，已选' : ''}`}
                  >
                    {unit === u.id ? '✓ ' : ''}
                    {u.name}
                  </BigButton>
                ))}
              </View>
            </View>
          ) : null}
          <View className='yl-pts__choices'>
            <BigButton
              block={false}
              variant={active ? 'primary' : 'plain'}
              onClick={() => setActive(true)}
              ariaLabel={`上架${active ? '，已选' : ''}`}
            >
              {active ? '✓ ' : ''}上架
            </BigButton>
            <BigButton
              block={false}
              variant={!active ? 'primary' : 'plain'}
              onClick={() => setActive(false)}
              ariaLabel={`下架${!active ? '，已选' : ''}`}
            >
              {!active ? '✓ ' : ''}下架
            </BigButton>
          </View>
          <Notice notice={submit.notice} testId='item-error' />
          <BigButton primary loading={submit.busy} onClick={() => void save()} testId='item-save'>
            保存
          </BigButton>
        </View>
      ) : null}
    </Page>
  )
}
