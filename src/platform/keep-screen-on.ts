/** h5: browsers offer no portable way; the staff's screen settings decide. See keep-screen-on.weapp.ts. */
export function keepScreenOn(_on: boolean): void {}
