/**
 * Where `npm run serve` writes its JSON lines: stdout for a service manager (journald keeps and rotates them),
 * or a file that rotating-file-stream rolls over by size, keeping the newest few (YINLING_LOG_FILE).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import type { Logger } from '../../core/context'

export interface ClosableLogger extends Logger {
  close(): Promise<void>
}

export function serveLogger(options: { file: string | null; maxBytes: number; keep: number }): ClosableLogger {
  let stream: RotatingFileStream | null = null
  if (options.file) {
    mkdirSync(path.dirname(options.file), { recursive: true })
    stream = createStream(path.basename(options.file), {
      path: path.dirname(options.file),
      size: `${Math.max(1, Math.ceil(options.maxBytes / 1024))}K`,
      maxFiles: options.keep,
      mode: 0o640
    })
    stream.on('error', (err) => process.stderr.write(`log file ${options.file}: ${err.message}\n`))
  }
  const write = (level: string, msg: string, extra?: Record<string, unknown>) => {
    const line = `${JSON.stringify({ t: new Date().toISOString(), level, msg, ...extra })}\n`
    if (stream) stream.write(line)
    else process.stdout.write(line)
  }
  return {
    info: (m, e) => write('info', m, e),
    error: (m, e) => write('error', m, e),
    close: () => new Promise<void>((resolve) => (stream ? stream.end(() => resolve()) : resolve()))
  }
}
