import Taro from '@tarojs/taro'

/** weapp: WeChat tells the mini-program when the phone's network comes back. */
export function watchNetwork(onOnline: () => void): void {
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) onOnline()
  })
}
