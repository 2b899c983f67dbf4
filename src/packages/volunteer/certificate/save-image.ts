/**
 * h5: draws the certificate on a <canvas> and downloads it as a PNG. Some in-app browsers (WeChat's) block
 * downloads, so the picture is also handed back to be shown, where it can be saved from the browser's menu.
 */
import type { CertificateView } from '@contract/actions'
import { CERT_WIDTH, certFileName, paint } from './draw'
import { qrMatrix } from './qr'

export interface SaveOutcome {
  ok: boolean
  message: string
  /** A picture to show (h5), when there is one. */
  preview?: string
  /** weapp: permission to save to the album was refused; 去设置 opens the settings. */
  needsSetting?: boolean
}

export async function saveCertificateImage(cert: CertificateView, qrText: string): Promise<SaveOutcome> {
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) return { ok: false, message: '这个浏览器不能生成图片，请换一个浏览器，或截屏保存' }
  const scale = 2
  const qr = qrMatrix(qrText)
  const height = paint(ctx as never, cert, { draw: false, qr })
  canvas.width = CERT_WIDTH * scale
  canvas.height = Math.ceil(height * scale)
  ctx.scale(scale, scale)
  paint(ctx as never, cert, { draw: true, qr })
  const url = canvas.toDataURL('image/png')
  const a = document.createElement('a')
  a.href = url
  a.download = certFileName(cert)
  document.body.appendChild(a)
  a.click()
  a.remove()
  return {
    ok: true,
    message: `已保存为图片「${certFileName(cert)}」，在浏览器的「下载」里可以找到。没有下载的话，可以保存下面这张图片。`,
    preview: url
  }
}
