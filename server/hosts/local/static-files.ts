/**
 * Serves the built h5 app. Hashed assets are cached for a year; index.html is revalidated. Text assets are
 * compressed once (brotli when the browser accepts it, else gzip) and kept in memory (the app is small).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { decodePath, requestPath } from './url-path'

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
  const packed = new Map<string, { mtime: number; body: Buffer }>()
  const pack = (file: string, mtime: number, encoding: 'br' | 'gzip'): Buffer => {
    const key = `${encoding}:${file}`
    let cached = packed.get(key)
    if (!cached || cached.mtime !== mtime) {
      const raw = readFileSync(file)
      const body =
        encoding === 'br'
          ? brotliCompressSync(raw, {
              params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length }
            })
          : gzipSync(raw, { level: 9 })
      cached = { mtime, body }
      packed.set(key, cached)
    }
    return cached.body
  }

  return function serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const pathname = requestPath(req.url)
    let rel = pathname === null ? null : decodePath(pathname)
    if (rel === null) return false
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
    const accepts = String(req.headers['accept-encoding'] ?? '')
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null
    if (COMPRESSIBLE.has(ext) && encoding) {
      const body = pack(target, stat.mtimeMs, encoding)
      res.setHeader('Content-Encoding', encoding)
      res.setHeader('Vary', 'Accept-Encoding')
      res.setHeader('Content-Length', body.length)
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    res.setHeader('Content-Length', stat.size)
    if (req.method === 'HEAD') res.end()
    else createReadStream(target).pipe(res)
    return true
  }
}
