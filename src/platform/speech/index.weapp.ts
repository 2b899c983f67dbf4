import Taro from '@tarojs/taro'
import { speechChunks } from './chunks'
import type { Speech } from './types'

/** The part of WeChat's 同声传译 plugin (WechatSI) used here. */
interface WechatSI {
  textToSpeech(opts: {
    lang: 'zh_CN'
    tts: true
    content: string
    success(res: { retcode: number; filename: string }): void
    fail(err: unknown): void
  }): void
}

declare const requirePlugin: ((name: string) => unknown) | undefined

/**
 * The plugin is declared in app.config.ts for weapp only. requirePlugin is looked up at run time, so a client
 * or base library without it (or a build without the declaration) gets supported = false and no 朗读 button,
 * never a crash.
 */
function plugin(): WechatSI | null {
  try {
    return typeof requirePlugin === 'function' ? ((requirePlugin('WechatSI') as WechatSI | undefined) ?? null) : null
  } catch {
    return null
  }
}

function synthesize(si: WechatSI, content: string): Promise<string | null> {
  return new Promise((resolve) => {
    si.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content,
      success: (res) => resolve(res.retcode === 0 ? res.filename : null),
      fail: () => resolve(null)
    })
  })
}

let audio: Taro.InnerAudioContext | null = null
let run = 0

function play(src: string): Promise<void> {
  return new Promise((resolve) => {
    const a = Taro.createInnerAudioContext()
    audio = a
    const done = () => {
      a.destroy()
      if (audio === a) audio = null
      resolve()
    }
    a.obeyMuteSwitch = false
    a.src = src
    a.onEnded(done)
    a.onStop(done)
    a.onError(done)
    a.play()
  })
}

/** weapp: WechatSI turns each piece of text into an audio file; an InnerAudioContext plays them in turn. */
export const speech: Speech = {
  get supported() {
    return plugin() !== null
  },
  async speak(text) {
    speech.stop()
    const mine = ++run
    const si = plugin()
    if (!si) return
    for (const piece of speechChunks(text)) {
      const file = await synthesize(si, piece)
      if (mine !== run || !file) return
      await play(file)
      if (mine !== run) return
    }
  },
  stop() {
    run += 1
    const a = audio
    audio = null
    if (a) {
      a.stop()
      a.destroy()
    }
  }
}

export type { Speech }
