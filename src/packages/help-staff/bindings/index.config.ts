export default definePageConfig({ navigationBarTitleText: '家属绑定核实' })
