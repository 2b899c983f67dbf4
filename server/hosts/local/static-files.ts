/**
 * Serves the built h5 app. Hashed assets are cached for a year; index.html is revalidated. Text assets are
 * gzip-compressed once and kept in memory (the app is small).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt'])

export function createStaticHandler(root: string) {
  const gzCache = new Map<string, { mtime: number; body: Buffer }>()

  return function serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = new URL(req.url ?? '/', 'http://local')
    let rel = decodeURIComponent(url.pathname)
    if (rel === '/' || rel === '') rel = '/index.html'
    const file = path.normalize(path.join(root, rel))
    if (!file.startsWith(path.normalize(root + path.sep))) return false
    let target = file
    if (!existsSync(target) || !statSync(target).isFile()) {
      // Not a file: let the single-page app handle it (unless it looks like an asset).
      if (path.extname(rel)) return false
      target = path.join(root, 'index.html')
      if (!existsSync(target)) return false
    }
    const ext = path.extname(target)
    const stat = statSync(target)
    const hashed = /\/(js|css|static)\//.test(target.slice(root.length))
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream')
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    if (COMPRESSIBLE.has(ext) && acceptsGzip) {
      let cached = gzCache.get(target)
      if (!cached || cached.mtime !== stat.mtimeMs) {
        cached = { mtime: stat.mtimeMs, body: gzipSync(readFileSync(target), { level: 9 }) }
        gzCache.set(target, cached)
      }
      res.setHeader('Content-Encoding', 'gzip')
      res.setHeader('Vary', 'Accept-Encoding')
      res.setHeader('Content-Length', cached.body.length)
      res.end(req.method === 'HEAD' ? undefined : cached.body)
      return true
    }
    res.setHeader('Content-Length', stat.size)
    if (req.method === 'HEAD') res.end()
    else createReadStream(target).pipe(res)
    return true
  }
}
