import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RotatingCode as Code } from '@contract/actions'
import { messageOf } from '@/services/api'
import QrCode from '../QrCode'
import BigButton from '../BigButton'
import { a11y } from '../a11y'
import './index.scss'

const RETRY_MS = 5000

/**
 * A rotating code that refreshes itself: it asks the server for the current code and asks again when the next
 * 30-second step begins (scheduled on the server's clock, so a phone with a wrong clock still turns in time).
 * It stops while the page is hidden. If the network fails it keeps the last code while that can still be
 * accepted, then says so in words instead of showing a code that would be refused.
 */
export default function RotatingCode({
  load,
  size = 'big',
  label,
  testId
}: {
  load: () => Promise<Code>
  size?: 'big' | 'full'
  label: string
  testId?: string
}) {
  const [code, setCode] = useState<Code | null>(null)
  const [error, setError] = useState<string | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const running = useRef(false)
  const staleAt = useRef(0)

  const stop = useCallback(() => {
    running.current = false
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }, [])

  const tick = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    try {
      const next = await loadRef.current()
      if (!running.current) return
      const untilNextStep = Math.max(0, next.refreshAt - next.serverNow)
      // Accepted for one more step after its own: after that a code on screen would only be refused.
      staleAt.current = Date.now() + untilNextStep + 30_000
      setCode(next)
      setError(null)
      timer.current = setTimeout(() => void tick(), untilNextStep + 300)
    } catch (err) {
      if (!running.current) return
      setError(messageOf(err))
      if (Date.now() > staleAt.current) setCode(null)
      timer.current = setTimeout(() => void tick(), RETRY_MS)
    }
  }, [])

  const start = useCallback(() => {
    if (running.current) return
    running.current = true
    void tick()
  }, [tick])

  useEffect(() => {
    start()
    return stop
  }, [start, stop])
  useDidShow(start)
  useDidHide(stop)

  return (
    <View className={`yl-rcode yl-rcode--${size}`} data-testid={testId}>
      {code ? (
        <QrCode text={code.token} size={size} label={label} testId={testId ? `${testId}-qr` : undefined} />
      ) : null}
      {!code && !error ? (
        <View {...a11y({ role: 'status' })} className='yl-rcode__placeholder'>
          <Text>正在生成签到码…</Text>
        </View>
      ) : null}
      {error ? (
        <View {...a11y({ role: 'alert' })} className='yl-rcode__error'>
          <Text className='yl-rcode__error-text'>{code ? '网络不好，签到码暂时没有更新。' : error}</Text>
          <BigButton variant='secondary' onClick={() => void tick()}>
            再试一次
          </BigButton>
        </View>
      ) : (
        <Text className='yl-rcode__note'>自动更新 · 截图转发无效</Text>
      )}
    </View>
  )
}
