export interface CodeReaderProps {
  /** What to read, e.g. 签到码 / 老同志的个人签到码. */
  label: string
  hint?: string
  /** The h5 button under the field: 签到 / 确认签到. */
  submitText: string
  /** The weapp button that opens the camera (default: submitText): 扫码签到 / 扫老同志的签到码. */
  scanText?: string
  busy?: boolean
  /** 'secondary' where the page has another main action (staff's page: 出示签到码). Default 'primary'. */
  variant?: 'primary' | 'secondary'
  /** The code's text and when it was read (an offline scan keeps this time). */
  onCode: (token: string, scannedAt: number) => void
  testId?: string
}
