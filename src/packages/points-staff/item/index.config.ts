export default definePageConfig({ navigationBarTitleText: '编辑兑换物品' })
