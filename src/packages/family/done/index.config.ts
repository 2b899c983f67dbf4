export default definePageConfig({ navigationBarTitleText: '替我办过的事' })
