import { Text, View } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '@/store'
import { syncEngine } from '@/sync'
import BigButton from '../BigButton'
import './index.scss'
import { a11y } from '../a11y'

/**
 * What has not reached the server yet (待同步), and what the server refused (with its reason, until the user
 * taps 知道了). Shown at the top of every page when there is anything to say.
 */
export default function SyncStatus() {
  const { outbox, rejected, dismiss } = useAppStore(
    useShallow((s) => ({ outbox: s.outbox, rejected: s.rejected, dismiss: s.dismissRejected }))
  )
  if (!outbox.length && !rejected.length) return null
  return (
    <View className='yl-sync' data-testid='sync-status'>
      {outbox.length ? (
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
