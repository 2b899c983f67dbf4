import type { Speech } from './types'

/** The voice to use: a zh-CN one if the browser has it, else any Chinese one, else the browser's default. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const norm = (l: string) => l.replace('_', '-').toLowerCase()
  return voices.find((v) => norm(v.lang) === 'zh-cn') ?? voices.find((v) => norm(v.lang).startsWith('zh')) ?? null
}

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null

/** h5: the browser's speechSynthesis, in Mandarin, a little slower than its default. */
export const speech: Speech = {
  get supported() {
    return !!synth() && typeof SpeechSynthesisUtterance !== 'undefined'
  },
  speak(text) {
    const s = synth()
    const words = text.trim()
    if (!s || !words) return Promise.resolve()
    s.cancel()
    const u = new SpeechSynthesisUtterance(words)
    u.lang = 'zh-CN'
    u.rate = 0.9
    const voice = pickVoice(s.getVoices())
    if (voice) u.voice = voice
    return new Promise<void>((resolve) => {
      u.onend = () => resolve()
      u.onerror = () => resolve()
      s.speak(u)
    })
  },
  stop() {
    synth()?.cancel()
  }
}

export type { Speech }
