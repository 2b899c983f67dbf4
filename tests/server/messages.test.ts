/** 我的消息: an account reads messages to itself and to its own roster person, and only those. */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { sendMessage } from '../../server/domain/messages/inbox'

describe.each(ADAPTERS)('messages ($name)', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
    const t = h.clock.now()
    await h.store.transaction(async (tx) => {
      await sendMessage(tx, {
        id: 'm-person-1',
        toPersonId: 'p-zhangguilan',
        title: '给张桂兰一',
        body: '正文',
        at: t - 3000
      })
      await sendMessage(tx, {
        id: 'm-person-2',
        toPersonId: 'p-zhangguilan',
        title: '给张桂兰二',
        body: '正文',
        at: t - 1000
      })
      await sendMessage(tx, {
        id: 'm-account',
        toAccountId: ACCOUNTS.retiree,
        title: '给她的账号',
        body: '正文',
        at: t - 2000
      })
      await sendMessage(tx, { id: 'm-other', toPersonId: 'p-lideming', title: '给李德明', body: '正文', at: t })
      await sendMessage(tx, { id: 'm-family', toAccountId: ACCOUNTS.family, title: '给家属', body: '正文', at: t })
    })
  })
  afterEach(() => h.cleanup())

  it('lists her messages newest first with the unread count, and nobody else’s', async () => {
    const r = await h.as(ACCOUNTS.retiree).ok('message.list', {})
    expect(r.items.map((m) => m.id)).toEqual(['m-person-2', 'm-account', 'm-person-1'])
    expect(r.unread).toBe(3)
    expect(await h.as(ACCOUNTS.retiree).ok('message.unreadCount', {})).toEqual({ unread: 3 })
    // The daughter reads her own inbox only; acting for her mother does not open the mother's.
    expect(await h.as(ACCOUNTS.family).call('message.list', {}, { actingFor: 'p-zhangguilan' })).toMatchObject({
      ok: false,
      code: 'PROXY_NOT_ALLOWED'
    })
    expect((await h.as(ACCOUNTS.family).ok('message.list', {})).items.map((m) => m.id)).toEqual(['m-family'])
  })

  it('pages with a cursor', async () => {
    const first = await h.as(ACCOUNTS.retiree).ok('message.list', { limit: 2 })
    expect(first.items.map((m) => m.id)).toEqual(['m-person-2', 'm-account'])
    const second = await h.as(ACCOUNTS.retiree).ok('message.list', { limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((m) => m.id)).toEqual(['m-person-1'])
    expect(second.nextCursor).toBeNull()
  })

  it('marks her own messages read and ignores anyone else’s', async () => {
    const r = await h.as(ACCOUNTS.retiree).ok('message.markRead', { ids: ['m-person-1', 'm-other', 'nope'] })
    expect(r).toEqual({ marked: 1 })
    expect((await h.store.get('messages', 'm-other'))!.readAt).toBeNull()
    expect((await h.as(ACCOUNTS.retiree).ok('message.unreadCount', {})).unread).toBe(2)
    expect(await h.as(ACCOUNTS.retiree).ok('message.markRead', { all: true })).toEqual({ marked: 2 })
    const after = await h.as(ACCOUNTS.retiree).ok('message.list', {})
    expect(after.unread).toBe(0)
    expect(after.items.every((m) => m.read)).toBe(true)
    expect((await h.as(ACCOUNTS.retireeDunhuang).ok('message.unreadCount', {})).unread).toBe(1)
  })

  it('refuses a malformed request', async () => {
    for (const payload of [{}, { ids: [] }, { all: false }, { ids: ['a'], all: true }]) {
      expect(await h.as(ACCOUNTS.retiree).call('message.markRead', payload as never)).toMatchObject({
        ok: false,
        code: 'VALIDATION'
      })
    }
  })
})
