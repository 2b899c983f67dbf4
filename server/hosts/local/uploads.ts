/**
 * Photo uploads on the local host (h5, or weapp pointed at an HTTP API). The client compresses first; this
 * end accepts one image per request as the raw body, checks what it is by its first bytes (not by its name or
 * Content-Type), keeps it under <data dir>/uploads/ and answers a reference (`local:<id>`) for the request to
 * store. Bytes are served back only through the signed addresses help.get hands to those allowed to see them.
 *
 *   POST /api/upload            (Authorization: Bearer …; body: the image bytes)  → { ref }
 *   GET  /api/files/<id>?exp=&sig=                                                 → the image
 */
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readRaw } from './read-raw'
import path from 'node:path'
import type { StoragePort } from '../../storage/port'
import type { UploadDoc } from '../../storage/schema'
import { newId } from '../../domain/ids'
import { verifyFileUrl } from '../../domain/files/photo-urls'
import { loadIdentity } from '../../core/identity'
import { MAX_PHOTO_BYTES } from '../../../types/envelope'

export { MAX_PHOTO_BYTES }

export class UploadError extends Error {
  constructor(readonly code: 'PHOTO_INVALID' | 'PHOTO_TOO_LARGE' | 'UNAUTHENTICATED' | 'NOT_REGISTERED') {
    super(code)
  }
}

/** The image type from the first bytes, or null if it is not a JPEG, PNG or WebP. */
export function sniffImage(bytes: Buffer): UploadDoc['mime'] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp'
  return null
}

export function createUploads(opts: { store: StoragePort; dir: string; tokenKey: string }) {
  const { store, dir, tokenKey } = opts

  /** Stores one image for a registered account; returns its reference. */
  async function upload(accountId: string | null, req: IncomingMessage, now: number): Promise<{ ref: string }> {
    if (!accountId) {
      req.resume()
      throw new UploadError('UNAUTHENTICATED')
    }
    const identity = await loadIdentity(store, accountId)
    if (!identity.registered) {
      req.resume()
      throw new UploadError('NOT_REGISTERED')
    }
    // Over the limit by its Content-Length: refused before a byte is read (read-raw.ts); nothing is written.
    const bytes = await readRaw(req, MAX_PHOTO_BYTES, {
      tooLarge: () => new UploadError('PHOTO_TOO_LARGE'),
      broken: () => new UploadError('PHOTO_INVALID')
    })
    const mime = sniffImage(bytes)
    if (!mime) throw new UploadError('PHOTO_INVALID')
    const id = newId('up')
    mkdirSync(dir, { recursive: true })
    // The file first, then its record: a crash in between leaves an orphan file, never a record without bytes.
    // Written under a temporary name and renamed, so the folder never holds half a photo under a real id.
    const file = path.join(dir, id)
    try {
      writeFileSync(`${file}.part`, bytes, { mode: 0o600 })
      renameSync(`${file}.part`, file)
    } catch (err) {
      rmSync(`${file}.part`, { force: true })
      throw err
    }
    await store.transaction(async (tx) => {
      await tx.create('uploads', { _id: id, ownerAccountId: accountId, mime, bytes: bytes.length, createdAt: now })
    })
    return { ref: `local:${id}` }
  }

  /** Serves a photo behind a signed, short-lived address. Answers false when it is not one (404). */
  async function serve(req: IncomingMessage, res: ServerResponse, id: string, now: number): Promise<boolean> {
    if (!/^up[0-9a-f]{32}$/.test(id)) return false
    const url = new URL(req.url ?? '/', 'http://local')
    if (!verifyFileUrl(tokenKey, id, url.searchParams.get('exp'), url.searchParams.get('sig'), now)) return false
    const doc = await store.get('uploads', id)
    const file = path.join(dir, id)
    if (!doc || !existsSync(file)) return false
    res.writeHead(200, {
      'Content-Type': doc.mime,
      'Content-Length': doc.bytes,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'"
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
    return true
  }

  return { upload, serve }
}
