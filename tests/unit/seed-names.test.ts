/** The demo deployment's accounts carry the names of the roster persons they are (wx:seed-volunteer-1 is 吕春生). */
import { demoAccounts, demoPersons } from '../../server/seed/demo-data'

describe('demo seed names', () => {
  it('names every account on a roster person after that person', () => {
    const now = Date.UTC(2026, 10, 30, 23)
    const persons = new Map(demoPersons(now).map((p) => [p._id, p]))
    const accounts = demoAccounts(now, () => 'x').filter((a) => a.personId)
    expect(accounts.length).toBeGreaterThan(5)
    for (const a of accounts) expect([a._id, a.displayName]).toEqual([a._id, persons.get(a.personId!)?.name])
    expect(accounts.find((a) => a._id === 'wx:seed-volunteer-1')?.displayName).toBe('吕春生')
  })
})
