/**
 * The size rule a photo meets before upload, the same on both platforms: at most MAX_SIDE px on its long side.
 * Dependency-free, so the weapp and h5 code paths and the unit test share it.
 */
export const MAX_SIDE = 1280

/**
 * The `compressedWidth` to give weapp's compressImage so that the long side ends at most MAX_SIDE, whether
 * WeChat reads "width" before or after applying the photo's EXIF turn (not documented): it is the short side
 * scaled by the long side's factor, so either reading keeps both sides ≤ MAX_SIDE. `undefined` when the
 * photo is small enough already (compress for bytes only).
 */
export function compressedWidthFor(width: number, height: number, maxSide = MAX_SIDE): number | undefined {
  const long = Math.max(width, height)
  const short = Math.min(width, height)
  if (!(long > maxSide) || !(short > 0)) return undefined
  return Math.max(1, Math.floor((short * maxSide) / long))
}
