import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import BigButton from '@/components/BigButton'
import { ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import { orgUnits } from '@/services/org'

/** The party branches of the staff member's units, as big choices (no dropdowns). */
export default function BranchPicker({
  value,
  onChange
}: {
  value: string
  onChange: (id: string, name: string) => void
}) {
  const myUnit = useAppStore((s) => s.me?.orgUnit?.id ?? '')
  const units = useRemote(() => orgUnits(), [])
  const branches = (units.data ?? []).filter((u) => u.id === myUnit || u.parentId === myUnit).flatMap((u) => u.branches)
  useEffect(() => {
    if (!value && branches.length) onChange(branches[0].id, branches[0].name)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- picks a first branch once, when the branches arrive
  }, [branches.length])
  if (units.loading && !units.data) return <Loading />
  if (units.error) return <ErrorBlock message={units.error} onRetry={() => void units.reload()} />
  return (
    <View>
      <Text className='yl-pts__line'>党支部</Text>
      <View className='yl-pts__choices'>
        {branches.map((b) => (
          <BigButton
            key={b.id}
            block={false}
            variant={value === b.id ? 'primary' : 'plain'}
            onClick={() => onChange(b.id, b.name)}
            testId={`branch-${b.id}`}
            ariaLabel={`${b.name}${value === b.id ? '，已选' : ''}`}
          >
            {value === b.id ? `✓ ${b.name}` : b.name}
          </BigButton>
        ))}
      </View>
    </View>
  )
}
