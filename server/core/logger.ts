import type { Logger } from './context'

/** One JSON line per event on stderr: what both hosts' platforms collect. */
export function jsonLogger(quiet = false): Logger {
  const write = (level: string, msg: string, extra?: Record<string, unknown>) => {
    if (quiet && level === 'info') return
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, msg, ...extra })}\n`)
  }
  return { info: (m, e) => write('info', m, e), error: (m, e) => write('error', m, e) }
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined }
