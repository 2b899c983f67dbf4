/**
 * Making a photo smaller in the browser (h5), as weapp does with Taro.compressImage: decode, scale to at most
 * MAX_SIDE px on the long side, re-encode as JPEG (at most TARGET_BYTES). A phone's 4–8 MB photo becomes
 * 150–600 KB. (In h5, chooseImage's sizeType: ['compressed'] changes nothing.)
 *
 * Orientation: phones store a portrait photo as landscape pixels plus an EXIF Orientation tag. The decode
 * applies the tag (createImageBitmap with imageOrientation: 'from-image'; an <img>, the fallback, does by CSS
 * image-orientation: from-image, the default), so the canvas holds the photo the right way up and the JPEG it
 * writes (which has no EXIF) is upright everywhere. tests/e2e/help-photo-size.test.ts checks this in Chromium.
 *
 * A photo the browser cannot decode is answered as it was; the caller then decides by its size.
 */

import { MAX_SIDE } from './photo-size'

export { MAX_SIDE }
export const TARGET_BYTES = 1024 * 1024
/**
 * One pass is enough for TARGET_BYTES: at 1280 × 960 and this quality, Chromium writes even a picture of pure
 * noise in ~770 KB (measured); a phone photo comes out at 150–400 KB.
 */
const QUALITY = 0.8

type Drawable = { image: CanvasImageSource; width: number; height: number; done: () => void }

async function decode(blob: Blob): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
      return { image: bitmap, width: bitmap.width, height: bitmap.height, done: () => bitmap.close() }
    } catch {
      // Fall through to <img>: some browsers refuse options they do not know.
    }
  }
  const url = URL.createObjectURL(blob)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, done: () => URL.revokeObjectURL(url) }
  } catch (err) {
    URL.revokeObjectURL(url)
    throw err
  }
}

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
}

/** The photo, smaller: a JPEG of at most MAX_SIDE px on its long side (and well under TARGET_BYTES) — or the original. */
export async function shrinkPhoto(original: Blob): Promise<Blob> {
  let picture: Drawable
  try {
    picture = await decode(original)
  } catch {
    return original
  }
  try {
    const long = Math.max(picture.width, picture.height)
    // Already small in every way: keep it as it is (no second loss of quality).
    if (long <= MAX_SIDE && original.size <= TARGET_BYTES && /^image\/(jpeg|png)$/.test(original.type)) return original
    const scale = Math.min(1, MAX_SIDE / long)
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(picture.width * scale))
    canvas.height = Math.max(1, Math.round(picture.height * scale))
    const g = canvas.getContext('2d')
    if (!g) return original
    // A photo with transparency (PNG) gets a white ground, not JPEG's black.
    g.fillStyle = '#fff'
    g.fillRect(0, 0, canvas.width, canvas.height)
    g.imageSmoothingQuality = 'high'
    g.drawImage(picture.image, 0, 0, canvas.width, canvas.height)
    return (await encode(canvas, QUALITY)) ?? original
  } finally {
    picture.done()
  }
}
