export default definePageConfig({ navigationBarTitleText: '我的任务' })
