/**
 * Photos are stored as references (`local:<uploadId>` on the local host, a CloudBase fileID in WeChat); the
 * bytes are served back only through addresses the server hands to callers allowed to see the request:
 * - local: `/api/files/<uploadId>?exp=…&sig=…`, an HMAC (the host's token key) over the id and the expiry;
 * - CloudBase: temporary URLs from `cloud.getTempFileURL`, which the cloud host provides as `deps.files`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Ctx } from '../../core/context'

export const PHOTO_URL_TTL_MS = 2 * 3600 * 1000

export type { FileUrlService } from '../../core/context'

export const localUploadId = (ref: string): string | null => (ref.startsWith('local:') ? ref.slice(6) : null)

function signature(key: string, uploadId: string, exp: number): string {
  return createHmac('sha256', key).update(`file:${uploadId}:${exp}`).digest('base64url')
}

export function signedFileUrl(key: string, uploadId: string, now: number): string {
  const exp = now + PHOTO_URL_TTL_MS
  return `/api/files/${encodeURIComponent(uploadId)}?exp=${exp}&sig=${signature(key, uploadId, exp)}`
}

export function verifyFileUrl(
  key: string,
  uploadId: string,
  exp: string | null,
  sig: string | null,
  now: number
): boolean {
  if (!key || !exp || !sig || !/^\d{1,15}$/.test(exp)) return false
  const expMs = Number(exp)
  if (expMs < now || expMs > now + PHOTO_URL_TTL_MS + 60_000) return false
  const want = Buffer.from(signature(key, uploadId, expMs))
  const got = Buffer.from(sig)
  return want.length === got.length && timingSafeEqual(want, got)
}

/** Addresses for the photos of one request, in order; references that cannot be resolved are left out. */
export async function photoUrls(
  ctx: Pick<Ctx, 'secrets' | 'now' | 'files'>,
  refs: string[]
): Promise<{ ref: string; url: string }[]> {
  const cloudRefs = refs.filter((r) => r.startsWith('cloud://'))
  const temp = cloudRefs.length && ctx.files ? await ctx.files.tempUrls(cloudRefs) : new Map<string, string>()
  const out: { ref: string; url: string }[] = []
  for (const ref of refs) {
    const local = localUploadId(ref)
    const url = local ? signedFileUrl(ctx.secrets.tokenKey, local, ctx.now) : temp.get(ref)
    if (url) out.push({ ref, url })
  }
  return out
}
