/**
 * Request bodies on the local host: read within a limit, and refused in a way every client can read.
 *
 * The trap: Node closes a connection as soon as the answer is out when either side said `Connection: close`
 * (HTTP/1.0 clients, many libraries, and our own 413s). If the client is still sending its body then, the bytes
 * that keep arriving make the kernel reset the connection, and the client sees EPIPE / ECONNRESET instead of the
 * answer — often throwing away the answer it had already received. A phone then says 网络不好 and the user sends
 * the same too-large photo again. So an answer given before the body is read (decided on Content-Length, or on
 * who is asking) is written at once, but the response is ended — and the connection closed, if it is to be —
 * only after the rest of the body has been read and thrown away (`endAfterBody`). The host never keeps more than
 * the limit; past DISCARD_MAX_BYTES of unread body the connection is cut (no phone sends that much).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A refused body is read and thrown away up to this many bytes; past it the connection is cut. */
export const DISCARD_MAX_BYTES = 64 * 1024 * 1024

/** The body would be over `limit` by its declared length (decided before a byte is read). */
export function declaredOver(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers['content-length']
  return declared !== undefined && Number(declared) > limit
}

/**
 * A request's body, whole, refused as soon as it is over `limit` bytes: by its declared length before reading,
 * or, without one (chunked), when it passes the limit on the way in. The refused rest is left for
 * `endAfterBody` to read and throw away. `tooLarge` / `broken` make the caller's own errors.
 */
export function readRaw(
  req: IncomingMessage,
  limit: number,
  errors: { tooLarge: () => Error; broken: () => Error }
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (declaredOver(req, limit)) {
      reject(errors.tooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onBroken)
      req.off('close', onClose)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > limit) {
        stop()
        chunks.length = 0
        req.pause()
        reject(errors.tooLarge())
        return
      }
      chunks.push(chunk)
    }
    function onEnd() {
      stop()
      resolve(Buffer.concat(chunks))
    }
    function onBroken() {
      stop()
      reject(errors.broken())
    }
    function onClose() {
      // Closed before its end: the client gave up half way.
      if (!req.complete) onBroken()
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onBroken)
    req.on('close', onClose)
  })
}

/**
 * Ends `res` with `text` without cutting off a client still sending its body: the answer goes out now (whole,
 * with its length, so a client that reads early has it), the rest of the body is read and thrown away, and the
 * response ends when the body has. See the top of this file for why.
 */
export function endAfterBody(res: ServerResponse, text: string): void {
  const req = res.req as IncomingMessage | undefined
  if (!req || req.complete || req.destroyed) {
    res.end(text)
    return
  }
  res.write(text)
  let discarded = 0
  const onData = (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > DISCARD_MAX_BYTES) req.socket.destroy()
  }
  const finish = () => {
    req.off('data', onData)
    res.end()
  }
  req.on('data', onData)
  req.once('end', finish)
  // A client that gives up half way: nothing more to wait for (Node cleans up the socket).
  req.once('close', () => req.off('data', onData))
  req.resume()
}
