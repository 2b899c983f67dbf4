export default definePageConfig({ navigationBarTitleText: '个人积分' })
