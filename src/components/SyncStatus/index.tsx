import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '@/store'
import { syncEngine } from '@/sync'
import { budgetOf, budgetWords } from '@/sync/storage-budget'
import { storageUsage } from '@/sync/storage-usage'
import BigButton from '../BigButton'
import './index.scss'
import { a11y } from '../a11y'

/**
 * What has not reached the server yet (待同步), and what the server refused (with its reason, until the user
 * taps 知道了). Warns in words when the phone's storage for 待同步 is filling up (storage-budget.ts). Shown at
 * the top of every page when there is anything to say. `pending='none'` leaves the list of 待同步 to the page
 * (the home page shows it as a badge: SyncBadge); the storage warning is shown either way.
 */
export default function SyncStatus({ pending = 'full' }: { pending?: 'full' | 'none' }) {
  const { outbox, rejected, dismiss, me } = useAppStore(
    useShallow((s) => ({
      outbox: s.outbox,
      rejected: s.rejected,
      dismiss: s.dismissRejected,
      me: s.me?.accountId ?? null
    }))
  )
  // Re-measured whenever the outbox changes (the store has been persisted by then).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- storage lives outside React: re-measure when the outbox changes
  const room = useMemo(() => budgetWords(budgetOf(storageUsage())), [outbox, rejected])
  const showPending = pending === 'full' && outbox.length > 0
  if (!showPending && !rejected.length && !room) return null
  const others = outbox.filter((i) => i.accountId !== null && i.accountId !== me).length
  return (
    <View className='yl-sync' data-testid='sync-status'>
      {showPending || room ? (
        <View {...a11y({ role: 'status' })} className={`yl-sync__pending${room ? ' yl-sync__pending--full' : ''}`}>
          {showPending ? <Text className='yl-sync__title'>待同步 {outbox.length} 项</Text> : null}
          {room ? (
            <Text className='yl-sync__text yl-sync__room' data-testid='sync-storage'>
              {room}
            </Text>
          ) : null}
          {showPending ? (
            <Text className='yl-sync__text'>{outbox[0].lastError ?? '正在提交，有网时会自动完成'}</Text>
          ) : null}
          {showPending && others ? (
            <Text className='yl-sync__text'>其中 {others} 项是另一个账号办的，那个账号登录后才会提交。</Text>
          ) : null}
          {(showPending ? outbox.slice(0, 3) : []).map((item) => (
            <Text key={item.id} className='yl-sync__item'>
              · {item.label}
            </Text>
          ))}
          {showPending && outbox.length > 3 ? (
            <Text className='yl-sync__item'>· 还有 {outbox.length - 3} 项</Text>
          ) : null}
          {showPending ? (
            <View className='yl-sync__action'>
              <BigButton variant='secondary' testId='sync-now' onClick={() => void syncEngine.retryAllNow()}>
                立即同步
              </BigButton>
            </View>
          ) : null}
        </View>
      ) : null}
      {rejected.map((r) => (
        <View {...a11y({ role: 'alert' })} key={r.id} className='yl-sync__rejected'>
          <Text className='yl-sync__title'>没有办成：{r.label}</Text>
          <Text className='yl-sync__text'>{r.message}</Text>
          <View className='yl-sync__action'>
            <BigButton variant='plain' onClick={() => dismiss(r.id)}>
              知道了
            </BigButton>
          </View>
        </View>
      ))}
    </View>
  )
}

/**
 * The home page's 待同步 badge: while the outbox holds anything, one line in words with the count; a tap sends
 * now. Nothing when all is sent.
 */
export function SyncBadge() {
  const count = useAppStore((s) => s.outbox.length)
  if (!count) return null
  return (
    <View
      {...a11y({ role: 'button' })}
      className='yl-sync-badge'
      data-testid='sync-badge'
      onClick={() => void syncEngine.retryAllNow()}
    >
      <Text {...a11y({ hidden: true })} className='yl-sync-badge__mark'>
        ⟳
      </Text>
      <Text className='yl-sync-badge__count'>待同步 {count} 项</Text>
      <Text className='yl-sync-badge__hint'>有网时自动提交</Text>
    </View>
  )
}
