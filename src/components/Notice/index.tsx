import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../a11y'
import ReadAloud from '../ReadAloud'
import { keepText } from '../Keep'
import { sentences, textOf } from '../ReadAloud/text-of'
import './index.scss'

export type NoticeTone = 'success' | 'warning' | 'danger' | 'info'

/** A result in words, as pages keep it in state (see hooks/use-submit): a line, and any details under it. */
export interface NoticeValue {
  tone: NoticeTone
  text: string
  lines?: string[]
}

const MARK: Record<NoticeTone, string> = { success: '✓', warning: '!', danger: '✕', info: '●' }

export type NoticeProps =
  | { tone: NoticeTone; title: string; children?: ReactNode; testId?: string; readAloud?: boolean }
  | { notice: NoticeValue | null; testId?: string; readAloud?: boolean }

/**
 * The answer to what the user just did, in words, right where they did it: 签到成功 / 已签到 / 待同步 / why not.
 * It stays until the next action (nothing important disappears on a timer). Give it a tone and a title (and
 * optional details), or a NoticeValue (nothing is shown while it is null). A 朗读 button reads it aloud
 * (readAloud={false} leaves it out, e.g. for a form's list of what to fix).
 */
export default function Notice(props: NoticeProps) {
  if ('notice' in props) {
    if (!props.notice) return null
    const { tone, text, lines } = props.notice
    return (
      <NoticeBox tone={tone} title={text} testId={props.testId ?? 'notice'} readAloud={props.readAloud}>
        {lines?.length
          ? lines.map((l) => (
              <Text key={l} className='yl-notice__line'>
                {keepText(l)}
              </Text>
            ))
          : null}
      </NoticeBox>
    )
  }
  return <NoticeBox {...props} />
}

function NoticeBox({
  tone,
  title,
  children,
  testId,
  readAloud = true
}: {
  tone: NoticeTone
  title: string
  children?: ReactNode
  testId?: string
  readAloud?: boolean
}) {
  return (
    <View
      {...a11y({ role: tone === 'danger' ? 'alert' : 'status', live: 'polite' })}
      className={`yl-notice yl-notice--${tone}`}
      data-testid={testId}
      data-tone={tone}
    >
      <Text className='yl-notice__title'>
        <Text {...a11y({ hidden: true })}>{MARK[tone]} </Text>
        {keepText(title)}
      </Text>
      {children ? <View className='yl-notice__body'>{children}</View> : null}
      {readAloud ? (
        <View className='yl-notice__read'>
          <ReadAloud text={sentences(title, textOf(children))} testId={testId ? `${testId}-read` : undefined} />
        </View>
      ) : null}
    </View>
  )
}
