/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn' | 'rn'
    TARO_APP_ID?: string
    /** When set, the app calls this HTTP API (the local host) instead of the cloud function, also in weapp. */
    TARO_APP_API_BASE?: string
    /** The CloudBase environment id the weapp build calls. */
    TARO_APP_CLOUD_ENV?: string
  }
}
