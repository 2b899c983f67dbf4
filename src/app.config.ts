export default defineAppConfig({
  // Main package: the tab pages, login and check-in. Everything else lives in subpackages.
  pages: ['pages/index/index', 'pages/activities/index', 'pages/me/index', 'pages/login/index', 'pages/checkin/index'],
  subPackages: [
    { root: 'packages/activity', pages: ['detail/index', 'mine/index'] },
    { root: 'packages/me', pages: ['messages/index', 'checkin-code/index'] },
    { root: 'packages/staff', pages: ['index/index', 'activity/index', 'edit/index', 'code/index'] },
    { root: 'packages/points', pages: ['index/index', 'rules/index', 'shop/index', 'orders/index', 'board/index'] },
    {
      root: 'packages/points-staff',
      pages: [
        'index/index',
        'people/index',
        'person/index',
        'items/index',
        'item/index',
        'verify/index',
        'export/index',
        'stars/index',
        'rules/index'
      ]
    },
    { root: 'packages/help', pages: ['new/index', 'list/index', 'detail/index', 'tasks/index'] },
    { root: 'packages/family', pages: ['home/index', 'bind/index', 'members/index', 'done/index'] },
    { root: 'packages/help-staff', pages: ['queue/index', 'assign/index', 'bindings/index', 'settings/index'] },
    {
      root: 'packages/volunteer',
      pages: [
        'index/index',
        'activity/index',
        'teams/index',
        'team/index',
        'hours/index',
        'certificate/index',
        'verify/index',
        'profile/index'
      ]
    },
    {
      root: 'packages/volunteer-staff',
      pages: [
        'index/index',
        'activity/index',
        'activity-edit/index',
        'shift-edit/index',
        'shift/index',
        'code/index',
        'team-edit/index',
        'pool/index'
      ]
    }
  ],
  preloadRule: {
    'pages/activities/index': { network: 'all', packages: ['packages/activity'] },
    // 我要求助 must open at once, also on a weak network (its duty phone is for emergencies).
    'pages/index/index': { network: 'all', packages: ['packages/activity', 'packages/help'] },
    'pages/me/index': { network: 'all', packages: ['packages/me', 'packages/points'] }
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
  // 朗读 in weapp: WeChat's 同声传译 plugin (src/platform/speech/index.weapp.ts); h5 uses speechSynthesis. It must
  // also be added to the mini-program in mp.weixin.qq.com (设置 → 第三方设置 → 插件管理), see docs/design-system.md.
  ...(process.env.TARO_ENV === 'weapp'
    ? { plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } } }
    : {}),
  lazyCodeLoading: 'requiredComponents',
  usingComponents: {}
})
