import { CHUNK_CHARS, chunkedStorage, type SyncKV } from '../../src/store/chunked-storage'

function memoryKV(): SyncKV & { keys(): string[] } {
  const m = new Map<string, string>()
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => void m.set(k, v),
    remove: (k) => void m.delete(k),
    keys: () => [...m.keys()]
  }
}

describe('chunked storage', () => {
  it('splits a large value under the per-key limit and reads it back whole', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    const value = '签'.repeat(CHUNK_CHARS * 2 + 17)
    s.setItem('state', value)
    expect(s.getItem('state')).toBe(value)
    expect(kv.keys().filter((k) => k.startsWith('state'))).toHaveLength(4) // 3 chunks + count
    for (const k of kv.keys()) expect((kv.get(k) ?? '').length).toBeLessThanOrEqual(CHUNK_CHARS)
  })

  it('removes chunks left over when the value shrinks', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    s.setItem('state', 'x'.repeat(CHUNK_CHARS * 3))
    s.setItem('state', 'small')
    expect(s.getItem('state')).toBe('small')
    expect(kv.keys().sort()).toEqual(['state', 'state#chunks'])
  })

  it('treats a torn write (a missing chunk) as absent rather than returning half a state', () => {
    const kv = memoryKV()
    const s = chunkedStorage(kv)
    s.setItem('state', 'y'.repeat(CHUNK_CHARS + 1))
    kv.remove('state#1')
    expect(s.getItem('state')).toBeNull()
  })

  it('reports the bytes it uses', () => {
    const s = chunkedStorage(memoryKV())
    s.setItem('state', 'abcd')
    expect(s.bytes('state')).toBe(8)
  })
})
