import { mutate, query } from './api'

export function listMessages(cursor?: string) {
  return query('message.list', { limit: 20, ...(cursor ? { cursor } : {}) })
}

export function unreadCount() {
  return query('message.unreadCount', {})
}

export function markRead(ids: string[]) {
  return mutate('message.markRead', { ids }, { label: '标记消息已读' })
}

export function markAllRead() {
  return mutate('message.markRead', { all: true }, { label: '全部标为已读' })
}
