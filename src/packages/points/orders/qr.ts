import qrcode from 'qrcode-generator'

/** A pick-up code as a QR image (GIF data URL) staff can scan; the digits are always shown beside it too. */
export function codeQr(code: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(code, 'Numeric')
  qr.make()
  return qr.createDataURL(6, 2)
}
