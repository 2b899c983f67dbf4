import { useMemo } from 'react'
import { Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { a11y } from '../a11y'
import './index.scss'

/**
 * A QR code drawn as an image (a GIF data URL made by qrcode-generator, which needs no DOM or canvas, so it
 * works the same in weapp and h5). `data-token` lets tests and kiosks read what it encodes.
 */
export default function QrCode({
  text,
  size = 'big',
  label,
  testId
}: {
  text: string
  size?: 'big' | 'full'
  label: string
  testId?: string
}) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(text)
    qr.make()
    return qr.createDataURL(10, 4)
  }, [text])
  // h5 renders an <img> inside the component: it gets the words as its alt text.
  return (
    <Image
      className={`yl-qr yl-qr--${size}`}
      src={src}
      nativeProps={{ alt: label }}
      {...a11y({ label })}
      data-testid={testId}
      data-token={text}
    />
  )
}
