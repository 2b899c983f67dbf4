/**
 * The path of a request, decoded without ever throwing: a malformed address (`GET /%`, `/%E0%A4%A`, `//%`) is
 * the caller's mistake, answered 400 (or 404 under /api/files/), never a 500 or a crashed process.
 */

/** The request's path, undecoded; null when the address cannot be parsed at all. */
export function requestPath(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://local').pathname
  } catch {
    return null
  }
}

/** `decodeURIComponent`, or null for a malformed percent-encoding (or a NUL, which names no file). */
export function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname)
    return decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}
