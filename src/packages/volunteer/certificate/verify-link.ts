/** h5: the QR code opens the public verification page of this host in any phone's browser. */
export function verifyQrText(verifyPath: string, _code: string): string {
  return `${window.location.origin}${window.location.pathname}#${verifyPath}`
}
