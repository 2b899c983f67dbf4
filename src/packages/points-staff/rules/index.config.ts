export default definePageConfig({ navigationBarTitleText: '修改积分规则' })
