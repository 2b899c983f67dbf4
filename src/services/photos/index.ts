/**
 * Photos for a help request, h5 / local host: pick, shrink in the browser (shrink.ts: long side at most 1280 px,
 * JPEG, at most 1 MB), upload to POST /api/upload, keep the reference. weapp: index.weapp.ts
 * (Taro.compressImage + cloud storage). A photo still over MAX_PHOTO_BYTES is refused here in words (照片太大),
 * as the host would; only a request that got no answer at all is 网络不好.
 */
import Taro from '@tarojs/taro'
import { MAX_PHOTO_BYTES } from '@contract/envelope'
import { ERRORS } from '@contract/errors'
import { useAppStore } from '@/store'
import { ApiError } from '../api'
import { API_BASE } from '../transport'
import { isEnvelope } from '../transport/transport'
import { shrinkPhoto } from './shrink'

export interface PickedPhoto {
  /** For showing it before upload. */
  preview: string
  source: Blob | null
}

export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f) => ({
    preview: f.path,
    source: ((f as unknown as { originalFileObj?: Blob }).originalFileObj ?? null) as Blob | null
  }))
}

/** Shrinks and uploads one photo; answers the reference the request stores. */
export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  const original = photo.source ?? (await (await fetch(photo.preview)).blob())
  const body = await shrinkPhoto(original)
  // Still over the host's limit (the browser could not make it smaller): say so now, without sending megabytes.
  if (body.size > MAX_PHOTO_BYTES) throw new ApiError('PHOTO_TOO_LARGE', ERRORS.PHOTO_TOO_LARGE.message)
  const token = useAppStore.getState().token
  let res: Response
  try {
    res = await fetch(`${API_BASE}/api/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body
    })
  } catch {
    throw new ApiError('NETWORK', '网络不好，照片没有传上去，请有网时再试')
  }
  const env = (await res.json().catch(() => null)) as unknown
  if (!isEnvelope(env)) {
    // A proxy in front of the host refusing the size answers 413 with a page of its own: still 照片太大.
    if (res.status === 413) throw new ApiError('PHOTO_TOO_LARGE', ERRORS.PHOTO_TOO_LARGE.message)
    throw new ApiError('NETWORK', '网络不好，照片没有传上去，请有网时再试')
  }
  if (!env.ok) throw new ApiError(env.code, env.message)
  const ref = (env.data as { ref?: unknown } | null)?.ref
  if (typeof ref !== 'string') throw new ApiError('INTERNAL', '照片没有传上去，请再试一次')
  return ref
}

/** An address the <Image> can load: the host's own paths get its base. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}
