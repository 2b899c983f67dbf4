export default definePageConfig({ navigationBarTitleText: '我的长辈' })
