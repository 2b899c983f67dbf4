/**
 * A zustand StateStorage over a synchronous key-value store (Taro's storage) that splits large values across
 * several keys. WeChat allows 1 MB per key and 10 MB in all; a chunk holds at most CHUNK_CHARS characters, so
 * even four-byte characters stay under the per-key limit.
 *
 * Writes are atomic: a value is written in full under the generation not in use (`<name>~a#i` or `<name>~b#i`),
 * and only then does the one small head key `<name>@` switch to it; the old generation's chunks are removed
 * afterwards. A write that fails half-way (the phone's storage is full, the app is killed) leaves the previous
 * value readable, never half of each. The price is that a write needs room for the old and the new value at
 * once, which the storage budget (src/sync/storage-budget.ts) accounts for.
 *
 * Values written by the first version (`<name>`, `<name>#1…`, `<name>#chunks`) are still read, and removed on
 * the next write.
 */
import type { StateStorage } from 'zustand/middleware'

export interface SyncKV {
  get(key: string): string | null
  /** May throw (WeChat: "exceed storage max size"; browsers: QuotaExceededError). */
  set(key: string, value: string): void
  remove(key: string): void
}

export const CHUNK_CHARS = 200_000

type Gen = 'a' | 'b'

interface Head {
  gen: Gen
  chunks: number
}

export interface ChunkedStorage extends StateStorage {
  /** Bytes the value of `name` takes in storage now (an upper bound; see storedBytes). */
  bytes(name: string): number
  /** The last write of `name` failed (storage full): the previous value is still the stored one. */
  writeFailed(name: string): boolean
}

/**
 * An upper bound of what a string costs in storage, whatever the platform counts: UTF-8 bytes (WeChat) or
 * UTF-16 code units × 2 (browsers' localStorage).
 */
export function storedBytes(s: string): number {
  let utf8 = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) utf8 += 1
    else if (c < 0x800) utf8 += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      utf8 += 4
      i += 1
    } else utf8 += 3
  }
  return Math.max(utf8, s.length * 2)
}

export function chunkedStorage(kv: SyncKV): ChunkedStorage {
  const headKey = (name: string) => `${name}@`
  const chunkKey = (name: string, gen: Gen, i: number) => `${name}~${gen}#${i}`
  const sizes = new Map<string, number>()
  const failed = new Set<string>()

  function head(name: string): Head | null {
    const raw = kv.get(headKey(name))
    if (!raw) return null
    try {
      const h = JSON.parse(raw) as Head
      return (h.gen === 'a' || h.gen === 'b') && Number.isInteger(h.chunks) && h.chunks > 0 ? h : null
    } catch {
      return null
    }
  }

  // ---- the first version's layout ----
  const legacyCountKey = (name: string) => `${name}#chunks`
  const legacyChunkKey = (name: string, i: number) => (i === 0 ? name : `${name}#${i}`)
  function legacyChunks(name: string): number {
    const n = Number(kv.get(legacyCountKey(name)) ?? (kv.get(name) === null ? 0 : 1))
    return Number.isFinite(n) ? n : 0
  }
  function removeLegacy(name: string) {
    const n = legacyChunks(name)
    for (let i = 0; i < n; i++) kv.remove(legacyChunkKey(name, i))
    kv.remove(legacyCountKey(name))
  }

  function read(name: string): string | null {
    const h = head(name)
    const parts: string[] = []
    if (h) {
      for (let i = 0; i < h.chunks; i++) {
        const part = kv.get(chunkKey(name, h.gen, i))
        if (part === null) return null // removed behind our back: absent rather than half a state
        parts.push(part)
      }
    } else {
      const n = legacyChunks(name)
      if (n === 0) return null
      for (let i = 0; i < n; i++) {
        const part = kv.get(legacyChunkKey(name, i))
        if (part === null) return null
        parts.push(part)
      }
    }
    return parts.join('')
  }

  return {
    getItem(name) {
      const value = read(name)
      sizes.set(name, value === null ? 0 : storedBytes(value))
      return value
    },
    setItem(name, value) {
      const old = head(name)
      const gen: Gen = old?.gen === 'a' ? 'b' : 'a'
      const n = Math.max(1, Math.ceil(value.length / CHUNK_CHARS))
      try {
        for (let i = 0; i < n; i++) kv.set(chunkKey(name, gen, i), value.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS))
        kv.set(headKey(name), JSON.stringify({ gen, chunks: n } satisfies Head))
      } catch {
        // Storage is full: the previous value stays the stored one. Free what this attempt wrote.
        for (let i = 0; i < n; i++) kv.remove(chunkKey(name, gen, i))
        failed.add(name)
        return
      }
      failed.delete(name)
      sizes.set(name, storedBytes(value))
      if (old) for (let i = 0; i < old.chunks; i++) kv.remove(chunkKey(name, old.gen, i))
      else removeLegacy(name)
      // Chunks of this generation beyond n, left by an older, longer value of the same generation.
      for (let i = n; kv.get(chunkKey(name, gen, i)) !== null; i++) kv.remove(chunkKey(name, gen, i))
    },
    removeItem(name) {
      const h = head(name)
      if (h) for (let i = 0; i < h.chunks; i++) kv.remove(chunkKey(name, h.gen, i))
      kv.remove(headKey(name))
      removeLegacy(name)
      sizes.set(name, 0)
      failed.delete(name)
    },
    bytes(name) {
      let size = sizes.get(name)
      if (size === undefined) {
        const value = read(name)
        size = value === null ? 0 : storedBytes(value)
        sizes.set(name, size)
      }
      return size
    },
    writeFailed(name) {
      return failed.has(name)
    }
  }
}
