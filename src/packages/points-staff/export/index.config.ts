export default definePageConfig({ navigationBarTitleText: '导出积分表' })
