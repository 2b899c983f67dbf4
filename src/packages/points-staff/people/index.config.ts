export default definePageConfig({ navigationBarTitleText: '查积分' })
