import { Canvas } from '@tarojs/components'

/** weapp: the canvas 2d the certificate is drawn on before it is saved (off screen; never seen). */
export const CERT_CANVAS_ID = 'yl-cert-canvas'

export default function CertCanvas() {
  return <Canvas type='2d' id={CERT_CANVAS_ID} className='yl-vol__canvas' style={{ width: '375px', height: '900px' }} />
}
