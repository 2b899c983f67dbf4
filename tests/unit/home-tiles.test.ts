/** The home page's tiles, per role: exactly six for a retiree, in the order the issue sets; one tap each. */
import type { Me } from '../../types/actions'
import { VOLUNTEER_HOME, tilesFor } from '../../src/pages/index/tile-list'

const person = {
  id: 'p',
  name: '张桂兰',
  orgUnitId: 'org-sz',
  orgUnitName: '肃州区',
  branchId: null,
  branchName: null,
  partyMember: true
} as unknown as Me['person']
const me = (roles: Me['roles'], withPerson: boolean): Pick<Me, 'roles' | 'person'> => ({
  roles,
  person: withPerson ? person : null
})
const words = (m: Pick<Me, 'roles' | 'person'> | null) => tilesFor(m).map((t) => t.text)

describe('home tiles', () => {
  it('gives a retiree exactly 扫码签到, 活动报名, 我的积分, 志愿服务, 我要求助, 联系我们, in that order', () => {
    expect(words(me(['retiree'], true))).toEqual([
      '扫码签到',
      '活动报名',
      '我的积分',
      '志愿服务',
      '我要求助',
      '联系我们'
    ])
    expect(words(me(['retiree', 'volunteer'], true))).toEqual([
      '扫码签到',
      '活动报名',
      '我的积分',
      '志愿服务',
      '我要求助',
      '联系我们'
    ])
  })

  it('sends 志愿服务 to the volunteer home and 联系我们 to the liaison phone', () => {
    const tiles = tilesFor(me(['retiree'], true))
    expect(tiles.find((t) => t.text === '志愿服务')?.target).toEqual({ kind: 'page', url: VOLUNTEER_HOME })
    expect(VOLUNTEER_HOME).toBe('/packages/volunteer/index/index')
    expect(tiles.find((t) => t.text === '联系我们')?.target).toEqual({ kind: 'call' })
    expect(tiles.find((t) => t.text === '活动报名')?.target).toEqual({ kind: 'tab', url: '/pages/activities/index' })
  })

  it('puts a family member’s elders first, and never offers them 扫码签到 (the elder checks in in person)', () => {
    expect(words(me(['family'], false))).toEqual(['我的长辈', '活动报名', '我要求助', '联系我们'])
  })

  it('gives staff and admins their work', () => {
    expect(words(me(['staff'], false))).toEqual(['工作台', '求助工单', '积分核销', '积分管理', '志愿管理'])
    expect(words(me(['admin'], false))).toEqual(['工作台', '求助工单', '积分核销', '积分管理', '志愿管理'])
  })

  it('keeps the six for a retiree who is also family or staff, with one more tile at the end', () => {
    expect(words(me(['retiree', 'family'], true))).toEqual([
      '扫码签到',
      '活动报名',
      '我的积分',
      '志愿服务',
      '我要求助',
      '联系我们',
      '我的长辈'
    ])
    expect(words(me(['retiree', 'staff'], true))).toEqual([
      '扫码签到',
      '活动报名',
      '我的积分',
      '志愿服务',
      '我要求助',
      '联系我们',
      '工作台'
    ])
  })

  it('gives every tile words and a distinct key', () => {
    for (const m of [me(['retiree'], true), me(['family'], false), me(['staff'], false), null]) {
      const tiles = tilesFor(m)
      expect(new Set(tiles.map((t) => t.key)).size).toBe(tiles.length)
      for (const t of tiles) expect(t.text.length).toBeGreaterThanOrEqual(2)
    }
  })
})
