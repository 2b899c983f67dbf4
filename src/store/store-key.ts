/** The storage name the app's state is persisted under (chunked: see chunked-storage.ts). */
export const STORE_KEY = 'yinling-state'
