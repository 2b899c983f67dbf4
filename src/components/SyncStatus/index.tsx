import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '@/store'
import { syncEngine } from '@/sync'
import BigButton from '../BigButton'
import './index.scss'
import { a11y } from '../a11y'

/**
 * What has not reached the server yet (待同步), and what the server refused (with its reason, until the user
 * taps 知道了). Shown at the top of every page when there is anything to say. `pending='none'` leaves the
 * 待同步 part to the page (the home page shows it as a badge: SyncBadge).
 */
export default function SyncStatus({ pending = 'full' }: { pending?: 'full' | 'none' }) {
  const { outbox, rejected, dismiss } = useAppStore(
    useShallow((s) => ({ outbox: s.outbox, rejected: s.rejected, dismiss: s.dismissRejected }))
  )
  const showPending = pending === 'full' && outbox.length > 0
  if (!showPending && !rejected.length) return null
  return (
    <View className='yl-sync' data-testid='sync-status'>
      {showPending ? (
        <View {...a11y({ role: 'status' })} className='yl-sync__pending'>
          <Text className='yl-sync__title'>待同步 {outbox.length} 项</Text>
          <Text className='yl-sync__text'>{outbox[outbox.length - 1].lastError ?? '正在提交，有网时会自动完成'}</Text>
          {outbox.slice(0, 3).map((item) => (
            <Text key={item.id} className='yl-sync__item'>
              · {item.label}
            </Text>
          ))}
          <View className='yl-sync__action'>
            <BigButton variant='secondary' onClick={() => void syncEngine.retryAllNow()}>
              立即同步
            </BigButton>
          </View>
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
