/**
 * h5: the browser's `online` event. Taro's onNetworkStatusChange does not fire on it in Chromium (it listens
 * to navigator.connection changes only), so a phone browser coming back from a dead spot would otherwise wait
 * for the outbox's next backoff. See network-watch.weapp.ts for WeChat.
 */
export function watchNetwork(
  onOnline: () => void,
  target: Pick<Window, 'addEventListener'> | undefined = globalThis.window
): void {
  target?.addEventListener('online', () => onOnline())
}
