export default definePageConfig({ navigationBarTitleText: '求助设置' })
