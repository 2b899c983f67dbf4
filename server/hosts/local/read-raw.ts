import type { IncomingMessage } from 'node:http'

/**
 * A request's body, whole, refused as soon as it is over `limit` bytes (by its declared length, or while it
 * arrives): the host never holds more than the limit. `tooLarge` / `broken` make the caller's own errors.
 */
export function readRaw(req: IncomingMessage, limit: number, errors: { tooLarge: () => Error; broken: () => Error }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume()
      reject(errors.tooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(errors.tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', () => {
      if (!failed) {
        failed = true
        reject(errors.broken())
      }
    })
  })
}
