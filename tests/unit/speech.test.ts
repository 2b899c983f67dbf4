/**
 * 朗读: one interface (platform/speech) over WeChat's WechatSI plugin in weapp and speechSynthesis in h5, a test
 * double, and what is read on an activity's page and in a notice.
 */
import { createElement } from 'react'

const audios: FakeAudio[] = []
class FakeAudio {
  src = ''
  obeyMuteSwitch = true
  played = false
  stopped = false
  destroyed = false
  private ended: (() => void)[] = []
  private stoppedCbs: (() => void)[] = []
  constructor() {
    audios.push(this)
  }
  onEnded(cb: () => void) {
    this.ended.push(cb)
  }
  onStop(cb: () => void) {
    this.stoppedCbs.push(cb)
  }
  onError() {}
  play() {
    this.played = true
  }
  stop() {
    this.stopped = true
    for (const cb of this.stoppedCbs) cb()
  }
  destroy() {
    this.destroyed = true
  }
  end() {
    for (const cb of this.ended) cb()
  }
}

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { createInnerAudioContext: () => new FakeAudio() } }))

import type { ActivityDetail } from '../../types/actions'
import { beijingTime } from '../../types/time'
import { speechChunks } from '../../src/platform/speech/chunks'
import { pickVoice, speech as h5Speech } from '../../src/platform/speech/index'
import { speech as weappSpeech } from '../../src/platform/speech/index.weapp'
import { createFakeSpeech } from '../../src/platform/speech/fake'
import { sentences, textOf } from '../../src/components/ReadAloud/text-of'
import { activitySpeech, phoneWords } from '../../src/packages/activity/detail/speech-text'

const flush = () => new Promise((r) => setImmediate(r))
const g = globalThis as Record<string, unknown>

describe('speechChunks', () => {
  it('keeps short text whole and gives nothing for blank text', () => {
    expect(speechChunks('报名成功。请按时参加。')).toEqual(['报名成功。请按时参加。'])
    expect(speechChunks('  \n ')).toEqual([])
  })

  it('cuts long text at sentence ends, each piece within the limit, nothing lost', () => {
    const text = Array.from({ length: 30 }, (_, i) => `这是第${i + 1}句话，说明活动的安排。`).join('')
    const pieces = speechChunks(text, 60)
    expect(pieces.length).toBeGreaterThan(5)
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(60)
      expect(p.endsWith('。')).toBe(true)
    }
    expect(pieces.join('')).toBe(text)
  })

  it('cuts a sentence longer than the limit into parts', () => {
    const long = '长'.repeat(130)
    expect(speechChunks(long, 50).map((p) => p.length)).toEqual([50, 50, 30])
  })
})

describe('h5: speechSynthesis', () => {
  const spoken: { text: string; lang: string; voice: unknown; rate: number }[] = []
  let cancels = 0
  let pending: Utterance | null = null
  class Utterance {
    lang = ''
    voice: unknown = null
    rate = 1
    onend: (() => void) | null = null
    onerror: (() => void) | null = null
    constructor(public text: string) {}
  }
  const voices = [
    { lang: 'en-US', name: 'English' },
    { lang: 'zh-TW', name: '台灣' },
    { lang: 'zh-CN', name: '普通话' }
  ]

  beforeEach(() => {
    spoken.length = 0
    cancels = 0
    g.SpeechSynthesisUtterance = Utterance
    g.window = {
      speechSynthesis: {
        speak(u: Utterance) {
          spoken.push({ text: u.text, lang: u.lang, voice: u.voice, rate: u.rate })
          pending = u
        },
        cancel() {
          cancels += 1
          const u = pending
          pending = null
          u?.onerror?.()
        },
        getVoices: () => voices
      }
    }
  })
  afterEach(() => {
    delete g.window
    delete g.SpeechSynthesisUtterance
  })

  it('speaks in Mandarin with a zh-CN voice, stopping what was being read first', async () => {
    expect(h5Speech.supported).toBe(true)
    const done = h5Speech.speak('报名成功。')
    expect(cancels).toBe(1)
    expect(spoken).toEqual([{ text: '报名成功。', lang: 'zh-CN', voice: voices[2], rate: 0.9 }])
    pending!.onend!()
    await expect(done).resolves.toBeUndefined()
  })

  it('resolves a reading that is stopped', async () => {
    const done = h5Speech.speak('很长的通知')
    h5Speech.stop()
    await expect(done).resolves.toBeUndefined()
  })

  it('prefers zh-CN, then any Chinese voice, else leaves the default', () => {
    expect(pickVoice(voices as never)?.name).toBe('普通话')
    expect(pickVoice([voices[0], voices[1]] as never)?.name).toBe('台灣')
    expect(pickVoice([voices[0]] as never)).toBeNull()
  })

  it('is not supported without speechSynthesis, and then speaks nothing', async () => {
    delete g.window
    expect(h5Speech.supported).toBe(false)
    await expect(h5Speech.speak('你好')).resolves.toBeUndefined()
  })
})

describe('weapp: WechatSI textToSpeech played by an InnerAudioContext', () => {
  const requests: { lang: string; tts: boolean; content: string }[] = []
  let answer: 'ok' | 'fail' = 'ok'
  beforeEach(() => {
    requests.length = 0
    audios.length = 0
    answer = 'ok'
    g.requirePlugin = (name: string) => {
      if (name !== 'WechatSI') throw new Error(`no plugin ${name}`)
      return {
        textToSpeech(o: {
          lang: string
          tts: boolean
          content: string
          success(r: { retcode: number; filename: string }): void
          fail(e: unknown): void
        }) {
          requests.push({ lang: o.lang, tts: o.tts, content: o.content })
          setImmediate(() =>
            answer === 'ok'
              ? o.success({ retcode: 0, filename: `https://tts.example/${requests.length}.mp3` })
              : o.fail({ errMsg: 'network' })
          )
        }
      }
    }
  })
  afterEach(() => {
    delete g.requirePlugin
  })

  it('is supported only where the plugin can be required', () => {
    expect(weappSpeech.supported).toBe(true)
    delete g.requirePlugin
    expect(weappSpeech.supported).toBe(false)
  })

  it('turns the text into speech in zh_CN and plays it, louder than the mute switch', async () => {
    const done = weappSpeech.speak('签到成功。')
    await flush()
    expect(requests).toEqual([{ lang: 'zh_CN', tts: true, content: '签到成功。' }])
    expect(audios).toHaveLength(1)
    expect(audios[0]).toMatchObject({ src: 'https://tts.example/1.mp3', played: true, obeyMuteSwitch: false })
    audios[0].end()
    await done
    expect(audios[0].destroyed).toBe(true)
  })

  it('reads long text piece by piece, in order', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}条说明，请您仔细听好。`).join('')
    const done = weappSpeech.speak(text)
    for (let i = 0; ; i += 1) {
      await flush()
      await flush()
      if (audios.length === i) break
      audios[i].end()
    }
    await done
    expect(requests.length).toBeGreaterThan(1)
    expect(requests.map((r) => r.content).join('')).toBe(text)
  })

  it('stops at once and does not go on to the next piece', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}条说明，请您仔细听好。`).join('')
    const done = weappSpeech.speak(text)
    await flush()
    weappSpeech.stop()
    await done
    await flush()
    expect(audios).toHaveLength(1)
    expect(audios[0]).toMatchObject({ stopped: true, destroyed: true })
    expect(requests).toHaveLength(1)
  })

  it('gives up quietly when the plugin fails (no network)', async () => {
    answer = 'fail'
    await expect(weappSpeech.speak('你好')).resolves.toBeUndefined()
    expect(audios).toHaveLength(0)
  })
})

describe('the test double', () => {
  it('records what was read and stopped', async () => {
    const fake = createFakeSpeech()
    const first = fake.speak('一')
    const second = fake.speak('二')
    await first
    fake.stop()
    await second
    expect(fake.spoken).toEqual(['一', '二'])
    expect(fake.stops).toBe(1)
    expect(createFakeSpeech(false).supported).toBe(false)
  })
})

describe('what is read', () => {
  it('reads a notice’s title and the words of its children as sentences', () => {
    const body = createElement('span', null, '请按时参加，', createElement('b', null, '到场后扫码签到'), 3)
    expect(textOf(body)).toBe('请按时参加，到场后扫码签到3')
    expect(sentences('报名成功', textOf(body))).toBe('报名成功。请按时参加，到场后扫码签到3。')
    expect(sentences('已签到！', null, '', false)).toBe('已签到！')
  })

  it('reads an activity: what, my status, when (with 到), where, places, deadline, points, description, phone', () => {
    const startAt = beijingTime('2026-12-02', '09:00')
    const a = {
      id: 'a',
      title: '智能手机使用培训',
      type: '讲座',
      startAt,
      endAt: startAt + 2 * 3600_000,
      place: '肃州区老干部活动中心一楼',
      orgUnitName: '肃州区',
      capacity: 3,
      placesLeft: 0,
      status: 'published',
      points: 3,
      mySignup: 'waitlisted',
      myWaitlistPosition: 2,
      description: '请带上自己的手机。',
      signupDeadline: startAt - 3600_000,
      contactPhone: '0937-2612101',
      myCheckin: null,
      cancelReason: null
    } as unknown as ActivityDetail
    const text = activitySpeech(a)
    expect(text).toBe(
      '智能手机使用培训。您在候补名单上，排第 2 位。时间：12月2日 周三，09:00 到 11:00。地点：肃州区老干部活动中心一楼。名额已满，可报候补。' +
        '报名截止：12月2日 周三 08:00。签到后得 3 分。请带上自己的手机。有问题请打电话：0 9 3 7，2 6 1 2 1 0 1。'
    )
    expect(activitySpeech({ ...a, status: 'cancelled', cancelReason: '场地维修' } as ActivityDetail)).toContain(
      '这个活动已取消，原因：场地维修，不用前往了。'
    )
    expect(phoneWords('120')).toBe('1 2 0')
  })
})
