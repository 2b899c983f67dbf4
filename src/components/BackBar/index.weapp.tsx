/** weapp: the native navigation bar has the back button. */
export default function BackBar() {
  return null
}
