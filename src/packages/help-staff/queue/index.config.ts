export default definePageConfig({ navigationBarTitleText: '求助工单' })
