import TabBarView from '@/components/TabBar/TabBarView'

/** weapp custom tab bar (app.config tabBar.custom = true). */
export default function CustomTabBar() {
  return <TabBarView />
}
