import Taro from '@tarojs/taro'
import BigButton from '@/components/BigButton'

/** weapp: scan the certificate's QR code with the camera. */
export default function ScanButton({ onText }: { onText: (text: string) => void }) {
  return (
    <BigButton
      variant='secondary'
      testId='verify-scan'
      onClick={() =>
        void Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
          .then((r) => onText(r.result))
          .catch(() => undefined)
      }
    >
      扫证明上的二维码
    </BigButton>
  )
}
