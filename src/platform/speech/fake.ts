import type { Speech } from './types'

/** A test double: records what was read and how often reading was stopped; `finish()` ends the current reading. */
export interface FakeSpeech extends Speech {
  spoken: string[]
  stops: number
  finish(): void
}

export function createFakeSpeech(supported = true): FakeSpeech {
  let end: (() => void) | null = null
  const settle = () => {
    end?.()
    end = null
  }
  const fake: FakeSpeech = {
    supported,
    spoken: [],
    stops: 0,
    speak(text) {
      settle()
      fake.spoken.push(text)
      return new Promise<void>((resolve) => {
        end = resolve
      })
    },
    stop() {
      fake.stops += 1
      settle()
    },
    finish: settle
  }
  return fake
}
