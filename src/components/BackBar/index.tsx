import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { a11y } from '../a11y'
import './index.scss'

/**
 * h5 has no navigation bar: on pages below the tabs, a big 返回 button (or 回首页 when the page was opened
 * directly) so nobody is stranded. weapp uses the native navigation bar (index.weapp.tsx draws nothing).
 * Its name is its words (the arrow is hidden from screen readers), so what a voice-control user says is
 * what they see.
 */
export default function BackBar() {
  const canGoBack = Taro.getCurrentPages().length > 1
  return (
    <View {...a11y({ role: 'navigation', label: '返回' })} className='yl-back'>
      <View
        {...a11y({ role: 'button' })}
        className='yl-back__btn'
        data-testid='back'
        onClick={() => (canGoBack ? void Taro.navigateBack() : void Taro.switchTab({ url: '/pages/index/index' }))}
      >
        <Text {...a11y({ hidden: true })} className='yl-back__mark'>
          ‹
        </Text>
        <Text>{canGoBack ? '返回' : '回首页'}</Text>
      </View>
    </View>
  )
}
