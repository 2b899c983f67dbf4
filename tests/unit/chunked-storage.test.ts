import { CHUNK_CHARS, chunkedStorage, storedBytes, type SyncKV } from '../../src/store/chunked-storage'

/** A key-value store with WeChat's limits: 1 MB per key, `total` bytes in all (UTF-8, as WeChat counts). */
function memoryKV(total = 10 * 1024 * 1024): SyncKV & { keys(): string[]; used(): number } {
  const m = new Map<string, string>()
  const bytes = (k: string, v: string) => Buffer.byteLength(k) + Buffer.byteLength(v)
  const used = () => [...m.entries()].reduce((n, [k, v]) => n + bytes(k, v), 0)
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => {
      if (Buffer.byteLength(v) > 1024 * 1024) throw new Error('setStorageSync:fail entry size limit reached')
      const before = m.has(k) ? bytes(k, m.get(k)!) : 0
      if (used() - before + bytes(k, v) > total) throw new Error('setStorageSync:fail exceed storage max size 10Mb')
      m.set(k, v)
    },
    remove: (k) => void m.delete(k),
    keys: () => [...m.keys()],
    used
  }
}

describe('chunked storage', () => {
  it('splits a large value under the per-key limit and reads it back whole', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    const value = '签'.repeat(CHUNK_CHARS * 2 + 17)
    s.setItem('state', value)
    expect(s.getItem('state')).toBe(value)
    expect(kv.keys().filter((k) => k.startsWith('state'))).toHaveLength(4) // 3 chunks + the head
    for (const k of kv.keys()) expect(Buffer.byteLength(kv.get(k) ?? '')).toBeLessThanOrEqual(1024 * 1024)
  })

  it('keeps one generation: chunks of the previous value are removed after each write', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    s.setItem('state', 'x'.repeat(CHUNK_CHARS * 3))
    s.setItem('state', 'small')
    expect(s.getItem('state')).toBe('small')
    expect(kv.keys().sort()).toEqual(['state@', 'state~b#0'])
    s.setItem('state', 'again')
    expect(kv.keys().sort()).toEqual(['state@', 'state~a#0'])
  })

  it('leaves the previous value readable when a write fails half-way (storage full), and says so', () => {
    const kv = memoryKV(1_500_000)
    const s = chunkedStorage(kv)
    const first = '旧'.repeat(CHUNK_CHARS)
    s.setItem('state', first) // 600 KB
    const keysBefore = kv.keys().sort()
    s.setItem('state', '新'.repeat(CHUNK_CHARS * 2)) // 1.2 MB more: does not fit beside the old copy
    expect(s.writeFailed('state')).toBe(true)
    expect(s.getItem('state')).toBe(first)
    expect(kv.keys().sort()).toEqual(keysBefore) // what the failed attempt wrote was removed again
    s.setItem('state', 'short')
    expect(s.writeFailed('state')).toBe(false)
    expect(s.getItem('state')).toBe('short')
  })

  it('treats a missing chunk as absent rather than returning half a state', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    s.setItem('state', 'y'.repeat(CHUNK_CHARS + 1))
    kv.remove('state~a#1')
    expect(s.getItem('state')).toBeNull()
  })

  it('reads a value written by the first version, and replaces that layout on the next write', () => {
    const kv = memoryKV()
    kv.set('state', '{"state":{"outbox":[')
    kv.set('state#1', ']},"version":1}')
    kv.set('state#chunks', '2')
    const s = chunkedStorage(kv)
    expect(s.getItem('state')).toBe('{"state":{"outbox":[]},"version":1}')
    s.setItem('state', '{"state":{"outbox":[]},"version":2}')
    expect(kv.keys().sort()).toEqual(['state@', 'state~a#0'])
    expect(s.getItem('state')).toBe('{"state":{"outbox":[]},"version":2}')
  })

  it('reports the bytes it uses as an upper bound of UTF-8 and UTF-16', () => {
    const s = chunkedStorage(memoryKV())
    s.setItem('state', 'abcd')
    expect(s.bytes('state')).toBe(8)
    s.setItem('state', '签到')
    expect(s.bytes('state')).toBe(6)
    expect(storedBytes('😀')).toBe(4)
  })
})
