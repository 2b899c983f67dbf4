/**
 * 我的消息: the reading side of the inbox (server/domain/messages/inbox.ts writes). An account sees messages
 * addressed to itself and to its own roster person — never another person's, also not while acting for one.
 */
import type { Ctx, HandlerTable } from '../core/context'
import type { MessageItem } from '../../types/actions/messages'
import type { MessageDoc } from '../storage/schema'

const MAX_OFFSET = 500

const isMine = (ctx: Ctx, m: MessageDoc) =>
  m.toAccountId === ctx.actor.accountId || (!!ctx.actor.personId && m.toPersonId === ctx.actor.personId)

async function newestMine(ctx: Ctx, n: number, unreadOnly = false): Promise<MessageDoc[]> {
  const readAt = unreadOnly ? { readAt: null } : {}
  const [toAccount, toPerson] = await Promise.all([
    ctx.store.find('messages', {
      where: { toAccountId: ctx.actor.accountId, ...readAt },
      orderBy: [['at', 'desc']],
      limit: n
    }),
    ctx.actor.personId
      ? ctx.store.find('messages', {
          where: { toPersonId: ctx.actor.personId, ...readAt },
          orderBy: [['at', 'desc']],
          limit: n
        })
      : Promise.resolve([])
  ])
  const seen = new Set<string>()
  return [...toAccount, ...toPerson]
    .filter((m) => (seen.has(m._id) ? false : (seen.add(m._id), true)))
    .sort((a, b) => b.at - a.at || (a._id < b._id ? -1 : 1))
}

async function unreadCount(ctx: Ctx): Promise<number> {
  const [a, p] = await Promise.all([
    ctx.store.count('messages', { toAccountId: ctx.actor.accountId, readAt: null }),
    ctx.actor.personId
      ? ctx.store.count('messages', { toPersonId: ctx.actor.personId, readAt: null })
      : Promise.resolve(0)
  ])
  return a + p
}

const toItem = (m: MessageDoc): MessageItem => ({
  id: m._id,
  title: m.title,
  body: m.body,
  link: m.link,
  at: m.at,
  read: m.readAt !== null
})

export const messageHandlers = {
  'message.list': {
    run: async (ctx, { limit, cursor }) => {
      const offset = Math.min(MAX_OFFSET, cursor ? Number.parseInt(cursor, 36) || 0 : 0)
      const merged = await newestMine(ctx, offset + limit + 1)
      const page = merged.slice(offset, offset + limit)
      const more = merged.length > offset + limit && offset + limit < MAX_OFFSET
      return {
        items: page.map(toItem),
        unread: await unreadCount(ctx),
        nextCursor: more ? (offset + limit).toString(36) : null
      }
    }
  },

  'message.unreadCount': {
    run: async (ctx) => ({ unread: await unreadCount(ctx) })
  },

  'message.markRead': {
    run: async (ctx, input) => {
      const ids = 'ids' in input ? [...new Set(input.ids)] : (await newestMine(ctx, 1000, true)).map((m) => m._id)
      return ctx.write(async (tx) => {
        let marked = 0
        for (const id of ids) {
          const m = await tx.get('messages', id)
          // Someone else's message, or one already read: left alone.
          if (!m || !isMine(ctx, m) || m.readAt !== null) continue
          await tx.update('messages', id, { readAt: ctx.now })
          marked += 1
        }
        return { marked }
      })
    }
  }
} satisfies Partial<HandlerTable>
