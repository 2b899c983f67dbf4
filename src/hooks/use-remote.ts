import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { messageOf } from '@/services/api'

export interface Remote<T> {
  data: T | undefined
  error: string | null
  loading: boolean
  reload: () => Promise<void>
}

/**
 * Loads data for a page and reloads it whenever the page shows again. Keeps the last data while reloading
 * (no flash of empty), and turns failures into a plain message for <ErrorBlock>.
 */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[] = []): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const value = await loadRef.current()
      if (mine !== seq.current) return
      setData(value)
      setError(null)
    } catch (err) {
      if (mine !== seq.current) return
      setError(messageOf(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useDidShow(() => {
    // The first show coincides with mount; later shows (back navigation, tab switch) refresh.
    if (mounted.current && data !== undefined) void reload()
  })

  return { data, error, loading, reload }
}
