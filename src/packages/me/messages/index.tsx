import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MessageItem } from '@contract/actions'
import { formatDateTime } from '@contract/time'
import Page from '@/components/Page'
import Card from '@/components/Card'
import StatusTag from '@/components/StatusTag'
import BigButton from '@/components/BigButton'
import ReadAloud from '@/components/ReadAloud'
import { sentences } from '@/components/ReadAloud/text-of'
import { Empty, ErrorBlock, Loading } from '@/components/StateBlock'
import { useRemote } from '@/hooks/use-remote'
import Notice, { type NoticeValue } from '@/components/Notice'
import { useSubmit } from '@/hooks/use-submit'
import type { MutationOutcome } from '@/sync'
import { listMessages, markAllRead, markRead } from '@/services/messages'
import './index.scss'

/**
 * 我的消息: newest first; unread ones marked in words. Each can be read aloud (朗读); opening it or reading it
 * marks it read, and 去看看 goes where it points.
 */
export default function MessagesPage() {
  const list = useRemote(() => listMessages(), [])
  const [more, setMore] = useState<MessageItem[]>([])
  const [cursor, setCursor] = useState<string | null | undefined>(undefined)
  const [readHere, setReadHere] = useState<Set<string>>(new Set())
  // The first page is loaded again whenever the page shows again: later pages start over from it.
  useEffect(() => {
    setMore([])
    setCursor(undefined)
  }, [list.data])
  const items = [...(list.data?.items ?? []), ...more]
  const next = cursor === undefined ? list.data?.nextCursor : cursor
  const unread = items.filter((m) => !m.read && !readHere.has(m.id)).length

  // Marked read here at once; only a refusal is said (a queued mark is sent later, nothing to do about it).
  const submit = useSubmit()
  const onlyRefusal = (o: MutationOutcome<unknown>): NoticeValue | null =>
    o.status === 'rejected' ? { tone: 'danger', text: o.message } : null
  const markHere = (m: MessageItem) => {
    if (!m.read && !readHere.has(m.id)) {
      setReadHere((prev) => new Set([...prev, m.id]))
      void submit.run(() => markRead([m.id]), { key: m.id, said: onlyRefusal })
    }
  }
  const open = (m: MessageItem) => {
    markHere(m)
    if (m.link) void Taro.navigateTo({ url: m.link })
  }

  return (
    <Page title='我的消息' testId='page-messages'>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <Empty text='还没有消息。报名的活动有变化时，会在这里告诉您。' /> : null}
      <Notice notice={submit.notice} testId='messages-result' />
      {unread > 0 ? (
        <View className='yl-msg__all'>
          <BigButton
            variant='secondary'
            testId='mark-all-read'
            loading={submit.isBusy('all')}
            onClick={() => {
              setReadHere(new Set(items.map((m) => m.id)))
              void submit.run(() => markAllRead(), { key: 'all', said: onlyRefusal })
            }}
          >
            全部标为已读（{unread} 条未读）
          </BigButton>
        </View>
      ) : null}
      {items.map((m) => {
        const isRead = m.read || readHere.has(m.id)
        // Not one big tap target: the card holds two buttons of its own (朗读, and 去看看 or 标为已读).
        return (
          <Card key={m.id} tone={isRead ? 'default' : 'highlight'} testId={`message-${m.id}`}>
            <View className='yl-msg__head'>
              {isRead ? <StatusTag tone='neutral'>已读</StatusTag> : <StatusTag tone='danger'>未读</StatusTag>}
              <Text className='yl-msg__time'>{formatDateTime(m.at)}</Text>
            </View>
            <Text className='yl-msg__title'>{m.title}</Text>
            <Text className='yl-msg__body'>{m.body}</Text>
            <View className='yl-msg__actions'>
              <ReadAloud text={sentences(m.title, m.body)} testId={`message-read-${m.id}`} onRead={() => markHere(m)} />
              {m.link ? (
                <BigButton variant='secondary' block={false} testId={`message-open-${m.id}`} onClick={() => open(m)}>
                  去看看 ›
                </BigButton>
              ) : !isRead ? (
                <BigButton variant='plain' block={false} testId={`message-mark-${m.id}`} onClick={() => markHere(m)}>
                  标为已读
                </BigButton>
              ) : null}
            </View>
          </Card>
        )
      })}
      {next ? (
        <BigButton
          variant='plain'
          onClick={() =>
            void listMessages(next).then((page) => {
              setMore([...more, ...page.items])
              setCursor(page.nextCursor)
            })
          }
        >
          看更早的消息
        </BigButton>
      ) : null}
    </Page>
  )
}
