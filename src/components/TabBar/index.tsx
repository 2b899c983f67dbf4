import { View } from '@tarojs/components'
import TabBarView from './TabBarView'

/** h5: the tab bar is drawn inside each tab page (Taro's built-in h5 bar is hidden by app.scss). */
export default function TabBar() {
  return (
    <View className='yl-tabbar-holder'>
      <TabBarView />
    </View>
  )
}
