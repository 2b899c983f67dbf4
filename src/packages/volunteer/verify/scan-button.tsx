/** h5 has no camera scan here: the code is typed or pasted, or the QR code opens this page with it. */
export default function ScanButton(_props: { onText: (text: string) => void }) {
  return null
}
