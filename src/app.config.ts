export default defineAppConfig({
  // Main package: the tab pages, login and check-in. Everything else lives in subpackages.
  pages: ['pages/index/index', 'pages/activities/index', 'pages/me/index', 'pages/login/index', 'pages/checkin/index'],
  subPackages: [
    { root: 'packages/activity', pages: ['detail/index', 'mine/index'] },
    { root: 'packages/me', pages: ['messages/index', 'checkin-code/index'] },
    { root: 'packages/staff', pages: ['index/index', 'activity/index', 'edit/index', 'code/index'] }
  ],
  preloadRule: {
    'pages/activities/index': { network: 'all', packages: ['packages/activity'] },
    'pages/index/index': { network: 'all', packages: ['packages/activity'] },
    'pages/me/index': { network: 'all', packages: ['packages/me'] }
  },
  tabBar: {
    // Rendered by src/custom-tab-bar (weapp) and components/TabBar (h5): big labelled tabs for older eyes.
    custom: true,
    color: '#333333',
    selectedColor: '#a8071a',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/activities/index', text: '活动' },
      { pagePath: 'pages/me/index', text: '我的' }
    ]
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#a8071a',
    navigationBarTitleText: '银龄之家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5'
  },
  lazyCodeLoading: 'requiredComponents',
  usingComponents: {}
})
