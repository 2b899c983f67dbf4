/**
 * A zustand StateStorage over a synchronous key-value store (Taro's storage) that splits large values across
 * several keys. WeChat allows 1 MB per key and 10 MB in all; a chunk holds at most CHUNK_CHARS characters, so
 * even four-byte characters stay under the per-key limit.
 */
import type { StateStorage } from 'zustand/middleware'

export interface SyncKV {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export const CHUNK_CHARS = 200_000

export function chunkedStorage(kv: SyncKV): StateStorage & { bytes(name: string): number } {
  const countKey = (name: string) => `${name}#chunks`
  const chunkKey = (name: string, i: number) => (i === 0 ? name : `${name}#${i}`)

  function chunks(name: string): number {
    const n = Number(kv.get(countKey(name)) ?? (kv.get(name) === null ? 0 : 1))
    return Number.isFinite(n) ? n : 0
  }

  return {
    getItem(name) {
      const n = chunks(name)
      if (n === 0) return null
      const parts: string[] = []
      for (let i = 0; i < n; i++) {
        const part = kv.get(chunkKey(name, i))
        if (part === null) return null // a torn write: treat as absent rather than parse half a state
        parts.push(part)
      }
      return parts.join('')
    },
    setItem(name, value) {
      const before = chunks(name)
      const n = Math.max(1, Math.ceil(value.length / CHUNK_CHARS))
      for (let i = 0; i < n; i++) kv.set(chunkKey(name, i), value.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS))
      kv.set(countKey(name), String(n))
      for (let i = n; i < before; i++) kv.remove(chunkKey(name, i))
    },
    removeItem(name) {
      const n = chunks(name)
      for (let i = 0; i < n; i++) kv.remove(chunkKey(name, i))
      kv.remove(countKey(name))
    },
    /** Approximate bytes used (UTF-16 code units × 2 is an upper bound WeChat's own accounting stays under). */
    bytes(name) {
      let total = 0
      for (let i = 0; i < chunks(name); i++) total += (kv.get(chunkKey(name, i)) ?? '').length
      return total * 2
    }
  }
}
