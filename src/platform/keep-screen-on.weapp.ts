import Taro from '@tarojs/taro'

/** weapp: keep the staff's phone awake while it shows the check-in code. */
export function keepScreenOn(on: boolean): void {
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}
