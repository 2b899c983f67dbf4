export default definePageConfig({ navigationBarTitleText: '银龄之家' })
