/** weapp: no keyboard; WeChat's screen reader presses what it reads. */
export function installKeyboardActivation(): void {}
