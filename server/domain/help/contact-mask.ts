/**
 * Masking of contact details. Lists and everybody but the requester, the assignee and staff of the county see
 * only the county and a masked phone; the bytes of the real ones never leave the server for them.
 */

/** 13909371001 → 139****1001; 0937-2612100 → 0937****2100. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '****'
  const head = digits.startsWith('0') ? digits.slice(0, digits.length - 7 >= 4 ? 4 : 3) : digits.slice(0, 3)
  return `${head}****${digits.slice(-4)}`
}

/** The county only: 肃州区****. Nothing of the street or the door is shown. */
export function maskAddress(countyName: string): string {
  return `${countyName || '本地'}****`
}
