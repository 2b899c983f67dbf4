import { Text } from '@tarojs/components'

/** h5: no share sheet; the code is read out or sent by hand. (weapp: ShareInvite.weapp.tsx) */
export default function ShareInvite() {
  return <Text className='yl-members__hint'>把这 6 位数字告诉家人（打电话、发微信都可以）。</Text>
}
