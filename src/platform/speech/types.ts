/**
 * Read aloud (朗读): one interface on every platform. weapp speaks through WeChat's speech plugin (WechatSI
 * textToSpeech, played with an InnerAudioContext: index.weapp.ts), h5 through the browser's speechSynthesis
 * (a zh-CN voice: index.ts); tests use the double in fake.ts.
 */
export interface Speech {
  /** false where nothing can speak (no plugin, no speechSynthesis): then no 朗读 button is shown. */
  readonly supported: boolean
  /** Reads the text (stopping whatever was being read); resolves when it has been read, stopped or failed. */
  speak(text: string): Promise<void>
  /** Stops reading at once. */
  stop(): void
}
