import { z } from 'zod'
import { ANY_ROLE } from '../roles'
import { defineAction, zId } from '../define'

export interface MessageItem {
  id: string
  title: string
  body: string
  /** A page to open, e.g. /packages/activity/detail/index?id=… */
  link: string | null
  at: number
  read: boolean
}

export const messageActions = {
  /** 我的消息: messages to the caller's account and to the caller's own roster person, newest first. */
  'message.list': defineAction<{ items: MessageItem[]; unread: number; nextCursor: string | null }>()({
    kind: 'query',
    access: ANY_ROLE,
    input: z.object({ limit: z.number().int().min(1).max(50).default(20), cursor: z.string().max(20).optional() })
  }),
  'message.unreadCount': defineAction<{ unread: number }>()({ kind: 'query', access: ANY_ROLE, input: z.object({}) }),
  /** Mark some (ids) or all of the caller's messages read. Messages of others are ignored. */
  'message.markRead': defineAction<{ marked: number }>()({
    kind: 'mutation',
    access: ANY_ROLE,
    input: z.union([
      z.object({ ids: z.array(zId).min(1).max(100) }).strict(),
      z.object({ all: z.literal(true) }).strict()
    ])
  })
}
