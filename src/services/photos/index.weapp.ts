/**
 * Photos for a help request, weapp: pick, compress on the phone (Taro.compressImage), then upload to CloudBase
 * storage (the request stores the fileID) — or, when the app talks to an HTTP host (TARO_APP_API_BASE), to its
 * POST /api/upload.
 */
import Taro from '@tarojs/taro'
import { MAX_PHOTO_BYTES } from '@contract/envelope'
import { ERRORS } from '@contract/errors'
import { useAppStore } from '@/store'
import { ApiError } from '../api'
import { API_BASE } from '../transport'
import { isEnvelope } from '../transport/transport'
import { compressedWidthFor } from './photo-size'

export interface PickedPhoto {
  preview: string
  source: null
}

export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sizeType: ['compressed'],
    sourceType: ['album', 'camera']
  })
  return res.tempFiles.map((f) => ({ preview: f.tempFilePath, source: null }))
}

async function compress(path: string): Promise<string> {
  try {
    // The long side at most MAX_SIDE, as in h5 (photo-size.ts says why the width is computed from the short side).
    const info = await Taro.getImageInfo({ src: path })
    const compressedWidth = compressedWidthFor(info.width, info.height)
    const res = await Taro.compressImage({
      src: path,
      quality: 70,
      ...(compressedWidth ? { compressedWidth } : {})
    } as Taro.compressImage.Option)
    return res.tempFilePath
  } catch {
    return path
  }
}

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  const path = await compress(photo.preview)
  try {
    if (API_BASE) {
      const data = Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer
      // Still over the host's limit after compressing: say so now, without sending megabytes (the host would).
      if (data.byteLength > MAX_PHOTO_BYTES) throw new ApiError('PHOTO_TOO_LARGE', ERRORS.PHOTO_TOO_LARGE.message)
      const token = useAppStore.getState().token
      const res = await Taro.request({
        url: `${API_BASE}/api/upload`,
        method: 'POST',
        data,
        header: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        dataType: 'json'
      })
      if (!isEnvelope(res.data) && res.statusCode === 413)
        throw new ApiError('PHOTO_TOO_LARGE', ERRORS.PHOTO_TOO_LARGE.message)
      const env = res.data as { ok: boolean; data?: { ref: string }; code?: string; message?: string }
      if (!env?.ok || !env.data)
        throw new ApiError((env?.code ?? 'INTERNAL') as never, env?.message ?? '照片没有传上去，请再试一次')
      return env.data.ref
    }
    const res = await Taro.cloud.uploadFile({ cloudPath: `help/${randomName()}.jpg`, filePath: path })
    return res.fileID
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError('NETWORK', '网络不好，照片没有传上去，请有网时再试')
  }
}

export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}
