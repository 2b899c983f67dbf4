/** The few @tarojs/taro calls our components make, for jsdom (they are run for real in the e2e tests). */
export const useDidHide = (_fn: () => void): void => undefined
export const useDidShow = (_fn: () => void): void => undefined
export const useRouter = () => ({ params: {} })
const Taro = {
  scanCode: () => Promise.reject({ errMsg: 'scanCode:fail not in weapp' }),
  makePhoneCall: () => Promise.resolve(),
  navigateTo: () => Promise.resolve(),
  switchTab: (_opts: { url: string }) => Promise.resolve(),
  getStorageSync: () => '',
  setStorageSync: () => undefined,
  removeStorageSync: () => undefined,
  getSystemInfoSync: () => ({ platform: 'devtools' })
}
export default Taro
