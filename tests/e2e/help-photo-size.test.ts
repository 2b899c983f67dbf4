/**
 * A phone's big photo, picked in the real h5 build in Chromium: it is made smaller in the browser before upload
 * (at most 1280 px on the long side, at most 1 MB) and stays the right way up (its EXIF orientation applied);
 * a photo the browser cannot make smaller gets 照片太大 in words, never 网络不好; and Chromium itself reads the
 * host's 413 answer to an upload over the limit.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { decode as decodeJpeg } from 'jpeg-js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { MAX_PHOTO_BYTES } from '../../types/envelope'
import { post, startHost, type RunningHost } from '../support/http'
import { H5_DIR, demoLogin, launch, phone, visible } from '../support/browser'

jest.setTimeout(180_000)

/** An EXIF APP1 segment holding only Orientation (big-endian TIFF, one IFD0 entry). */
function exifOrientation(value: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    value >> 8,
    value & 0xff,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00 // no next IFD
  ])
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const length = Buffer.alloc(2)
  length.writeUInt16BE(body.length + 2)
  return Buffer.concat([Buffer.from([0xff, 0xe1]), length, body])
}

/** The JPEG with an APP1 EXIF segment put after its APP0 (JFIF) segment, where cameras keep it. */
function withOrientation(jpegBytes: Buffer, value: number): Buffer {
  expect(jpegBytes.subarray(0, 4).equals(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true)
  const app0End = 4 + jpegBytes.readUInt16BE(4)
  return Buffer.concat([jpegBytes.subarray(0, app0End), exifOrientation(value), jpegBytes.subarray(app0End)])
}

describe('h5: a big photo for a help request', () => {
  let host: RunningHost
  let browser: Browser
  let context: BrowserContext
  let page: Page

  const uploaded = () => {
    try {
      return readdirSync(path.join(host.dir, 'uploads'))
    } catch {
      return [] // nothing uploaded yet
    }
  }

  beforeAll(async () => {
    host = await startHost({ demo: true, staticDir: H5_DIR })
    browser = await launch()
    ;({ context, page } = await phone(browser))
    await demoLogin(page, host.url, 'local:zhangguilan')
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await host?.stop()
  })

  async function pick(name: string, buffer: Buffer) {
    if (!page.url().includes('/packages/help/new/')) await page.goto(`${host.url}/#/packages/help/new/index`)
    await visible(page, 'page-help-new').waitFor()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, 'help-add-photo').click()])
    await chooser.setFiles({ name, mimeType: 'image/jpeg', buffer })
  }

  it('uploads an 8 MB portrait photo (landscape pixels, EXIF orientation 6) as ≤ 1 MB, 1280 px, the right way up', async () => {
    // A 4000 × 3000 camera picture of noise (so it stays big) with a red block at its stored top-left corner
    // and a blue one at its stored bottom-left. Orientation 6 means "turn a quarter clockwise to show":
    // shown, it is 3000 × 4000, red at the top right and blue at the top left.
    const base64 = await page.evaluate(async () => {
      const c = document.createElement('canvas')
      c.width = 4000
      c.height = 3000
      const g = c.getContext('2d')!
      const img = g.createImageData(4000, 3000)
      let seed = 12345
      for (let i = 0; i < img.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) >>> 0
        img.data[i] = 60 + (seed & 0x7f)
        img.data[i + 1] = 60 + ((seed >>> 8) & 0x7f)
        img.data[i + 2] = 60 + ((seed >>> 16) & 0x7f)
        img.data[i + 3] = 255
      }
      g.putImageData(img, 0, 0)
      g.fillStyle = '#ff0000'
      g.fillRect(0, 0, 600, 600)
      g.fillStyle = '#0000ff'
      g.fillRect(0, 2400, 600, 600)
      const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), 'image/jpeg', 0.95))
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let s = ''
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(s)
    })
    const photo = withOrientation(Buffer.from(base64, 'base64'), 6)
    expect(photo.length).toBeGreaterThanOrEqual(8 * 1024 * 1024)

    await pick('IMG_0001.jpg', photo)
    await page.locator('.yl-help-new__photo-state:visible').filter({ hasText: '已上传' }).waitFor()

    const files = uploaded()
    expect(files).toHaveLength(1)
    const stored = readFileSync(path.join(host.dir, 'uploads', files[0]))
    expect(stored.length).toBeLessThanOrEqual(1024 * 1024)
    const [doc] = await host.store.find('uploads')
    expect(doc).toMatchObject({ _id: files[0], mime: 'image/jpeg', bytes: stored.length })

    // Read back by an independent decoder, which ignores EXIF: the pixels themselves must be upright.
    const decoded = decodeJpeg(stored, { useTArray: true })
    expect([decoded.width, decoded.height]).toEqual([960, 1280])
    const at = (x: number, y: number) => {
      const i = (y * decoded.width + x) * 4
      return [decoded.data[i], decoded.data[i + 1], decoded.data[i + 2]]
    }
    const red = at(960 - 96, 96)
    const blue = at(96, 96)
    expect(red[0]).toBeGreaterThan(180)
    expect(Math.max(red[1], red[2])).toBeLessThan(80)
    expect(blue[2]).toBeGreaterThan(180)
    expect(Math.max(blue[0], blue[1])).toBeLessThan(80)
    // Nothing red or blue at the bottom (where a wrong turn would have put them).
    for (const [x, y] of [
      [96, 1280 - 96],
      [960 - 96, 1280 - 96]
    ]) {
      const [r, g, b] = at(x, y)
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(60)
    }
  })

  it('says 照片太大 in words, and sends nothing, when the browser cannot make a big photo smaller', async () => {
    // A browser whose canvas cannot write a JPEG (toBlob gives nothing): the photo stays as it was, 8 MB.
    const photo = Buffer.from(
      await page.evaluate(async () => {
        const c = document.createElement('canvas')
        c.width = 4000
        c.height = 3000
        const g = c.getContext('2d')!
        const img = g.createImageData(4000, 3000)
        let seed = 99
        for (let i = 0; i < img.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) >>> 0
          img.data[i] = seed & 0xff
          img.data[i + 1] = (seed >>> 8) & 0xff
          img.data[i + 2] = (seed >>> 16) & 0xff
          img.data[i + 3] = 255
        }
        g.putImageData(img, 0, 0)
        const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), 'image/jpeg', 0.9))
        const bytes = new Uint8Array(await blob.arrayBuffer())
        let s = ''
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        return btoa(s)
      }),
      'base64'
    )
    expect(photo.length).toBeGreaterThan(MAX_PHOTO_BYTES)
    const before = uploaded().length
    const requests: string[] = []
    const onRequest = (r: { url(): string }) => void (r.url().includes('/api/upload') && requests.push(r.url()))
    page.on('request', onRequest)
    await page.goto(`${host.url}/#/packages/help/new/index`)
    await page.reload()
    await page.evaluate(() => {
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
        callback(null)
      }
    })
    await pick('IMG_0002.jpg', photo)
    const notice = visible(page, 'photo-error')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('照片太大了，请换一张或重新拍')
    expect(await notice.innerText()).not.toContain('网络')
    expect(await page.locator('.yl-help-new__photo-state:visible').allInnerTexts()).toEqual(['没传上'])
    page.off('request', onRequest)
    expect(requests).toEqual([])
    expect(uploaded()).toHaveLength(before)
    await page.reload()
  })

  it('reads the host’s 413 envelope in Chromium for an upload over the limit, every time', async () => {
    const token = (await post(`${host.url}/api/demo/login`, { accountId: 'local:zhangguilan' })).json.data
      .token as string
    const answers = await page.evaluate(
      async ({ size, token }) => {
        const out: unknown[] = []
        for (let i = 0; i < 10; i++) {
          const res = await fetch('/api/upload', {
            method: 'POST',
            headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
            body: new Uint8Array(size)
          })
          const env = await res.json()
          out.push({ status: res.status, code: env.code, message: env.message })
        }
        return out
      },
      { size: MAX_PHOTO_BYTES + 1, token }
    )
    expect(answers).toEqual(
      Array(10).fill({ status: 413, code: 'PHOTO_TOO_LARGE', message: '照片太大了，请换一张或重新拍' })
    )
  })
})
