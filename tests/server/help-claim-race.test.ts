/**
 * Exactly one of many volunteers who press 接单 at the same moment gets the request, on every storage adapter
 * (the CloudBase stand-in interleaves the transactions and lets the first committer win).
 */
import { ADAPTERS } from '../support/adapters'
import { ACCOUNTS, makeHarness, type Harness } from '../support/harness'
import { addSuzhouVolunteers } from '../support/help-fixtures'

describe.each(ADAPTERS)('claiming a help request on $name', (adapter) => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness(adapter)
  })
  afterEach(() => h.cleanup())

  it('has exactly one winner among twelve concurrent claimers; the others are told it is taken', async () => {
    const volunteers = await addSuzhouVolunteers(h.store, 12)
    for (let round = 0; round < 3; round++) {
      const { id } = await h.as(ACCOUNTS.retiree).ok('help.create', {
        category: '家政维修',
        description: `卫生间灯不亮了，第 ${round + 1} 次。`,
        address: '肃州区东关街道富康家园 3 号楼 401',
        phone: '13909371001'
      })
      const results = await Promise.all(volunteers.map((v) => h.as(v).call('help.claim', { id })))
      const winners = results.filter((r) => r.ok)
      expect(winners).toHaveLength(1)
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(
        Array(volunteers.length - 1).fill('ALREADY_CLAIMED')
      )

      const doc = (await h.store.get('helpRequests', id))!
      const winner = volunteers[results.findIndex((r) => r.ok)]
      expect(doc).toMatchObject({ status: 'assigned', assigneeAccountId: winner })
      // One implied 受理 and one 接单 on the timeline, nothing from the losers.
      const events = await h.store.find('helpEvents', { where: { requestId: id } })
      expect(events.map((e) => e.kind).sort()).toEqual(['accepted', 'claimed', 'submitted'])
      expect(events.find((e) => e.kind === 'claimed')!.actorAccountId).toBe(winner)
      const told = await h.store.find('messages', { where: { toAccountId: { in: volunteers } } })
      expect(told.filter((m) => m.link?.endsWith(id)).map((m) => m.toAccountId)).toEqual([winner])
    }
  })
})
