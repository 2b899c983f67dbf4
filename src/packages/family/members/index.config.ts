export default definePageConfig({ navigationBarTitleText: '家属绑定', enableShareAppMessage: true })
