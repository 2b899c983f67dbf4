/**
 * Photos for a help request, h5 / local host: pick, shrink in the browser (longest side 1280 px, JPEG), upload
 * to POST /api/upload, keep the reference. weapp: index.weapp.ts (Taro.compressImage + cloud storage).
 */
import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { ApiError } from '../api'
import { API_BASE } from '../transport'

export interface PickedPhoto {
  /** For showing it before upload. */
  preview: string
  source: Blob | null
}

export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f) => ({ preview: f.path, source: ((f as unknown as { originalFileObj?: Blob }).originalFileObj ?? null) as Blob | null }))
}

const MAX_SIDE = 1280

async function shrink(blob: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(blob)
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.72))
    return out && out.size < blob.size ? out : blob
  } catch {
    return blob
  }
}

/** Shrinks and uploads one photo; answers the reference the request stores. */
export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  const original = photo.source ?? (await (await fetch(photo.preview)).blob())
  const body = await shrink(original)
  const token = useAppStore.getState().token
  let env: { ok: boolean; data?: { ref: string }; code?: string; message?: string }
  try {
    const res = await fetch(`${API_BASE}/api/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body
    })
    env = await res.json()
  } catch {
    throw new ApiError('NETWORK', '网络不好，照片没有传上去，请有网时再试')
  }
  if (!env.ok || !env.data) throw new ApiError((env.code ?? 'INTERNAL') as never, env.message ?? '照片没有传上去，请再试一次')
  return env.data.ref
}

/** An address the <Image> can load: the host's own paths get its base. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}
