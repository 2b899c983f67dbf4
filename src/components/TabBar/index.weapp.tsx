/** weapp: src/custom-tab-bar draws the tab bar; the page draws nothing. */
export default function TabBar() {
  return null
}
