export default definePageConfig({ navigationBarTitleText: '银发人才库' })
