/** h5: hand the .xlsx to the browser as a download. weapp: save-file.weapp.ts. */
import type { AttendanceExport } from '@contract/actions'

export async function saveExport(file: AttendanceExport): Promise<string> {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return `已下载「${file.filename}」`
}
