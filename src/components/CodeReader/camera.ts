/**
 * The h5 camera for CodeReader: getUserMedia for the picture, and a decoder for QR codes in it — the browser's
 * own BarcodeDetector where it reads QR codes (Chrome on Android and macOS, Safari 17+), else jsQR, which is
 * loaded only here and only on first use (its own chunk: the main package does not carry it).
 */
import type * as JsQR from 'jsqr'

/** Why there is no camera picture, for the words under the button. */
export type CameraProblem = 'unsupported' | 'denied' | 'no-camera' | 'busy' | 'no-decoder' | 'failed'

export const CAMERA_WORDS: Record<CameraProblem, string> = {
  unsupported: '这个浏览器不能用摄像头扫码。请把签到码粘贴在下面。',
  denied: '没有得到使用摄像头的许可。请在浏览器的设置里允许使用摄像头，或者把签到码粘贴在下面。',
  'no-camera': '这台设备没有找到摄像头。请把签到码粘贴在下面。',
  busy: '摄像头正被别的程序占用。请关掉那个程序再试，或者把签到码粘贴在下面。',
  'no-decoder': '扫码工具没有下载下来，可能是网络不好。请有网时再试，或者把签到码粘贴在下面。',
  failed: '摄像头没有打开。请再试一次，或者把签到码粘贴在下面。'
}

/** The DOMException names of getUserMedia, as words (a page served over plain http has no mediaDevices). */
export function problemOf(err: unknown): CameraProblem {
  const name = (err as { name?: string } | null)?.name ?? ''
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'no-camera'
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy'
  if (name === 'TypeError' || name === 'NotSupportedError') return 'unsupported'
  return 'failed'
}

export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'
}

/** The back camera if there is one. Rejects with a CameraProblem. */
export async function openCamera(): Promise<MediaStream> {
  if (!cameraAvailable()) throw 'unsupported' as CameraProblem
  try {
    return await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
  } catch (err) {
    throw problemOf(err)
  }
}

export function closeCamera(stream: MediaStream | null): void {
  for (const t of stream?.getTracks() ?? []) t.stop()
}

/** Reads one frame: the QR code's text, or null when there is none in the picture. */
export type FrameDecoder = (video: HTMLVideoElement) => Promise<string | null>

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>
}
interface BarcodeDetectorClass {
  new (opts: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

/** jsQR works on at most this many pixels across: enough for a code on a screen, cheap on an old phone. */
const MAX_SIDE = 640

let jsqr: Promise<typeof JsQR> | null = null
/** jsQR's chunk, fetched once (a failed fetch is tried again next time). */
export function loadJsQR(): Promise<typeof JsQR> {
  jsqr ??= import(/* webpackChunkName: "jsqr" */ 'jsqr').catch((err) => {
    jsqr = null
    throw err
  })
  return jsqr
}

export async function makeDecoder(): Promise<FrameDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  if (Detector) {
    const formats = await Detector.getSupportedFormats?.().catch(() => [] as string[])
    if (formats?.includes('qr_code')) {
      const detector = new Detector({ formats: ['qr_code'] })
      return async (video) => (await detector.detect(video))[0]?.rawValue ?? null
    }
  }
  const { default: jsQR } = await loadJsQR().catch(() => {
    throw 'no-decoder' as CameraProblem
  })
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) throw 'unsupported' as CameraProblem
  return async (video) => {
    const w = video.videoWidth
    const h = video.videoHeight
    if (!w || !h) return null
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h))
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(h * scale)
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height)
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data || null
  }
}
