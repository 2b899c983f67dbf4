/**
 * weapp: draws the certificate on the page's canvas 2d (cert-canvas), turns it into a temporary file and saves
 * it to the phone's album. A refused album permission is answered in words with a way to the settings.
 */
import Taro from '@tarojs/taro'
import type { CertificateView } from '@contract/actions'
import { CERT_WIDTH, paint } from './draw'
import { qrMatrix } from './qr'
import { CERT_CANVAS_ID } from './cert-canvas'

export interface SaveOutcome {
  ok: boolean
  message: string
  preview?: string
  needsSetting?: boolean
}

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): { scale(x: number, y: number): void } & Record<string, unknown>
}

function canvasNode(): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CERT_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => resolve(res?.[0]?.node ?? null))
  })
}

export async function saveCertificateImage(cert: CertificateView, qrText: string): Promise<SaveOutcome> {
  const canvas = await canvasNode()
  if (!canvas) return { ok: false, message: '没有生成图片，请退出这一页再进来试一次' }
  const ctx = canvas.getContext('2d')
  const scale = 2
  const qr = qrMatrix(qrText)
  const height = paint(ctx as never, cert, { draw: false, qr })
  canvas.width = CERT_WIDTH * scale
  canvas.height = Math.ceil(height * scale)
  ctx.scale(scale, scale)
  paint(ctx as never, cert, { draw: true, qr })
  let filePath: string
  try {
    filePath = (await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)).tempFilePath
  } catch {
    return { ok: false, message: '没有生成图片，请再点一次' }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return { ok: true, message: '已保存到手机相册' }
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? '')
    if (/auth|deny|denied/i.test(msg))
      return {
        ok: false,
        needsSetting: true,
        message: '需要允许「保存到相册」才能保存。请点「去设置」打开，再回来保存'
      }
    if (/cancel/i.test(msg)) return { ok: false, message: '没有保存' }
    return { ok: false, message: '没有保存成功，请再点一次' }
  }
}
