/**
 * 激活账号 writes through useSubmit like every page: a wrong-looking code is said at the field without a write,
 * a second tap while the first is under way does nothing, a refusal is said at the field, 待同步 in words, and
 * once applied the app goes home.
 */
import Taro from '@tarojs/taro'
import type { Me } from '../../types/actions'
import type { MutationOutcome } from '../../src/sync'
import Activation, { ACTIVATION_QUEUED } from '../../src/pages/login/activation'
import { activateAccount } from '../../src/services/auth'
import { click, render, settle, type } from './render'

jest.mock('../../src/services/auth', () => ({ activateAccount: jest.fn(), wechatLogin: jest.fn() }))

const activate = activateAccount as jest.MockedFunction<typeof activateAccount>
const me = { accountId: 'wx:o1', registered: true, displayName: '张桂兰', roles: ['retiree'] } as unknown as Me

function page() {
  const r = render(<Activation />, 'elder')
  const input = r.frame.querySelector('input')
  const button = r.byTestId('activation-submit')
  return { r, input, button }
}

afterEach(() => jest.clearAllMocks())

it('says at the field that a code is 6 digits, and writes nothing', () => {
  const { r, input, button } = page()
  type(input, '12345')
  click(button)
  expect(r.text()).toContain('激活码是 6 位数字')
  expect(activate).not.toHaveBeenCalled()
  r.unmount()
})

it('is busy while the write is under way (a second tap does nothing), then goes home', async () => {
  let finish: (o: MutationOutcome<Me>) => void = () => undefined
  activate.mockImplementation(() => new Promise((resolve) => (finish = resolve)))
  const home = jest.spyOn(Taro, 'switchTab')
  const { r, input, button } = page()
  type(input, '123456')
  click(button)
  click(button)
  expect(activate).toHaveBeenCalledTimes(1)
  expect(activate).toHaveBeenCalledWith('123456')
  finish({ status: 'applied', data: me })
  await settle()
  expect(home).toHaveBeenCalledWith({ url: '/pages/index/index' })
  r.unmount()
})

it('says a refused code at the field, and stays', async () => {
  activate.mockResolvedValue({
    status: 'rejected',
    code: 'NOT_FOUND',
    message: '激活码不对或已过期，请向工作人员再要一个'
  })
  const home = jest.spyOn(Taro, 'switchTab')
  const { r, input, button } = page()
  type(input, '654321')
  click(button)
  await settle()
  expect(r.text()).toContain('激活码不对或已过期，请向工作人员再要一个')
  expect(home).not.toHaveBeenCalled()
  r.unmount()
})

it('says in words that it waits for the network (待同步)', async () => {
  activate.mockResolvedValue({ status: 'queued', id: 'm1' } as MutationOutcome<Me>)
  const { r, input, button } = page()
  type(input, '111222')
  click(button)
  await settle()
  expect(r.byTestId('activation-said')?.textContent).toContain(ACTIVATION_QUEUED)
  r.unmount()
})
