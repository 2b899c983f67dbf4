import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import { TABS, useTabState } from './tabs'
import './index.scss'
import { a11y } from '../a11y'

/** The tab bar's look, shared by weapp's custom-tab-bar and the h5 in-page bar. */
export default function TabBarView() {
  const current = useTabState((s) => s.current)
  const elder = useAppStore((s) => s.elderMode)
  return (
    <View
      {...a11y({ role: 'navigation', label: '主菜单' })}
      className={`yl-page yl-tabbar${elder ? ' yl-page--elder' : ''}`}
    >
      {TABS.map((tab, i) => (
        <View
          {...a11y({ role: 'link', label: tab.text })}
          key={tab.path}
          className={`yl-tabbar__item${i === current ? ' yl-tabbar__item--on' : ''}`}

          data-testid={`tab-${tab.text}`}
          onClick={() => {
            useTabState.getState().setCurrent(i)
            void Taro.switchTab({ url: tab.path })
          }}
        >
          <Text {...a11y({ hidden: true })} className='yl-tabbar__icon'>
            {tab.icon}
          </Text>
          <Text className='yl-tabbar__text'>{tab.text}</Text>
        </View>
      ))}
    </View>
  )
}
