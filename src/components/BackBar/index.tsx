import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { a11y } from '../a11y'
import './index.scss'

/**
 * h5 has no navigation bar: on pages below the tabs, a big 返回 button (or 回首页 when the page was opened
 * directly) so nobody is stranded. weapp uses the native navigation bar (index.weapp.tsx draws nothing).
 */
export default function BackBar() {
  const canGoBack = Taro.getCurrentPages().length > 1
  return (
    <View className='yl-back'>
      <View
        {...a11y({ role: 'button', label: canGoBack ? '返回上一页' : '回首页' })}
        className='yl-back__btn'
        data-testid='back'
        onClick={() => (canGoBack ? void Taro.navigateBack() : void Taro.switchTab({ url: '/pages/index/index' }))}
      >
        <Text>{canGoBack ? '‹ 返回' : '‹ 回首页'}</Text>
      </View>
    </View>
  )
}
