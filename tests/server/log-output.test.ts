/**
 * serve's log file (YINLING_LOG_FILE): JSON lines, rolled over by size, keeping only the newest few files.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serveLogger } from '../../server/hosts/local/log-output'

it('rotates the log file by size and keeps only the newest files', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'yl-log-'))
  try {
    const file = path.join(dir, 'logs', 'yinling.log')
    const log = serveLogger({ file, maxBytes: 1024, keep: 2 })
    for (let i = 0; i < 60; i++) {
      log.info('request', { n: i, pad: 'x'.repeat(100) })
      // Let the stream notice the size and roll over between writes, as it does under real traffic.
      await new Promise((r) => setTimeout(r, 2))
    }
    await log.close()
    const files = readdirSync(path.dirname(file))
    expect(files).toContain('yinling.log')
    // Rolled-over files are named by time (rotating-file-stream's default); it keeps its own list beside them.
    const rotated = files.filter((f) => /^\d{8}-\d{4}-\d{2}-yinling\.log$/.test(f))
    expect(rotated.length).toBeGreaterThan(0)
    expect(rotated.length).toBeLessThanOrEqual(2)
    const lines = ['yinling.log', ...rotated]
      .flatMap((f) => readFileSync(path.join(path.dirname(file), f), 'utf8').split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    expect(lines.every((l) => l.level === 'info' && l.msg === 'request' && typeof l.t === 'string')).toBe(true)
    // The newest lines are kept, the oldest went with the files beyond `keep`.
    const kept = lines.map((l) => l.n as number).sort((a, b) => a - b)
    expect(kept.at(-1)).toBe(59)
    expect(kept[0]).toBeGreaterThan(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
