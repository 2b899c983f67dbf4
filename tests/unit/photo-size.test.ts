import { compressedWidthFor, MAX_SIDE } from '../../src/services/photos/photo-size'

// Both readings of weapp's compressedWidth (before or after the EXIF turn) must keep the long side ≤ MAX_SIDE.
function sidesAfter(width: number, height: number, compressedWidth: number): Array<[number, number]> {
  const byRaw: [number, number] = [compressedWidth, Math.round((height * compressedWidth) / width)]
  const byTurned: [number, number] = [compressedWidth, Math.round((width * compressedWidth) / height)]
  return [byRaw, byTurned]
}

describe('compressedWidthFor (weapp photo limit)', () => {
  it.each([
    [4000, 3000],
    [3000, 4000],
    [4032, 1816],
    [1816, 4032],
    [1281, 1281],
    [9000, 1000]
  ])('a %i × %i photo ends with both sides at most 1280 px whichever way WeChat reads the width', (w, h) => {
    const cw = compressedWidthFor(w, h)
    expect(cw).toBeDefined()
    for (const [a, b] of sidesAfter(w, h, cw!)) {
      expect(Math.max(a, b)).toBeLessThanOrEqual(MAX_SIDE)
    }
  })

  it('a portrait photo is not left 1707 px tall (the old compressedWidth: 1280)', () => {
    expect(compressedWidthFor(3000, 4000)).toBe(960)
    expect(compressedWidthFor(4000, 3000)).toBe(960)
  })

  it('a photo already small enough is only compressed for bytes', () => {
    expect(compressedWidthFor(1280, 960)).toBeUndefined()
    expect(compressedWidthFor(800, 600)).toBeUndefined()
    expect(compressedWidthFor(0, 0)).toBeUndefined()
  })
})
