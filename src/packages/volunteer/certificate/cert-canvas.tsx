/** h5 draws on a canvas made on the fly (save-image.ts): nothing to put on the page. */
export const CERT_CANVAS_ID = 'yl-cert-canvas'

export default function CertCanvas() {
  return null
}
