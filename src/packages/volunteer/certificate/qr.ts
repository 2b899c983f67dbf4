import qrcode from 'qrcode-generator'
import type { QrMatrix } from './draw'

export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return { count: qr.getModuleCount(), isDark: (r, c) => qr.isDark(r, c) }
}
