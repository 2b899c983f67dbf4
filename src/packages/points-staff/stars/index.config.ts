export default definePageConfig({ navigationBarTitleText: '践诺评星' })
