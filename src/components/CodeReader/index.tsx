import { useEffect, useRef, useState } from 'react'
import { useDidHide } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Field from '../Field'
import BigButton from '../BigButton'
import { a11y } from '../a11y'
import {
  CAMERA_WORDS,
  cameraAvailable,
  closeCamera,
  loadJsQR,
  makeDecoder,
  openCamera,
  problemOf,
  type CameraProblem,
  type FrameDecoder
} from './camera'
import type { CodeReaderProps } from './types'
import './index.scss'

/** How often a camera frame is looked at for a code (a decode takes a few ms; the rest of the time is idle). */
const SCAN_EVERY_MS = 150

/**
 * h5: one big button turns the camera on (getUserMedia); each frame is read for a QR code (./camera.ts) and the
 * first one found is the code. Under it, a field to paste or type the code: the way in when there is no camera
 * or no permission (said in words), and for kiosks. weapp scans with WeChat's own scanner (index.weapp.tsx).
 * Either way `onCode` gets the text and the moment it was read.
 */
export default function CodeReader({
  label,
  hint,
  submitText,
  scanText,
  busy,
  onCode,
  variant = 'primary',
  testId = 'code-reader'
}: CodeReaderProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off')
  const [problem, setProblem] = useState<CameraProblem | null>(() => (cameraAvailable() ? null : 'unsupported'))
  const video = useRef<HTMLVideoElement | null>(null)
  const stream = useRef<MediaStream | null>(null)
  const decoder = useRef<FrameDecoder | null>(null)
  const said = useRef(onCode)
  said.current = onCode

  const stop = () => {
    closeCamera(stream.current)
    stream.current = null
    setCamera('off')
  }
  // The camera never stays on behind another page or after the page is gone.
  useDidHide(stop)
  useEffect(() => () => closeCamera(stream.current), [])
  // The decoder is not in the main package: fetch it while the reader is on screen (and the network likely
  // there), so a first scan at a door with poor reception still works. Where the browser has its own QR
  // reader, it is never fetched at all.
  useEffect(() => {
    if (!cameraAvailable() || 'BarcodeDetector' in globalThis) return
    const t = setTimeout(() => void loadJsQR().catch(() => undefined), 1000)
    return () => clearTimeout(t)
  }, [])

  const start = async () => {
    setProblem(null)
    setError(null)
    setCamera('starting')
    let s: MediaStream | null = null
    try {
      s = await openCamera()
      decoder.current = await makeDecoder()
      stream.current = s
      setCamera('on')
    } catch (err) {
      closeCamera(s)
      setCamera('off')
      setProblem(typeof err === 'string' ? (err as CameraProblem) : problemOf(err))
    }
  }

  // Once the <video> is drawn: show the picture and look for a code in it until one is found or it is turned off.
  useEffect(() => {
    const v = video.current
    if (camera !== 'on' || !v || !stream.current || !decoder.current) return
    const read = decoder.current
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    v.srcObject = stream.current
    void v.play().catch(() => undefined)
    const look = async () => {
      if (stopped) return
      const found = await read(v).catch(() => null)
      if (stopped) return
      if (found && found.trim()) {
        stop()
        said.current(found.trim(), Date.now())
        return
      }
      timer = setTimeout(() => void look(), SCAN_EVERY_MS)
    }
    void look()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [camera])

  const canScan = cameraAvailable()
  return (
    <View className='yl-code-reader'>
      {canScan ? (
        <BigButton
          primary={variant === 'primary' && camera === 'off'}
          variant={camera === 'on' ? 'plain' : variant}
          loading={busy || camera === 'starting'}
          testId={`${testId}-camera`}
          onClick={() => (camera === 'on' ? stop() : void start())}
        >
          {camera === 'on' ? '关掉摄像头' : (scanText ?? submitText)}
        </BigButton>
      ) : null}
      {camera === 'on' ? (
        <View className='yl-code-reader__camera' data-testid={`${testId}-video`}>
          <Text className='yl-code-reader__hint'>把二维码放在下面的画面里，扫到就自动办好。</Text>
          <video ref={video} className='yl-code-reader__video' muted playsInline aria-label='摄像头画面' />
        </View>
      ) : null}
      {problem ? (
        <Text
          {...(canScan ? a11y({ role: 'alert' }) : {})}
          className='yl-code-reader__problem'
          data-testid={`${testId}-camera-problem`}
        >
          {CAMERA_WORDS[problem]}
        </Text>
      ) : null}
      <View className={canScan ? 'yl-code-reader__paste' : undefined}>
        <Field
          label={label}
          value={text}
          onInput={(v) => {
            setText(v)
            setError(null)
          }}
          placeholder='把签到码粘贴或输入在这里'
          hint={hint}
          error={error}
          maxlength={200}
          testId={`${testId}-input`}
        />
        <BigButton
          primary={variant === 'primary' && !canScan}
          variant={canScan ? 'secondary' : variant}
          loading={busy}
          testId={`${testId}-submit`}
          onClick={() => {
            const token = text.trim()
            if (!token) {
              setError('请先粘贴或输入签到码')
              return
            }
            setText('')
            onCode(token, Date.now())
          }}
        >
          {submitText}
        </BigButton>
      </View>
    </View>
  )
}

export type { CodeReaderProps }
