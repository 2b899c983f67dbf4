import { useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Calls `refresh` every `everyMs` while the page is on screen (a roster during check-in): started on mount and
 * when the page shows again, stopped when it is hidden or closed, so a page in the background costs nothing.
 */
export function useLive(refresh: () => void, everyMs: number): void {
  const latest = useRef(refresh)
  latest.current = refresh
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const start = () => {
    if (!timer.current) timer.current = setInterval(() => latest.current(), everyMs)
  }
  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useEffect(() => {
    start()
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useDidShow(start)
  useDidHide(stop)
}
