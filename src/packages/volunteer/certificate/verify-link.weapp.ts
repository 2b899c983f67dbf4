import { formatCertCode } from '@contract/volunteer-rules'

/** weapp: the QR code carries the code itself; 证明核验 scans it (a mini-program page has no web address). */
export function verifyQrText(_verifyPath: string, code: string): string {
  return formatCertCode(code)
}
