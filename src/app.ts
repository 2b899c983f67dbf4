import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { applyWechatFontSetting } from './platform/font-setting'
import { installKeyboardActivation } from './platform/keyboard-activation'
import { startSync } from './sync'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    applyWechatFontSetting()
    installKeyboardActivation()
  })
  // On every show: send whatever waits in the outbox; follow a font setting changed while we were away.
  useDidShow(() => {
    applyWechatFontSetting()
    startSync()
  })
  return children
}

export default App
