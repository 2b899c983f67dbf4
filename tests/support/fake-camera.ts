/**
 * A camera for Chromium that films a QR code: a Y4M video file (Chromium's --use-file-for-fake-video-capture
 * plays it in a loop as the only camera), made from the code's modules with qrcode-generator, the library the
 * app draws its codes with. Black modules on white with the quiet zone, centred in a 640×480 frame.
 */
import { writeFileSync } from 'node:fs'
import qrcode from 'qrcode-generator'

const W = 640
const H = 480

export function qrVideo(text: string, file: string, frames = 10): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  const quiet = 4
  const cell = Math.floor(Math.min(W, H) / (n + 2 * quiet))
  const side = cell * n
  const left = Math.floor((W - side) / 2)
  const top = Math.floor((H - side) / 2)
  // I420: a full-size luma plane, then two quarter-size chroma planes (128 = no colour).
  const luma = Buffer.alloc(W * H, 235)
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.isDark(r, c)) continue
      for (let y = 0; y < cell; y++)
        luma.fill(16, (top + r * cell + y) * W + left + c * cell, (top + r * cell + y) * W + left + (c + 1) * cell)
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
  return file
}

export const fakeCameraArgs = (file: string) => [
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`
]
